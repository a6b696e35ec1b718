"""Checks that `jgan images export` weights load into PyTorch and compute what jgan computes.

Run by hand with Debian's python3-torch (not part of `mvn verify`):

    J="java -jar samples/target/jgan.jar"
    $J images export --checkpoint runs/images/checkpoint.jgan --out /tmp/g.npz
    $J images export --checkpoint runs/images/checkpoint.jgan --out /tmp/d.npz --network discriminator
    $J images sample --checkpoint runs/images/checkpoint.jgan --n 100 --out /tmp/x.npy --noise-out /tmp/z.npy
    /usr/bin/python3 samples/src/test/python/check_images_export.py /tmp/g.npz /tmp/d.npz /tmp/z.npy /tmp/x.npy

It builds the seed article's networks as one flat nn.Sequential each, loads the exported state dicts with
load_state_dict (strict: every key and shape must match), runs the generator on jgan's noise and compares
with jgan's samples.
"""
import sys

import numpy as np
import torch
from torch import nn


def state_dict(path):
    return {k: torch.from_numpy(v) for k, v in np.load(path).items()}


def main(g_npz, d_npz, z_npy, x_npy):
    z = torch.from_numpy(np.load(z_npy))
    noise = z.shape[1]
    g = nn.Sequential(nn.Linear(noise, 256), nn.LeakyReLU(0.2), nn.Linear(256, 512), nn.LeakyReLU(0.2),
                      nn.Linear(512, 1024), nn.LeakyReLU(0.2), nn.Linear(1024, 784), nn.Tanh())
    d = nn.Sequential(nn.Linear(784, 1024), nn.LeakyReLU(0.2), nn.Dropout(0.3),
                      nn.Linear(1024, 512), nn.LeakyReLU(0.2), nn.Dropout(0.3),
                      nn.Linear(512, 256), nn.LeakyReLU(0.2), nn.Dropout(0.3),
                      nn.Linear(256, 1), nn.Sigmoid())
    print("generator:", g.load_state_dict(state_dict(g_npz)))
    print("discriminator:", d.load_state_dict(state_dict(d_npz)))
    g.eval()
    d.eval()
    with torch.no_grad():
        x = g(z)
        diff = (x - torch.from_numpy(np.load(x_npy))).abs().max().item()
        score = d(x).mean().item()
    print(f"max |G_torch(z) - G_jgan(z)| = {diff:.3g}; mean D(G(z)) in torch = {score:.3f}")
    if diff > 1e-4:
        sys.exit("the exported generator does not reproduce jgan's samples")


if __name__ == "__main__":
    main(*sys.argv[1:5])
