#!/usr/bin/python3
"""Anchor for `dotnet run -c Release --project bench/Glorot.Bench -- shapeset`: Shapeset-3x2 generated the way
Glorot's own generator works (one image at a time in Python, numpy for the vertex maps, a scan-line polygon fill
with pygame 1.x's rule), with the parameters of docs/DATASETS.md. Written for this benchmark from that
description; it measures what a Python generator of this design achieves on one core. Best of N runs.
Run with Debian's python3 (python3-numpy). Prints images/s, or JSON with --json."""
import json
import math
import sys
import time

import numpy as np

SIZE = 32
VERTS = (3, 4, 20)
STEPS = 255
IMAGES = 3000
REPEATS = 3


def base_polygon(n):
    t = np.arange(n)
    a = 2 * math.pi * (t / n + 1 / (2 * n) + 0.25)
    return 0.5 * np.stack([np.cos(a), np.sin(a)], axis=1)


BASES = [base_polygon(n) for n in VERTS]
AREA = [n * math.sin(2 * math.pi / n) / (2 * math.pi) for n in VERTS]


def rot(theta):
    c, s = math.cos(theta), math.sin(theta)
    return np.array([[c, s], [-s, c]])


def pre_rotation(rng, n):
    u = int(rng.integers(0, STEPS // n))
    if u > (STEPS - 1) // (2 * n):
        u = min(STEPS - (STEPS - 1) // n + u, STEPS - 1)
    return u


def fill(img, pts, value):
    xs = [int(x) for x in pts[:, 0]]
    ys = [int(y) for y in pts[:, 1]]
    n = len(xs)
    lo, hi = min(ys), max(ys)
    for y in range(lo, hi + 1):
        cross = []
        for i in range(n):
            a = i - 1 if i else n - 1
            y1, y2 = ys[a], ys[i]
            if y1 < y2:
                x1, x2 = xs[a], xs[i]
            elif y1 > y2:
                y1, y2, x1, x2 = y2, y1, xs[i], xs[a]
            else:
                continue
            if y1 <= y < y2 or (y == hi and y1 < y <= y2):
                cross.append(int((y - y1) * (x2 - x1) / (y2 - y1)) + x1)
        cross.sort()
        for k in range(0, len(cross) - 1, 2):
            if cross[k + 1] - cross[k] >= 1:
                img[y, cross[k]:cross[k + 1] + 1] = value


def overlap(old, new_pts, t, s, kind):
    opts, opos, os_, okind = old
    v = t - opos
    d = math.hypot(v[0], v[1])
    if d == 0:
        return True
    p = ((opts - opos) @ v).max() / d + ((new_pts - t) @ -v).max() / d
    if p < d:
        return False
    f = 1 - math.exp(-(p - d) / (d / math.log(2)))
    return s[0] * s[1] * AREA[kind] * f / (os_[0] * os_[1] * AREA[okind]) > 0.5


def image(rng):
    dark = rng.random() < 0.5
    count = int(rng.integers(1, 3))
    grey = (lambda: int(rng.integers(0, 115))) if dark else (lambda: int(rng.integers(140, 256)))
    bg = int(rng.integers(140, 256)) if dark else int(rng.integers(0, 115))
    img = np.full((SIZE, SIZE), bg, dtype=np.uint8)
    placed, rejections, counts = [], 0, [0, 0, 0]
    while len(placed) < count:
        kind = int(rng.integers(0, 3))
        r1 = rot(pre_rotation(rng, VERTS[kind]) * 2 * math.pi / STEPS)
        a1 = math.atan2(r1[0, 1], r1[0, 0])
        r3 = rot(int(rng.integers(0, STEPS - 1)) * 2 * math.pi / STEPS)
        while True:
            s = np.sort(rng.uniform(0.2, 0.8, 2) * SIZE)[::-1]
            r2 = rot(-math.atan(s[1] / s[0] * math.tan(a1)))
            pts = ((BASES[kind] @ r1) * s) @ r2 @ r3
            lo, hi = pts.min(0) - 1, pts.max(0) + 1
            t = np.array([rng.uniform(-lo[0], SIZE - hi[0]), rng.uniform(-lo[1], SIZE - hi[1])])
            pts = pts + t
            if any(overlap(o, pts, t, s, kind) for o in placed):
                rejections += 1
                if rejections >= 50:
                    break
                continue
            break
        if rejections >= 50:
            break
        placed.append((pts, np.trunc(t), s, kind))
        counts[kind] += 1
        fill(img, pts, grey())
    return img, counts


def main():
    rng = np.random.default_rng(0)
    image(rng)
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(IMAGES):
            image(rng)
        best = min(best, time.perf_counter() - start)
    rate = IMAGES / best
    if "--json" in sys.argv:
        print(json.dumps({"anchor": "python+numpy shapeset", "images": IMAGES, "images_per_s": rate}))
    else:
        print(f"python+numpy Shapeset-3x2, one core, {IMAGES} images, best of {REPEATS}: {rate:,.0f} images/s")


if __name__ == "__main__":
    main()
