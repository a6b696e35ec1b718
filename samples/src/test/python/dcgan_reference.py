"""Writes a PyTorch reference run of the images sample's DCGAN for jgan's equivalence test.

Three iterations of the sample's loop (batch 128, BCE, Adam 2e-4 with betas 0.5 and 0.999; a D step
on real plus detached fakes, the losses summed, then a G step on fresh noise) from parameters,
noise and data that the Java test computes with the same formula (value(n, seed) below), so only
PyTorch's results are recorded: each iteration's losses, and per tensor of the final state dicts
(parameters and batch-norm running statistics) its sum, its sum of absolute values and 16 entries.
Regenerate with:
  /usr/bin/python3 samples/src/test/python/dcgan_reference.py > samples/src/test/resources/dcgan_reference.txt
"""
import numpy as np
import torch
from torch import nn

ITERATIONS, BATCH, NOISE = 3, 128, 100
torch.set_num_threads(1)


def value(n, seed):
    """Floats in [-1, 1]: ((k * 7919 + seed * 104729) % 2001 - 1000) / 1000, rounded to float32."""
    k = np.arange(n, dtype=np.int64)
    return torch.from_numpy((((k * 7919 + seed * 104729) % 2001 - 1000) / 1000.0).astype(np.float32))


generator = nn.Sequential(
    nn.Linear(NOISE, 6272, bias=False), nn.BatchNorm1d(6272), nn.ReLU(), nn.Unflatten(1, (128, 7, 7)),
    nn.ConvTranspose2d(128, 64, 4, 2, 1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
    nn.ConvTranspose2d(64, 1, 4, 2, 1), nn.Tanh())
# Images as [batch, 1, 28, 28], as jgan's flat [batch, 784] in NCHW order.
discriminator = nn.Sequential(
    nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2), nn.Conv2d(64, 128, 4, 2, 1, bias=False), nn.BatchNorm2d(128),
    nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(6272, 1), nn.Sigmoid())


def initialise(network, seed):
    """Weights value * 0.05, batch-norm weights 1 + 0.1 value, biases 0.1 value, in state-dict order."""
    with torch.no_grad():
        for k, (name, p) in enumerate(network.named_parameters()):
            v = value(p.numel(), seed + k).reshape(p.shape)
            if name.endswith("bias"):
                p.copy_(v * 0.1)
            elif p.dim() == 1:
                p.copy_(1 + v * 0.1)
            else:
                p.copy_(v * 0.05)


def dump(prefix, network):
    for name, t in network.state_dict().items():
        v = t.detach().double().reshape(-1).numpy()
        picks = [v[(j * len(v)) // 16] for j in range(16)] if len(v) >= 16 else list(v)
        print(prefix + name, len(v), repr(float(v.sum())), repr(float(np.abs(v).sum())),
              " ".join(repr(float(np.float32(x))) for x in picks))


def main():
    initialise(generator, 10)
    initialise(discriminator, 50)
    g_opt = torch.optim.Adam(generator.parameters(), lr=2e-4, betas=(0.5, 0.999))
    d_opt = torch.optim.Adam(discriminator.parameters(), lr=2e-4, betas=(0.5, 0.999))
    for i in range(ITERATIONS):
        real = value(BATCH * 784, 1000 + i).reshape(BATCH, 1, 28, 28)
        iterate(generator, discriminator, g_opt, d_opt, real, i)
    dump("g.", generator)
    dump("d.", discriminator)


def iterate(generator, discriminator, g_opt, d_opt, real, i, real_labels=None, fake_labels=lambda: None):
    """One iteration of the sample's loop, its losses printed; for a conditional GAN, fake_labels() draws
    the fakes' labels when jgan's trainer does (after D has seen the real batch)."""
    run = lambda network, x, label: network(x) if label is None else network(x, label)
    batch = real.shape[0]
    bce = nn.BCELoss()
    d_opt.zero_grad()
    loss_real = bce(run(discriminator, real, real_labels), torch.ones(batch, 1))
    loss_real.backward()
    z = value(batch * NOISE, 2000 + 2 * i).reshape(batch, NOISE) * 1.5
    labels = fake_labels()
    loss_fake = bce(run(discriminator, run(generator, z, labels).detach(), labels), torch.zeros(batch, 1))
    loss_fake.backward()
    d_opt.step()
    z = value(batch * NOISE, 2001 + 2 * i).reshape(batch, NOISE) * 1.5
    labels = fake_labels()
    g_opt.zero_grad()
    loss_g = bce(run(discriminator, run(generator, z, labels), labels), torch.ones(batch, 1))
    loss_g.backward()
    g_opt.step()
    print("losses", float(loss_real + loss_fake), float(loss_g))


if __name__ == "__main__":
    main()
