#!/usr/bin/env python3
"""PyTorch reference for jgan's MLP GAN on 28x28 images (seeds 003/004; SAMPLES.md section 3).

D: Linear(784,1024) LeakyReLU(0.2) Dropout(0.3), Linear(1024,512) LeakyReLU(0.2) Dropout(0.3),
   Linear(512,256) LeakyReLU(0.2) Dropout(0.3), Linear(256,1) Sigmoid.
G: Linear(100,256) LeakyReLU(0.2), Linear(256,512) LeakyReLU(0.2), Linear(512,1024)
   LeakyReLU(0.2), Linear(1024,784) Tanh.
BCE; Adam lr 2e-4 for both; batch 100. Per step, as in seed 003: D step on real (label 1)
plus G(z).detach() (label 0), each loss backpropagated, one D optimizer step (D loss = their
sum); then a G step with fresh N(0,1) noise against label 1. The "real" data are random
values in [-1,1] (a fixed pool made once, timing only: no dataset is read).

Only steps after --warmup steps are timed (time.perf_counter).
Last line printed: torch_ms=<mean milliseconds per training step>
--matmul instead times the forward product [100,784] x [784,1024] (F.linear) and prints
last: torch_gflops=<GFLOP/s> (2*100*784*1024 flops per product).
"""
import argparse
import os
import time


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--steps", type=int, default=None,
                   help="timed training steps (default 200); with --matmul: timed products (default 3000)")
    p.add_argument("--warmup", type=int, default=None,
                   help="untimed steps before timing (default 10; with --matmul 200)")
    p.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default 1)")
    p.add_argument("--blas-threads", type=int, default=None,
                   help="set OPENBLAS_NUM_THREADS before torch is loaded (default: leave env as is)")
    p.add_argument("--seed", type=int, default=0, help="torch.manual_seed (default 0)")
    p.add_argument("--noise", type=int, default=100, help="noise size (default 100; seed 004 uses 128)")
    p.add_argument("--matmul", action="store_true",
                   help="time the [100,784] x [784,1024] forward product instead of training")
    a = p.parse_args()
    if a.warmup is None:
        a.warmup = 200 if a.matmul else 10
    if a.steps is None:
        a.steps = 3000 if a.matmul else 200
    if a.steps < 1 or a.warmup < 0:
        p.error("--steps must be >= 1 and --warmup >= 0")
    return a


args = parse_args()
if args.blas_threads is not None:
    os.environ["OPENBLAS_NUM_THREADS"] = str(args.blas_threads)

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402


def setup_threads(n):
    torch.set_num_threads(n)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass


def describe():
    blas = "?"
    try:
        import ctypes
        lib = ctypes.CDLL("libopenblas.so.0")
        lib.openblas_get_corename.restype = ctypes.c_char_p
        blas = "%s/%d threads" % (lib.openblas_get_corename().decode(), lib.openblas_get_num_threads())
    except Exception:
        pass
    print("# torch %s, intra-op threads %d, inter-op threads %d, openblas %s"
          % (torch.__version__, torch.get_num_threads(), torch.get_num_interop_threads(), blas))


BATCH, PIXELS = 100, 784


class DiscriminatorNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden0 = nn.Sequential(nn.Linear(PIXELS, 1024), nn.LeakyReLU(0.2), nn.Dropout(0.3))
        self.hidden1 = nn.Sequential(nn.Linear(1024, 512), nn.LeakyReLU(0.2), nn.Dropout(0.3))
        self.hidden2 = nn.Sequential(nn.Linear(512, 256), nn.LeakyReLU(0.2), nn.Dropout(0.3))
        self.out = nn.Sequential(nn.Linear(256, 1), nn.Sigmoid())

    def forward(self, x):
        return self.out(self.hidden2(self.hidden1(self.hidden0(x))))


class GeneratorNet(nn.Module):
    def __init__(self, n_noise):
        super().__init__()
        self.hidden0 = nn.Sequential(nn.Linear(n_noise, 256), nn.LeakyReLU(0.2))
        self.hidden1 = nn.Sequential(nn.Linear(256, 512), nn.LeakyReLU(0.2))
        self.hidden2 = nn.Sequential(nn.Linear(512, 1024), nn.LeakyReLU(0.2))
        self.out = nn.Sequential(nn.Linear(1024, PIXELS), nn.Tanh())

    def forward(self, x):
        return self.out(self.hidden2(self.hidden1(self.hidden0(x))))


def run_matmul():
    x = torch.rand(BATCH, PIXELS) * 2 - 1
    w = torch.rand(1024, PIXELS) * 2 - 1   # nn.Linear layout [out, in]: x @ w.T is [100,784]x[784,1024]
    with torch.no_grad():
        for _ in range(args.warmup):
            F.linear(x, w)
        clock = time.perf_counter
        t0 = clock()
        for _ in range(args.steps):
            F.linear(x, w)
        dt = clock() - t0
    flops = 2.0 * BATCH * PIXELS * 1024 * args.steps
    print("# %d products of [100,784]x[784,1024] in %.3f s (%.1f us each)"
          % (args.steps, dt, 1e6 * dt / args.steps))
    print("torch_gflops=%.1f" % (flops / dt / 1e9))


def run_training():
    D = DiscriminatorNet()
    G = GeneratorNet(args.noise)
    d_optimizer = torch.optim.Adam(D.parameters(), lr=2e-4)
    g_optimizer = torch.optim.Adam(G.parameters(), lr=2e-4)
    loss = nn.BCELoss()
    ones, zeros = torch.ones(BATCH, 1), torch.zeros(BATCH, 1)
    pool_batches = 20
    pool = torch.rand(pool_batches, BATCH, PIXELS) * 2 - 1   # stand-in for images scaled to [-1,1]

    def noise(n):
        return torch.randn(n, args.noise)

    def step(i):
        real_data = pool[i % pool_batches]
        # 1. D on real + detached fake
        fake_data = G(noise(BATCH)).detach()
        d_optimizer.zero_grad()
        prediction_real = D(real_data)
        error_real = loss(prediction_real, ones)
        error_real.backward()
        prediction_fake = D(fake_data)
        error_fake = loss(prediction_fake, zeros)
        error_fake.backward()
        d_optimizer.step()
        # 2. G with fresh noise, label 1
        fake_data = G(noise(BATCH))
        g_optimizer.zero_grad()
        prediction = D(fake_data)
        error = loss(prediction, ones)
        error.backward()
        g_optimizer.step()
        return error_real + error_fake, error

    for i in range(args.warmup):
        step(i)
    times = []
    clock = time.perf_counter
    for i in range(args.steps):
        t0 = clock()
        d_err, g_err = step(i)
        times.append(clock() - t0)
    times.sort()
    total = sum(times)
    n = len(times)
    print("# steps %d (batch %d), median %.2f ms, min %.2f ms, total %.2f s; last D loss %.3f, G loss %.3f"
          % (n, BATCH, 1e3 * times[n // 2], 1e3 * times[0], total, d_err.item(), g_err.item()))
    print("torch_ms=%.3f" % (1e3 * total / n))


def main():
    setup_threads(args.threads)
    torch.manual_seed(args.seed)
    describe()
    if args.matmul:
        run_matmul()
    else:
        run_training()


if __name__ == "__main__":
    main()
