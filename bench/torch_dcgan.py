#!/usr/bin/env python3
"""PyTorch reference for jgan's DCGAN on 28x28 images (`jgan images train --model dcgan`).

G: Linear(100, 6272, bias=False) BatchNorm1d ReLU Unflatten(128, 7, 7)
   ConvTranspose2d(128, 64, 4, 2, 1, bias=False) BatchNorm2d ReLU ConvTranspose2d(64, 1, 4, 2, 1) Tanh
D: Conv2d(1, 64, 4, 2, 1) LeakyReLU(0.2) Conv2d(64, 128, 4, 2, 1, bias=False) BatchNorm2d LeakyReLU(0.2)
   Flatten Linear(6272, 1) Sigmoid
BCE; Adam lr 2e-4, betas (0.5, 0.999) for both; batch 128. Per step: a D step on real (label 1) plus
G(z).detach() (label 0), the losses summed, then a G step on fresh N(0, 1) noise (label 1). The
"real" data are a fixed random pool in [-1, 1] (timing only: no dataset is read). Convolutions run
on PyTorch's CPU backend (oneDNN when the build has it: see the '#' line).

Only steps after --warmup steps are timed (time.perf_counter).
Last line printed: torch_ms=<mean milliseconds per training step>
"""
import argparse
import os
import time


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--steps", type=int, default=20, help="timed training steps (default 20)")
    p.add_argument("--warmup", type=int, default=3, help="untimed steps before timing (default 3)")
    p.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default 1)")
    p.add_argument("--blas-threads", type=int, default=None,
                   help="set OPENBLAS_NUM_THREADS before torch is loaded (default: leave env as is)")
    p.add_argument("--seed", type=int, default=0, help="torch.manual_seed (default 0)")
    a = p.parse_args()
    if a.steps < 1 or a.warmup < 0:
        p.error("--steps must be >= 1 and --warmup >= 0")
    return a


args = parse_args()
if args.blas_threads is not None:
    os.environ["OPENBLAS_NUM_THREADS"] = str(args.blas_threads)

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

torch.set_num_threads(args.threads)
try:
    torch.set_num_interop_threads(1)
except RuntimeError:
    pass
torch.manual_seed(args.seed)
BATCH = 128

print("# torch %s, intra-op threads %d, mkldnn %s"
      % (torch.__version__, torch.get_num_threads(), torch.backends.mkldnn.is_available()))

G = nn.Sequential(
    nn.Linear(100, 6272, bias=False), nn.BatchNorm1d(6272), nn.ReLU(), nn.Unflatten(1, (128, 7, 7)),
    nn.ConvTranspose2d(128, 64, 4, 2, 1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
    nn.ConvTranspose2d(64, 1, 4, 2, 1), nn.Tanh())
D = nn.Sequential(
    nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2), nn.Conv2d(64, 128, 4, 2, 1, bias=False), nn.BatchNorm2d(128),
    nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(6272, 1), nn.Sigmoid())
g_opt = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
d_opt = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))
bce = nn.BCELoss()
ones, zeros = torch.ones(BATCH, 1), torch.zeros(BATCH, 1)
pool = torch.rand(4, BATCH, 1, 28, 28) * 2 - 1


def step(i):
    d_opt.zero_grad()
    bce(D(pool[i % 4]), ones).backward()
    bce(D(G(torch.randn(BATCH, 100)).detach()), zeros).backward()
    d_opt.step()
    g_opt.zero_grad()
    bce(D(G(torch.randn(BATCH, 100))), ones).backward()
    g_opt.step()


for i in range(args.warmup):
    step(i)
times = []
for i in range(args.steps):
    t0 = time.perf_counter()
    step(i)
    times.append(time.perf_counter() - t0)
times.sort()
print("# %d steps: median %.1f ms, min %.1f ms" % (len(times), 1e3 * times[len(times) // 2], 1e3 * times[0]))
print("torch_ms=%.2f" % (1e3 * sum(times) / len(times)))
