#!/usr/bin/env python3
"""PyTorch reference for jgan's even-numbers GAN (seed 002; SAMPLES.md section 1).

Reproduces the seed's train loop: G = Linear(7,7)+Sigmoid, D = Linear(7,1)+Sigmoid, BCE,
Adam lr 1e-3 for both, batch 16, Bernoulli(0.5) noise bits; per step the G step comes first
(D(G(z)) against label 1), then the D step on the average of BCE(D(real),1) and
BCE(D(G(z).detach()),0) with the same G(z). The real batch is drawn as in the seed
(numpy randint of even numbers, 7-bit big-endian lists) inside the timed step.

Only the training steps after --warmup steps are timed (time.perf_counter).
Last line printed: torch_us=<mean microseconds per training step>
"""
import argparse
import math
import os
import sys
import time


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--steps", type=int, default=5000, help="timed training steps (default 5000)")
    p.add_argument("--warmup", type=int, default=200, help="untimed steps before timing (default 200)")
    p.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default 1)")
    p.add_argument("--blas-threads", type=int, default=None,
                   help="set OPENBLAS_NUM_THREADS before torch is loaded (default: leave env as is)")
    p.add_argument("--seed", type=int, default=0, help="torch.manual_seed / numpy seed (default 0)")
    p.add_argument("--report", action="store_true",
                   help="after training, print how many of 1000 samples are even (informative lines only)")
    a = p.parse_args()
    if a.steps < 1 or a.warmup < 0:
        p.error("--steps must be >= 1 and --warmup >= 0")
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


def create_binary_list_from_int(number):
    return [int(x) for x in list(bin(number))[2:]]


def generate_even_data(max_int, batch_size=16):
    max_length = int(math.log(max_int, 2))
    sampled_integers = np.random.randint(0, int(max_int / 2), batch_size)
    labels = [1] * batch_size
    data = [create_binary_list_from_int(int(x * 2)) for x in sampled_integers]
    data = [([0] * (max_length - len(x))) + x for x in data]
    return labels, data


class Generator(nn.Module):
    def __init__(self, input_length):
        super().__init__()
        self.dense_layer = nn.Linear(input_length, input_length)
        self.activation = nn.Sigmoid()

    def forward(self, x):
        return self.activation(self.dense_layer(x))


class Discriminator(nn.Module):
    def __init__(self, input_length):
        super().__init__()
        self.dense = nn.Linear(input_length, 1)
        self.activation = nn.Sigmoid()

    def forward(self, x):
        return self.activation(self.dense(x))


def main():
    setup_threads(args.threads)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    describe()

    max_int, batch_size = 128, 16
    input_length = int(math.log(max_int, 2))
    generator = Generator(input_length)
    discriminator = Discriminator(input_length)
    generator_optimizer = torch.optim.Adam(generator.parameters(), lr=0.001)
    discriminator_optimizer = torch.optim.Adam(discriminator.parameters(), lr=0.001)
    loss = nn.BCELoss()

    def step():
        generator_optimizer.zero_grad()
        noise = torch.randint(0, 2, size=(batch_size, input_length)).float()
        generated_data = generator(noise)

        true_labels, true_data = generate_even_data(max_int, batch_size=batch_size)
        # the seed passes labels of shape [16] against outputs [16,1]; PyTorch >= 1.13 rejects
        # that, so the labels get the output's shape (same values, same loss).
        true_labels = torch.tensor(true_labels).float().unsqueeze(1)
        true_data = torch.tensor(true_data).float()

        generator_discriminator_out = discriminator(generated_data)
        generator_loss = loss(generator_discriminator_out, true_labels)
        generator_loss.backward()
        generator_optimizer.step()

        discriminator_optimizer.zero_grad()
        true_discriminator_out = discriminator(true_data)
        true_discriminator_loss = loss(true_discriminator_out, true_labels)
        generator_discriminator_out = discriminator(generated_data.detach())
        generator_discriminator_loss = loss(generator_discriminator_out, torch.zeros(batch_size, 1))
        discriminator_loss = (true_discriminator_loss + generator_discriminator_loss) / 2
        discriminator_loss.backward()
        discriminator_optimizer.step()

    for _ in range(args.warmup):
        step()
    times = []
    clock = time.perf_counter
    for _ in range(args.steps):
        t0 = clock()
        step()
        times.append(clock() - t0)
    times.sort()
    total = sum(times)

    if args.report:
        with torch.no_grad():
            noise = torch.randint(0, 2, size=(1000, input_length)).float()
            bits = (generator(noise) > 0.5).int()
            weights = torch.tensor([1 << (input_length - 1 - i) for i in range(input_length)])
            nums = (bits * weights).sum(dim=1)
            evens = nums[nums % 2 == 0]
            print("# report: %d/1000 even, %d distinct even numbers generated (after %d steps)"
                  % (evens.numel(), torch.unique(evens).numel(), args.warmup + args.steps))

    n = len(times)
    print("# steps %d, median %.1f us, min %.1f us, total %.3f s"
          % (n, 1e6 * times[n // 2], 1e6 * times[0], total))
    print("torch_us=%.2f" % (1e6 * total / n))


if __name__ == "__main__":
    main()
