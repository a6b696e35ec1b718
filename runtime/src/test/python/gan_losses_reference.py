"""Reference values for GanLossTest and RmsPropTest, computed with PyTorch.

Run with a Python that has torch:  python3 runtime/src/test/python/gan_losses_reference.py
and paste the printed Java lines into the tests. Each loss is the mean over the batch, as the
trainer uses it; the gradient is d loss / d score.
"""
import torch
import torch.nn.functional as F

torch.set_printoptions(precision=10)

# Scores of all kinds: ordinary, near the hinge margins, and far out where a naive
# log(1 + exp(-x)) overflows or a sigmoid rounds to 0 or 1 in float32.
X = [0.3, -1.2, 2.5, -0.7, 1.0, -1.0, 0.999, -0.999, 40.0, -40.0, 100.0, -100.0]
LABELS = [1.0, 0.0, 0.9]


def jfloat(v):
    return repr(float(v)) + "f"


def java_array(name, values):
    return "    static final float[] %s = {%s};" % (name, ", ".join(jfloat(v) for v in values))


def record(name, fn):
    x = torch.tensor(X, dtype=torch.float32, requires_grad=True)
    loss = fn(x)
    loss.backward()
    print("    // %s" % name)
    print("    static final float %s_LOSS = %s;" % (name, jfloat(loss.item())))
    print(java_array(name + "_GRAD", x.grad.tolist()))


print("    // PyTorch %s" % torch.__version__)
print(java_array("X", X))
for y in LABELS:
    tag = str(y).replace(".", "_")
    record("LOGITS_" + tag, lambda x: F.binary_cross_entropy_with_logits(x, torch.full_like(x, y)))
    record("LSGAN_" + tag, lambda x: F.mse_loss(x, torch.full_like(x, y)))
record("HINGE_REAL", lambda x: torch.relu(1 - x).mean())
record("HINGE_FAKE", lambda x: torch.relu(1 + x).mean())
record("HINGE_GENERATOR", lambda x: -x.mean())
record("WGAN_REAL", lambda x: -x.mean())
record("WGAN_FAKE", lambda x: x.mean())

# RMSprop: three steps from fixed parameters and gradients, defaults but lr.
p = torch.tensor([0.5, -0.25, 1.5, 0.0, -2.0], dtype=torch.float32, requires_grad=True)
grads = [[0.1, -0.2, 0.3, 1e-4, -5.0], [0.05, 0.4, -0.3, 0.0, -4.0], [-0.2, 0.1, 0.0, 2e-3, 3.0]]
opt = torch.optim.RMSprop([p], lr=0.01)
print("    // RMSprop(lr=0.01): parameters after each of three steps")
for k, g in enumerate(grads):
    p.grad = torch.tensor(g, dtype=torch.float32)
    opt.step()
    print(java_array("RMSPROP_STEP_%d" % (k + 1), p.detach().tolist()))
opt2 = torch.optim.RMSprop([torch.zeros(1, requires_grad=True)], lr=0.003, alpha=0.9, eps=1e-6)
q = opt2.param_groups[0]["params"][0]
print("    // RMSprop(lr=0.003, alpha=0.9, eps=1e-6) on one parameter with gradient 0.7, 0.7, -0.1")
for k, g in enumerate([0.7, 0.7, -0.1]):
    q.grad = torch.tensor([g])
    opt2.step()
    print("    static final float RMSPROP_OTHER_%d = %s;" % (k + 1, jfloat(q.item())))
