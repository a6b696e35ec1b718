#!/usr/bin/env python3
"""PyTorch reference for jgan's 1-D Gaussian GAN (seed 001; SAMPLES.md section 2).

Real data N(4, 1.25) (numpy, as in the seed); noise Uniform(0,1), one value per sample.
G: Linear(1,5) Tanh, Linear(5,5) Tanh, Linear(5,1). D sees the 4 statistics of a whole
minibatch of 500 values (mean, population std, skewness, excess kurtosis; gradients flow
through them) : Linear(4,10) Sigmoid, Linear(10,10) Sigmoid, Linear(10,1) Sigmoid.
BCE; SGD lr 1e-3 momentum 0.9 for both. One epoch = 20 D steps (real labelled 1 and a
detached fake labelled 0, both backpropagated, then one optimizer step) then 20 G steps
(fake labelled 1).

Only epochs after --warmup epochs are timed (time.perf_counter).
Last line printed: torch_ms=<mean milliseconds per epoch>
--report instead trains --report-epochs (default 5000) epochs and prints the mean/std of
10000 generated values (last line: report_mean=<m> report_std=<s>).
"""
import argparse
import os
import time


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--epochs", "--steps", dest="epochs", type=int, default=300,
                   help="timed epochs (default 300)")
    p.add_argument("--warmup", type=int, default=20, help="untimed epochs before timing (default 20)")
    p.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default 1)")
    p.add_argument("--blas-threads", type=int, default=None,
                   help="set OPENBLAS_NUM_THREADS before torch is loaded (default: leave env as is)")
    p.add_argument("--seed", type=int, default=0, help="torch.manual_seed / numpy seed (default 0)")
    p.add_argument("--report", action="store_true",
                   help="train --report-epochs epochs and print the final mean/std of 10000 samples")
    p.add_argument("--report-epochs", type=int, default=5000, help="epochs for --report (default 5000)")
    a = p.parse_args()
    if a.epochs < 1 or a.warmup < 0:
        p.error("--epochs must be >= 1 and --warmup >= 0")
    return a


args = parse_args()
if args.blas_threads is not None:
    os.environ["OPENBLAS_NUM_THREADS"] = str(args.blas_threads)

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402


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


DATA_MEAN, DATA_STDDEV = 4.0, 1.25
G_IN, G_HIDDEN, G_OUT = 1, 5, 1
D_IN, D_HIDDEN, D_OUT = 4, 10, 1      # D sees the 4 moments of a minibatch
MINIBATCH = 500
LR, MOMENTUM = 1e-3, 0.9
D_STEPS, G_STEPS = 20, 20


def d_sampler(n):
    return torch.Tensor(np.random.normal(DATA_MEAN, DATA_STDDEV, (1, n)))


def gi_sampler(m, n):
    return torch.rand(m, n)


class Generator(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super().__init__()
        self.map1 = nn.Linear(input_size, hidden_size)
        self.map2 = nn.Linear(hidden_size, hidden_size)
        self.map3 = nn.Linear(hidden_size, output_size)

    def forward(self, x):
        x = torch.tanh(self.map1(x))
        x = torch.tanh(self.map2(x))
        return self.map3(x)


class Discriminator(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super().__init__()
        self.map1 = nn.Linear(input_size, hidden_size)
        self.map2 = nn.Linear(hidden_size, hidden_size)
        self.map3 = nn.Linear(hidden_size, output_size)

    def forward(self, x):
        x = torch.sigmoid(self.map1(x))
        x = torch.sigmoid(self.map2(x))
        return torch.sigmoid(self.map3(x))


def get_moments(d):
    mean = torch.mean(d)
    diffs = d - mean
    var = torch.mean(torch.pow(diffs, 2.0))
    std = torch.pow(var, 0.5)
    zscores = diffs / std
    skews = torch.mean(torch.pow(zscores, 3.0))
    kurtoses = torch.mean(torch.pow(zscores, 4.0)) - 3.0
    return torch.cat((mean.reshape(1,), std.reshape(1,), skews.reshape(1,), kurtoses.reshape(1,)))


def main():
    setup_threads(args.threads)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    describe()

    G = Generator(G_IN, G_HIDDEN, G_OUT)
    D = Discriminator(D_IN, D_HIDDEN, D_OUT)
    criterion = nn.BCELoss()
    d_optimizer = torch.optim.SGD(D.parameters(), lr=LR, momentum=MOMENTUM)
    g_optimizer = torch.optim.SGD(G.parameters(), lr=LR, momentum=MOMENTUM)
    ones, zeros = torch.ones([1]), torch.zeros([1])

    def epoch():
        for _ in range(D_STEPS):
            D.zero_grad()
            d_real_data = d_sampler(MINIBATCH)
            d_real_decision = D(get_moments(d_real_data))
            d_real_error = criterion(d_real_decision, ones)
            d_real_error.backward()
            d_fake_data = G(gi_sampler(MINIBATCH, G_IN)).detach()
            d_fake_decision = D(get_moments(d_fake_data.t()))
            d_fake_error = criterion(d_fake_decision, zeros)
            d_fake_error.backward()
            d_optimizer.step()
        for _ in range(G_STEPS):
            G.zero_grad()
            g_fake_data = G(gi_sampler(MINIBATCH, G_IN))
            dg_fake_decision = D(get_moments(g_fake_data.t()))
            g_error = criterion(dg_fake_decision, ones)
            g_error.backward()
            g_optimizer.step()

    if args.report:
        t0 = time.perf_counter()
        for _ in range(args.report_epochs):
            epoch()
        dt = time.perf_counter() - t0
        with torch.no_grad():
            samples = G(gi_sampler(10000, G_IN)).flatten()
        m = samples.mean().item()
        s = samples.std(unbiased=False).item()
        print("# %d epochs in %.1f s (%.2f ms/epoch)" % (args.report_epochs, dt, 1e3 * dt / args.report_epochs))
        print("report_mean=%.4f report_std=%.4f" % (m, s))
        return

    for _ in range(args.warmup):
        epoch()
    times = []
    clock = time.perf_counter
    for _ in range(args.epochs):
        t0 = clock()
        epoch()
        times.append(clock() - t0)
    times.sort()
    total = sum(times)
    n = len(times)
    print("# epochs %d (40 steps of batch %d each), median %.3f ms, min %.3f ms, total %.2f s"
          % (n, MINIBATCH, 1e3 * times[n // 2], 1e3 * times[0], total))
    print("torch_ms=%.3f" % (1e3 * total / n))


if __name__ == "__main__":
    main()
