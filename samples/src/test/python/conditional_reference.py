"""Writes a PyTorch reference run of the images sample's conditional GANs for jgan's equivalence test.

Three iterations of each model's loop (BCE; a D step on real images with their labels plus detached
fakes with theirs, the losses summed, then a G step on fresh noise and fresh labels), at batch 32, from
parameters, noise, images and real labels that the Java test computes with the same formula
(value(n, seed) below):
  mlp    ConditionalGan (seed 003's GAN, a 10-value embedding of the label in both networks), Adam 2e-4
         with betas 0.9 and 0.999;
  dcgan  ConditionalDcgan (the DCGAN, an embedding in G, 10 one-hot channels in D), Adam 2e-4 with
         betas 0.5 and 0.999.
The fakes' labels and the discriminator's dropout masks come from jgan's trainer Rng (xoshiro256**
seeded with 0; uniform labels are one nextInt(10) each, a dropout layer's mask one nextLong per pass,
expanded as jgan's DropoutMask does), reproduced here draw for draw, so both sides drop the same
values. Recorded: each iteration's losses, and per tensor of the final state dicts (parameters and
batch-norm running statistics) its sum, its sum of absolute values and 16 entries.
Regenerate with:
  /usr/bin/python3 samples/src/test/python/conditional_reference.py mlp > samples/src/test/resources/conditional_gan_reference.txt
  /usr/bin/python3 samples/src/test/python/conditional_reference.py dcgan > samples/src/test/resources/conditional_dcgan_reference.txt
"""
import sys

import numpy as np
import torch
from torch import nn

import check_conditional_export
from dcgan_reference import dump, initialise, iterate, value

ITERATIONS, BATCH, NOISE, CLASSES, DROPOUT = 3, 32, 100, 10, 0.3
MASK64 = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15
torch.set_num_threads(1)


def real_labels(iteration):
    """The real batch's labels: (k * 7 + iteration * 3) % 10."""
    return torch.tensor([(k * 7 + iteration * 3) % CLASSES for k in range(BATCH)])


def mix(z):
    """SplitMix64's output function, on Python ints (unsigned 64-bit)."""
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


class Rng:
    """jgan's io.jgan.runtime.Rng: xoshiro256** seeded through SplitMix64."""

    def __init__(self, seed):
        s, x = [], seed & MASK64
        for _ in range(4):
            x = mix((x + GAMMA) & MASK64)
            s.append(x)
        self.s = s

    def next_long(self):
        s0, s1, s2, s3 = self.s
        rotl = lambda v, k: ((v << k) | (v >> (64 - k))) & MASK64
        result = (rotl((s1 * 5) & MASK64, 7) * 9) & MASK64
        t = (s1 << 17) & MASK64
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        self.s = [s0, s1, s2, s3]
        return result

    def next_int(self, bound):
        """Lemire's multiply-and-reject on the top 32 bits, as Rng.nextInt."""
        m = (self.next_long() >> 32) * bound
        low = m & 0xFFFFFFFF
        if low < bound:
            threshold = ((1 << 32) - bound) % bound
            while low < threshold:
                m = (self.next_long() >> 32) * bound
                low = m & 0xFFFFFFFF
        return m >> 32


def dropout_mask(seed, p, n):
    """jgan's DropoutMask: value k is dropped when its 24-bit field of mix(seed + (k // 2 + 1) * gamma) is below p * 2^24."""
    j = np.arange(n, dtype=np.uint64) // np.uint64(2) + np.uint64(1)
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + j * np.uint64(GAMMA)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    z = z ^ (z >> np.uint64(31))
    even = (z >> np.uint64(40)).astype(np.int64)
    odd = ((z >> np.uint64(8)) & np.uint64(0xFFFFFF)).astype(np.int64)
    u = np.where(np.arange(n) % 2 == 0, even, odd)
    threshold = int(np.ceil(np.float64(np.float32(p)) * 2.0 ** 24))
    scale = np.float32(1) / (np.float32(1) - np.float32(p))
    return torch.from_numpy(np.where(u < threshold, np.float32(0), scale).astype(np.float32))


class JganDropout(nn.Module):
    """Dropout whose mask is jgan's for the pass: one nextLong of the trainer's Rng per forward in training."""

    def __init__(self, p, rng):
        super().__init__()
        self.p, self.rng = p, rng

    def forward(self, x):
        if not self.training:
            return x
        return x * dropout_mask(self.rng.next_long(), self.p, x.numel()).reshape(x.shape)


def models(model, rng):
    """The generator, the discriminator (its dropout jgan's) and Adam's beta1 of the model."""
    if model == "dcgan":
        return (*check_conditional_export.dcgan(NOISE)[:2], 0.5)
    return (*check_conditional_export.mlp(NOISE, dropout=lambda: JganDropout(DROPOUT, rng))[:2], 0.9)


def fake_labels(rng):
    return torch.tensor([rng.next_int(CLASSES) for _ in range(BATCH)])


def main(model):
    rng = Rng(0)  # the trainer's: fake labels and dropout masks, in the trainer's order
    generator, discriminator, beta1 = models(model, rng)
    initialise(generator, 10)
    initialise(discriminator, 50)
    g_opt = torch.optim.Adam(generator.parameters(), lr=2e-4, betas=(beta1, 0.999))
    d_opt = torch.optim.Adam(discriminator.parameters(), lr=2e-4, betas=(beta1, 0.999))
    for i in range(ITERATIONS):
        real = value(BATCH * 784, 1000 + i).reshape(BATCH, 784)
        real = real.reshape(BATCH, 1, 28, 28) if model == "dcgan" else real
        iterate(generator, discriminator, g_opt, d_opt, real, i, real_labels(i), lambda: fake_labels(rng))
    dump("g.", generator)
    dump("d.", discriminator)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "mlp")
