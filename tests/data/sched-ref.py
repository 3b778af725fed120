#!/usr/bin/env python3
# Reference SM-2 in Python (IEEE doubles, no fused multiply-add), written
# independently of src/sched.c from DESIGN.md's rules.  It produced
# tests/data/sched.table; run it again to regenerate the expected values:
#   python3 tests/data/sched-ref.py > tests/data/sched.table
import math
import random


def review(n, i, ef, lapses, q):
    if q >= 3:
        if n == 0:
            i = 1
        elif n == 1:
            i = 6
        else:
            x = i * ef
            f = math.floor(x)
            i = int(f) + 1 if x - f >= 0.5 else int(f)
        n += 1
    else:
        i, n, lapses = 1, 0, lapses + 1
    d = 5 - q
    ef = ef + (0.1 - d * (0.08 + d * 0.02))
    return n, i, max(ef, 1.3), lapses


def sequences():
    fixed = [
        [2, 1, 3, 4, 4, 3],
        [5], [4], [3], [2], [1], [0],
        [5, 5], [5, 5, 5], [4, 4, 4, 4], [3, 3, 3, 3, 3],
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        [1, 1, 1, 1, 1, 5, 5, 5, 5],
        [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
        [5] * 30,
        [4] * 25,
        [5, 5, 5, 5, 0, 5, 5, 5],
        [5, 5, 5, 1, 3, 4, 5],
        [3, 5, 3, 5, 3, 5, 3, 5],
        [2, 3, 2, 3, 2, 3, 2, 3],
        [0, 5, 0, 5, 0, 5, 0, 5],
        [4, 4, 2, 4, 4, 2, 4, 4],
        [5, 4, 3, 2, 1, 0],
        [0, 1, 2, 3, 4, 5],
        [3, 3, 4, 4, 5, 5, 3, 3],
        [1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
        [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 4, 4, 4, 4, 4],
        [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 3, 3, 3],
        [4, 3, 4, 3, 4, 3, 4, 3, 4, 3],
        [3, 4, 5, 3, 4, 5, 3, 4, 5],
    ]
    rnd = random.Random(20261128)
    for _ in range(30):
        fixed.append([rnd.randint(0, 5) for _ in range(rnd.randint(3, 20))])
    for _ in range(6):
        fixed.append([rnd.choice([3, 4, 5]) for _ in range(rnd.randint(10, 24))])
    return fixed


print("# SM-2 reference table, made by tests/data/sched-ref.py.")
print("# Each line: grades given to a new card on successive days, '=>', then")
print("# after each grade 'interval/repetitions/lapses/EF' (EF as Python's")
print("# shortest repr of the double, to be compared exactly).")
for seq in sequences():
    n, i, ef, lapses = 0, 0, 2.5, 0
    steps = []
    for q in seq:
        n, i, ef, lapses = review(n, i, ef, lapses, q)
        steps.append("%d/%d/%d/%r" % (i, n, lapses, ef))
    print(" ".join(map(str, seq)), "=>", " ".join(steps))
