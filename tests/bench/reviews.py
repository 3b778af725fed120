#!/usr/bin/env python3
"""reviews.py: give an imported deck a long review history, quickly.

usage: reviews.py DB TODAY REVIEWS

TODAY is a day number (days since 1970-01-01).  The first 80% of the
cards (in deck order, as a drill introduces them) get REVIEWS reviews in
all, as rehearse would have logged them: SM-2 as DESIGN.md states it,
each card reviewed on its due day, failed more often the harder it is
and the longer it went unseen, a grade below 4 repeated the same day
until it reaches 4 (logged as a repeat, schedule untouched), and the last
state in the state table.  Each history is shifted in time so that its
last review falls one day to one and a half intervals before TODAY; as
lapsed cards come back the next day, about 70% of the seen cards are due,
the load of someone who fell behind.  Rows go in directly, far faster
than a million `rehearse grade` runs.  The same arguments give the same
database.
"""
import os
import random
import sqlite3
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "data"))
import sm2  # noqa: E402

SEED = 17
DAY_MS = 86400000


def review(reps, interval, ef, q):
    """One SM-2 step, through the shared reference; lapse is 0 or 1."""
    reps, interval, ef, lapse = sm2.review(reps, interval, ef, 0, q)
    return reps, interval, ef, lapse


def grade(rng, fail):
    """A grade: below 3 with probability fail, else 3, 4 or 5."""
    r = rng.random()
    if r < fail:
        return int(3 * r / fail)
    r = (r - fail) / (1 - fail)
    return 3 if r < 0.3 else 4 if r < 0.75 else 5


def history(rng, n, cut):
    """About n log entries for one card, days from its first review.

    A day's repeats run to the end (the history stops on a passed card)
    unless cut, when it stops at exactly n.

    Each entry is (day, grade, mode, state before, state after), a state
    being (reps, interval, ef, due, lapses, last day) shared by entries.
    """
    out = []
    st = (0, 0, 2.5, None, 0, None)
    reps, interval, ef, lapses = 0, 0, 2.5, 0
    day = 0
    # Some cards are hard; and the longer the gap, the more is forgotten.
    hard = rng.uniform(0.03, 0.2)
    while len(out) < n:
        q = grade(rng, min(0.9, hard + interval / 400))
        reps, interval, ef, lapse = review(reps, interval, ef, q)
        lapses += lapse
        after = (reps, interval, ef, day + interval, lapses, day)
        out.append((day, q, "review", st, after))
        st = after
        # Same-day repeats until a 4: a second try usually goes better.
        while q < 4 and (len(out) < n or not cut):
            q = grade(rng, 0.1)
            out.append((day, q, "repeat", st, st))
        day += interval
    return out, st


def card_rows(rng, deck, card, n, today, cut):
    """The review rows and the state row of one card."""
    log, final = history(rng, n, cut)
    # The last review a day or more ago, and often the due day passed.
    lag = 1 + int(rng.random() * 1.5 * final[1])
    by = today - lag - final[5]
    moved = {}
    rows = []
    rnd = rng.random
    for day, q, mode, b, a in log:
        for st in (b, a):
            if id(st) not in moved:
                r, i, e, d, l, ld = st
                moved[id(st)] = (r, i, e, None if d is None else d + by, l,
                                 None if ld is None else ld + by)
        at = (day + by) * DAY_MS + 28800000 + int(rnd() * 50400000)
        rows.append((deck, card, day + by, at, q, 2000 + int(rnd() * 88000),
                     mode, 1 if b[3] is None else 0) + moved[id(b)] +
                    moved[id(a)])
    return rows, (deck, card) + moved[id(final)]


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    db, today, total = argv[1], int(argv[2]), int(argv[3])
    con = sqlite3.connect(db, isolation_level=None)
    # A scratch database: no journal, no syncs, indexes built at the end.
    con.execute("PRAGMA journal_mode = OFF")
    con.execute("PRAGMA synchronous = OFF")
    con.execute("PRAGMA cache_size = -131072")
    con.execute("BEGIN")
    idx = con.execute("SELECT sql FROM sqlite_master WHERE type = 'index'"
                      " AND tbl_name = 'review' AND sql IS NOT NULL")
    idx = idx.fetchall()
    for (sql,) in idx:
        con.execute("DROP INDEX " + sql.split()[2])
    cards = con.execute("SELECT deck, id FROM card WHERE retired = 0"
                        " ORDER BY deck, pos").fetchall()
    seen = cards[:len(cards) * 4 // 5]
    rng = random.Random(SEED)
    done = 0
    rows, states = [], []
    for k, (deck, card) in enumerate(seen):
        n = max(1, (total * (k + 1)) // len(seen) - done)
        r, state = card_rows(rng, deck, card, n, today, k == len(seen) - 1)
        done += len(r)
        rows += r
        states.append(state)
    con.executemany(
        "INSERT INTO review (deck, card, day, at_ms, quality, took_ms,"
        " mode, fresh, reps0, interval0, ef0, due0, lapses0, last_day0,"
        " reps1, interval1, ef1, due1, lapses1, last_day1)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.executemany("INSERT INTO state (deck, card, reps, interval, ef, due,"
                    " lapses, last_day) VALUES (?,?,?,?,?,?,?,?)", states)
    for (sql,) in idx:
        con.execute(sql)
    con.execute("COMMIT")
    con.execute("PRAGMA journal_mode = WAL")
    con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
