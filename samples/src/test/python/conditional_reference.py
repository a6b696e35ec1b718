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

ITERATIONS, BATCH, NOISE, CLASSES, DROPOUT = 3, 32, 100, 10, 0.3
MASK64 = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15
torch.set_num_threads(1)


def value(n, seed):
    """Floats in [-1, 1]: ((k * 7919 + seed * 104729) % 2001 - 1000) / 1000, rounded to float32."""
    k = np.arange(n, dtype=np.int64)
    return torch.from_numpy((((k * 7919 + seed * 104729) % 2001 - 1000) / 1000.0).astype(np.float32))


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


class CatEmbedding(nn.Embedding):
    """jgan's @Embedding(classes, size): the flattened input followed by the label's row of the table."""

    def forward(self, x, label):
        return torch.cat([x.flatten(1), super().forward(label)], 1)


class OneHotChannels(nn.Module):
    """jgan's @OneHot(classes) on an image: `classes` more channels, the label's all ones."""

    def __init__(self, classes):
        super().__init__()
        self.classes = classes

    def forward(self, x, label):
        planes = nn.functional.one_hot(label, self.classes).to(x.dtype)[:, :, None, None]
        return torch.cat([x, planes.expand(-1, -1, x.shape[2], x.shape[3])], 1)


class JganDropout(nn.Module):
    """Dropout whose mask is jgan's for the pass: one nextLong of the trainer's Rng per forward in training."""

    def __init__(self, p, rng):
        super().__init__()
        self.p, self.rng = p, rng

    def forward(self, x):
        if not self.training:
            return x
        return x * dropout_mask(self.rng.next_long(), self.p, x.numel()).reshape(x.shape)


class Conditional(nn.Sequential):
    """An nn.Sequential whose label layers (CatEmbedding, OneHotChannels) also get the label."""

    def forward(self, x, label):
        for layer in self:
            x = layer(x, label) if isinstance(layer, (CatEmbedding, OneHotChannels)) else layer(x)
        return x


def mlp(rng):
    g = Conditional(CatEmbedding(10, 10), nn.Linear(NOISE + 10, 256), nn.LeakyReLU(0.2), nn.Linear(256, 512),
                    nn.LeakyReLU(0.2), nn.Linear(512, 1024), nn.LeakyReLU(0.2), nn.Linear(1024, 784), nn.Tanh())
    d = Conditional(CatEmbedding(10, 10), nn.Linear(784 + 10, 1024), nn.LeakyReLU(0.2), JganDropout(DROPOUT, rng),
                    nn.Linear(1024, 512), nn.LeakyReLU(0.2), JganDropout(DROPOUT, rng),
                    nn.Linear(512, 256), nn.LeakyReLU(0.2), JganDropout(DROPOUT, rng),
                    nn.Linear(256, 1), nn.Sigmoid())
    return g, d, 0.9, lambda x: x.reshape(len(x), 784)


def dcgan(rng):
    g = Conditional(
        CatEmbedding(10, 10), nn.Linear(NOISE + 10, 6272, bias=False), nn.BatchNorm1d(6272), nn.ReLU(),
        nn.Unflatten(1, (128, 7, 7)), nn.ConvTranspose2d(128, 64, 4, 2, 1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
        nn.ConvTranspose2d(64, 1, 4, 2, 1), nn.Tanh())
    d = Conditional(
        OneHotChannels(10), nn.Conv2d(11, 64, 4, 2, 1), nn.LeakyReLU(0.2), nn.Conv2d(64, 128, 4, 2, 1, bias=False),
        nn.BatchNorm2d(128), nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(6272, 1), nn.Sigmoid())
    return g, d, 0.5, lambda x: x.reshape(len(x), 1, 28, 28)


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


def fake_labels(rng):
    return torch.tensor([rng.next_int(CLASSES) for _ in range(BATCH)])


def dump(prefix, network):
    for name, t in network.state_dict().items():
        v = t.detach().double().reshape(-1).numpy()
        picks = [v[(j * len(v)) // 16] for j in range(16)] if len(v) >= 16 else list(v)
        print(prefix + name, len(v), repr(float(v.sum())), repr(float(np.abs(v).sum())),
              " ".join(repr(float(np.float32(x))) for x in picks))


def main(model):
    rng = Rng(0)  # the trainer's: fake labels and dropout masks, in the trainer's order
    generator, discriminator, beta1, image = (dcgan if model == "dcgan" else mlp)(rng)
    initialise(generator, 10)
    initialise(discriminator, 50)
    g_opt = torch.optim.Adam(generator.parameters(), lr=2e-4, betas=(beta1, 0.999))
    d_opt = torch.optim.Adam(discriminator.parameters(), lr=2e-4, betas=(beta1, 0.999))
    bce = nn.BCELoss()
    ones = torch.ones(BATCH, 1)
    zeros = torch.zeros(BATCH, 1)
    for i in range(ITERATIONS):
        real = image(value(BATCH * 784, 1000 + i).reshape(BATCH, 784))
        d_opt.zero_grad()
        loss_real = bce(discriminator(real, real_labels(i)), ones)
        loss_real.backward()
        z = value(BATCH * NOISE, 2000 + 2 * i).reshape(BATCH, NOISE) * 1.5
        labels = fake_labels(rng)
        loss_fake = bce(discriminator(generator(z, labels).detach(), labels), zeros)
        loss_fake.backward()
        d_opt.step()
        z = value(BATCH * NOISE, 2001 + 2 * i).reshape(BATCH, NOISE) * 1.5
        labels = fake_labels(rng)
        g_opt.zero_grad()
        loss_g = bce(discriminator(generator(z, labels), labels), ones)
        loss_g.backward()
        g_opt.step()
        print("losses", float(loss_real + loss_fake), float(loss_g))
    dump("g.", generator)
    dump("d.", discriminator)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "mlp")
