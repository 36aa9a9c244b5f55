#!/usr/bin/env python3
"""Compares reference values written by two runs of a script, number by number:
    benchmarks/compare-reference.py COMMITTED NEW [COMMITTED NEW ...]
Each line is split at ';', ',' and white space; its label is its leading words (lines without one are taken
together), and the numbers in the same positions are compared. Per label it prints the largest difference as the
tests measure it, |new - committed| / max(1, |committed|), with the absolute and relative ones, then the file's
largest, with the field where it is largest (counted from 1 after the label); words that differ (NA against a
number, a changed label) and lines or numbers that one side lacks are reported as such."""
import math
import re
import sys

SPLIT = re.compile(r'[;,\s]+')


def number(token):
    try:
        return float(token.strip('"'))
    except ValueError:
        return None


def lines(path):
    with open(path, encoding='utf-8') as f:
        for i, line in enumerate(f, 1):
            tokens = [t for t in SPLIT.split(line.strip()) if t]
            if tokens:
                yield i, tokens


def label(tokens):
    words = []
    for t in tokens:
        if number(t) is not None:
            break
        words.append(t.strip('"'))
    return ' '.join(words[:4]) or 'unlabelled lines'


def compare(old_path, new_path):
    worst = {}
    problems = []
    old, new = list(lines(old_path)), list(lines(new_path))
    if len(old) != len(new):
        problems.append(f'{len(old)} lines against {len(new)}')
    for (i, a), (_, b) in zip(old, new):
        key = label(a)
        if len(a) != len(b):
            problems.append(f'{key}: {len(a)} fields against {len(b)}')
        w = worst.setdefault(key, [0.0, 0.0, 0.0, 0])
        skip = len(key.split()) if key != 'unlabelled lines' else 0
        for j, (x, y) in enumerate(zip(a, b)):
            u, v = number(x), number(y)
            if u is None or v is None or math.isnan(u) or math.isnan(v) or math.isinf(u) or math.isinf(v):
                if x != y:
                    problems.append(f'{key}: {x} against {y}')
                continue
            d = abs(v - u)
            if d / max(1.0, abs(u)) > w[0]:
                w[0], w[3] = d / max(1.0, abs(u)), j + 1 - skip
            w[1] = max(w[1], d)
            w[2] = max(w[2], d / abs(u) if u else (0.0 if d == 0 else math.inf))
    return worst, problems


def main(args):
    for old_path, new_path in zip(args[::2], args[1::2]):
        worst, problems = compare(old_path, new_path)
        print(f'== {new_path}')
        for key, (scaled, absolute, relative, field) in worst.items():
            print(f'  {key:<32} scaled {scaled:9.2e} (field {field:3})  abs {absolute:9.2e}  rel {relative:9.2e}')
        top = max((w[0] for w in worst.values()), default=0.0)
        print(f'  FILE max scaled difference {top:.2e}' + (f'; {len(problems)} other differences' if problems else ''))
        for p in problems[:20]:
            print(f'  ! {p}')


if __name__ == '__main__':
    if len(sys.argv) < 3 or len(sys.argv) % 2 == 0:
        sys.exit(__doc__)
    main(sys.argv[1:])
