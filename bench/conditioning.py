#!/usr/bin/env python3
"""The conditioning measure of `images train --conditional`: the share of generated images that a
Fashion-MNIST classifier, trained here outside jgan, assigns to the class they were asked for.

    # 1. train the classifier once (a small CNN; a few minutes on one core) and report its test accuracy
    /usr/bin/python3 bench/conditioning.py train --data /usr/share/datasets/fashion-mnist --out /tmp/fmnist_cnn.pt
    # 2. generate images of every class in turn with jgan (labels 0,1,...,9,0,1,...)
    java -jar samples/target/jgan.jar images sample --checkpoint runs/cgan/checkpoint.jgan --n 1000 --out /tmp/x.npy
    # 3. measure: per class and overall
    /usr/bin/python3 bench/conditioning.py measure --classifier /tmp/fmnist_cnn.pt --samples /tmp/x.npy

`measure` takes the labels as `images sample` draws them: its --class list (default every class) over and
over. Images are jgan's float32 [N, 784] in [-1, 1]; the classifier is trained on the same scaling
(p / 127.5 - 1). Last line printed: `conditioning=<share over all images>`.
"""
import argparse
import gzip
import os
import struct


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train", help="train the classifier and report its test accuracy")
    t.add_argument("--data", required=True, help="directory with the Fashion-MNIST IDX files (plain or .gz)")
    t.add_argument("--out", required=True, help="where to save the classifier's state dict (.pt)")
    t.add_argument("--epochs", type=int, default=3, help="training epochs (default 3)")
    t.add_argument("--seed", type=int, default=0)
    m = sub.add_parser("measure", help="classify generated images against the classes asked for")
    m.add_argument("--classifier", required=True, help="the state dict saved by train")
    m.add_argument("--samples", required=True, help="jgan's images sample output, float32 [N, 784]")
    m.add_argument("--classes", default="0,1,2,3,4,5,6,7,8,9",
                   help="the --class list given to images sample (default every class)")
    for q in (t, m):
        q.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default 1)")
    return p.parse_args()


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    magic = struct.unpack(">I", data[:4])[0]
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    import numpy as np
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def find(directory, stem):
    for name in (stem, stem + ".gz"):
        path = os.path.join(directory, name)
        if os.path.exists(path):
            return path
    raise SystemExit(f"no {stem}[.gz] in {directory}")


def classifier():
    from torch import nn
    return nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10))


def scaled(images):
    import torch
    return torch.from_numpy(images.astype("float32") / 127.5 - 1.0).reshape(-1, 1, 28, 28)


def train(a):
    import torch
    from torch import nn
    torch.manual_seed(a.seed)
    x = scaled(read_idx(find(a.data, "train-images-idx3-ubyte")))
    y = torch.from_numpy(read_idx(find(a.data, "train-labels-idx1-ubyte")).astype("int64"))
    tx = scaled(read_idx(find(a.data, "t10k-images-idx3-ubyte")))
    ty = torch.from_numpy(read_idx(find(a.data, "t10k-labels-idx1-ubyte")).astype("int64"))
    net = classifier()
    opt = torch.optim.Adam(net.parameters(), 1e-3)
    for epoch in range(a.epochs):
        net.train()
        order = torch.randperm(len(x))
        for start in range(0, len(x), 128):
            idx = order[start:start + 128]
            opt.zero_grad()
            nn.functional.cross_entropy(net(x[idx]), y[idx]).backward()
            opt.step()
        print(f"# epoch {epoch + 1}: test accuracy {accuracy(net, tx, ty):.4f}")
    torch.save(net.state_dict(), a.out)
    print(f"test_accuracy={accuracy(net, tx, ty):.4f}")


def accuracy(net, x, y):
    import torch
    net.eval()
    with torch.no_grad():
        predicted = torch.cat([net(x[s:s + 1000]).argmax(1) for s in range(0, len(x), 1000)])
    return (predicted == y).float().mean().item()


def measure(a):
    import numpy as np
    import torch
    net = classifier()
    net.load_state_dict(torch.load(a.classifier))
    net.eval()
    samples = torch.from_numpy(np.load(a.samples)).reshape(-1, 1, 28, 28)
    cycle = [int(c) for c in a.classes.split(",")]
    asked = torch.tensor([cycle[k % len(cycle)] for k in range(len(samples))])
    with torch.no_grad():
        got = torch.cat([net(samples[s:s + 1000]).argmax(1) for s in range(0, len(samples), 1000)])
    names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
    for c in sorted(set(cycle)):
        mine = asked == c
        wrong = got[mine & (got != c)]
        other = ""
        if len(wrong):  # the class most of the misses went to, to tell confusion from collapse
            k = int(torch.bincount(wrong, minlength=10).argmax())
            other = f", misses mostly {names[k]} ({(wrong == k).float().mean().item():.2f} of them)"
        print(f"# class {c} {names[c]:<12} {(got[mine] == c).float().mean().item():.3f} of {int(mine.sum())}{other}")
    print(f"conditioning={(got == asked).float().mean().item():.4f}")


def main():
    a = parse_args()
    import torch
    torch.set_num_threads(a.threads)
    train(a) if a.command == "train" else measure(a)


if __name__ == "__main__":
    main()
