"""Writes a PyTorch reference trajectory of the even-numbers GAN for jgan's equivalence test.

Runs the seed's training loop (seed 002) with PyTorch for a few steps from a fixed initialisation,
fixed noise and fixed data, and writes everything the Java test needs to replay the same steps:
the initial parameters, each step's noise and real batch, and the parameters after the last step.
Regenerate with:  /usr/bin/python3 samples/src/test/python/even_reference.py > samples/src/test/resources/even_reference.txt
"""
import numpy as np
import torch
from torch import nn

STEPS, BATCH, BITS = 40, 16, 7
torch.manual_seed(1234)
np.random.seed(1234)

generator = nn.Sequential(nn.Linear(BITS, BITS), nn.Sigmoid())
discriminator = nn.Sequential(nn.Linear(BITS, 1), nn.Sigmoid())
g_opt = torch.optim.Adam(generator.parameters(), lr=0.001)
d_opt = torch.optim.Adam(discriminator.parameters(), lr=0.001)
loss = nn.BCELoss()


def bits(n):
    return [float(b) for b in format(n, "07b")]


def dump(name, tensor):
    values = tensor.detach().numpy().astype(np.float32).ravel()
    print(name, len(values), " ".join(repr(float(v)) for v in values))


for name, module in (("g", generator), ("d", discriminator)):
    dump(name + ".weight", module[0].weight)  # [out, in]
    dump(name + ".bias", module[0].bias)

for step in range(STEPS):
    noise = torch.randint(0, 2, size=(BATCH, BITS)).float()
    real = torch.tensor([bits(2 * int(x)) for x in np.random.randint(0, 64, BATCH)])
    dump("noise", noise)
    dump("real", real)
    ones, zeros = torch.ones(BATCH, 1), torch.zeros(BATCH, 1)

    g_opt.zero_grad()
    fake = generator(noise)
    g_loss = loss(discriminator(fake), ones)
    g_loss.backward()
    g_opt.step()

    d_opt.zero_grad()
    d_loss = (loss(discriminator(real), ones) + loss(discriminator(fake.detach()), zeros)) / 2
    d_loss.backward()
    d_opt.step()
    print("losses 2", repr(g_loss.item()), repr(d_loss.item()))

for name, module in (("g", generator), ("d", discriminator)):
    dump("final." + name + ".weight", module[0].weight)
    dump("final." + name + ".bias", module[0].bias)
