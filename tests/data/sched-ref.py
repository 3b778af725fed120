#!/usr/bin/env python3
# Reference SM-2 in Python (IEEE doubles, no fused multiply-add), written
# independently of src/sched.c from DESIGN.md's rules.  It produced
# tests/data/sched.table; run it again to regenerate the expected values:
#   python3 tests/data/sched-ref.py > tests/data/sched.table
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sm2 import review  # noqa: E402


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
