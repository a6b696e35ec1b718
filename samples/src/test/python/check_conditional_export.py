"""Checks that `jgan images export` of a conditional run (`images train --conditional`) loads into PyTorch
and makes the images jgan makes for the same noise and labels.

Run by hand with Debian's python3-torch (not part of `mvn verify`):

    J="java -jar samples/target/jgan.jar"
    $J images export --checkpoint runs/cgan/checkpoint.jgan --out /tmp/g.npz
    $J images export --checkpoint runs/cgan/checkpoint.jgan --out /tmp/d.npz --network discriminator
    $J images sample --checkpoint runs/cgan/checkpoint.jgan --class 3,7 --n 100 --out /tmp/x.npy --noise-out /tmp/z.npy
    /usr/bin/python3 samples/src/test/python/check_conditional_export.py /tmp/g.npz /tmp/d.npz /tmp/z.npy /tmp/x.npy 3,7

The labels are the --class list over and over, as `images sample` uses them. The networks are seed 003's
nn.Sequential with a first layer that concatenates an nn.Embedding(10, 10) of the label after the input
(jgan's @Embedding): its weight is key 0.weight, the other layers keep their indices. For a run of
`images train --conditional --model dcgan`, add `dcgan` after the classes: the DCGAN's nn.Sequentials,
G with the same first layer, D with a first layer that appends 10 one-hot channels (jgan's @OneHot).
"""
import sys

import numpy as np
import torch
from torch import nn


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


class Conditional(nn.Sequential):
    """An nn.Sequential whose label layers (CatEmbedding, OneHotChannels) also get the label."""

    def forward(self, x, label):
        for layer in self:
            x = layer(x, label) if isinstance(layer, (CatEmbedding, OneHotChannels)) else layer(x)
        return x


def state_dict(path):
    return {k: torch.from_numpy(v) for k, v in np.load(path).items()}


def mlp(noise, dropout=lambda: nn.Dropout(0.3)):
    g = Conditional(CatEmbedding(10, 10), nn.Linear(noise + 10, 256), nn.LeakyReLU(0.2), nn.Linear(256, 512),
                    nn.LeakyReLU(0.2), nn.Linear(512, 1024), nn.LeakyReLU(0.2), nn.Linear(1024, 784), nn.Tanh())
    d = Conditional(CatEmbedding(10, 10), nn.Linear(784 + 10, 1024), nn.LeakyReLU(0.2), dropout(),
                    nn.Linear(1024, 512), nn.LeakyReLU(0.2), dropout(),
                    nn.Linear(512, 256), nn.LeakyReLU(0.2), dropout(),
                    nn.Linear(256, 1), nn.Sigmoid())
    return g, d, lambda x: x


def dcgan(noise):
    g = Conditional(
        CatEmbedding(10, 10), nn.Linear(noise + 10, 6272, bias=False), nn.BatchNorm1d(6272), nn.ReLU(),
        nn.Unflatten(1, (128, 7, 7)), nn.ConvTranspose2d(128, 64, 4, 2, 1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
        nn.ConvTranspose2d(64, 1, 4, 2, 1), nn.Tanh())
    d = Conditional(
        OneHotChannels(10), nn.Conv2d(11, 64, 4, 2, 1), nn.LeakyReLU(0.2), nn.Conv2d(64, 128, 4, 2, 1, bias=False),
        nn.BatchNorm2d(128), nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(6272, 1), nn.Sigmoid())
    return g, d, lambda x: x.reshape(len(x), 1, 28, 28)


def main(g_npz, d_npz, z_npy, x_npy, classes, model="mlp"):
    z = torch.from_numpy(np.load(z_npy))
    cycle = [int(c) for c in classes.split(",")]
    label = torch.tensor([cycle[k % len(cycle)] for k in range(z.shape[0])])
    g, d, image = (dcgan if model == "dcgan" else mlp)(z.shape[1])
    print("generator:", g.load_state_dict(state_dict(g_npz)))
    print("discriminator:", d.load_state_dict(state_dict(d_npz)))
    g.eval()
    d.eval()
    with torch.no_grad():
        x = g(z, label).reshape(len(z), -1)
        diff = (x - torch.from_numpy(np.load(x_npy))).abs().max().item()
        score = d(image(x), label).mean().item()
        # The label matters: the same noise with other labels gives other images.
        other = (g(z, (label + 1) % 10).reshape(len(z), -1) - x).abs().max().item()
    print(f"max |G_torch(z, y) - G_jgan(z, y)| = {diff:.3g}; max change for other labels = {other:.3g};"
          f" mean D(G(z, y), y) in torch = {score:.3f}")
    if diff > 1e-4:
        sys.exit("the exported generator does not reproduce jgan's samples")
    if other < 1e-3:
        sys.exit("the exported generator ignores the label")


if __name__ == "__main__":
    main(*sys.argv[1:7])
