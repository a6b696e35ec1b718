"""Checks that `jgan images export` of a DCGAN run loads into PyTorch and computes what jgan computes.

Run by hand with Debian's python3-torch (not part of `mvn verify`):

    J="java -jar samples/target/jgan.jar"
    $J images export --checkpoint runs/dcgan/checkpoint.jgan --out /tmp/g.npz
    $J images export --checkpoint runs/dcgan/checkpoint.jgan --out /tmp/d.npz --network discriminator
    $J images sample --checkpoint runs/dcgan/checkpoint.jgan --n 100 --out /tmp/x.npy --noise-out /tmp/z.npy
    /usr/bin/python3 samples/src/test/python/check_dcgan_export.py /tmp/g.npz /tmp/d.npz /tmp/z.npy /tmp/x.npy

It builds the DCGAN of the images sample (samples/.../images/Dcgan.java) as one nn.Sequential per
network, loads the exported state dicts with load_state_dict (strict: every key and shape must match,
batch norms' running statistics included), runs the generator in evaluation mode (running statistics)
on jgan's noise and compares with jgan's samples.
"""
import sys

import numpy as np
import torch
from torch import nn


def state_dict(path):
    return {k: torch.from_numpy(v) for k, v in np.load(path).items()}


def main(g_npz, d_npz, z_npy, x_npy):
    z = torch.from_numpy(np.load(z_npy))
    g = nn.Sequential(
        nn.Linear(100, 6272, bias=False), nn.BatchNorm1d(6272), nn.ReLU(), nn.Unflatten(1, (128, 7, 7)),
        nn.ConvTranspose2d(128, 64, 4, 2, 1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
        nn.ConvTranspose2d(64, 1, 4, 2, 1), nn.Tanh())
    d = nn.Sequential(
        nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2), nn.Conv2d(64, 128, 4, 2, 1, bias=False), nn.BatchNorm2d(128),
        nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(6272, 1), nn.Sigmoid())
    print("generator:", g.load_state_dict(state_dict(g_npz)))
    print("discriminator:", d.load_state_dict(state_dict(d_npz)))
    g.eval()
    d.eval()
    with torch.no_grad():
        x = g(z)
        diff = (x.reshape(len(z), -1) - torch.from_numpy(np.load(x_npy))).abs().max().item()
        score = d(x).mean().item()
    print(f"max |G_torch(z) - G_jgan(z)| = {diff:.3g}; mean D(G(z)) in torch = {score:.3f}")
    if diff > 1e-4:
        sys.exit("the exported generator does not reproduce jgan's samples")


if __name__ == "__main__":
    main(*sys.argv[1:5])
