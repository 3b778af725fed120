# sm2.py: SM-2 as DESIGN.md states it, in Python (IEEE doubles, no fused
# multiply-add), written apart from src/sched.c.  The one Python reference
# the tests use: sched-ref.py makes the table from it, the fault tests
# replay the review log with it, the benchmark builds its history with it.
import math


def review(n, i, ef, lapses, q):
    """One review of quality q: (repetitions, interval, EF, lapses) after."""
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
