#!/usr/bin/env python3
# faults.py: helpers for the fault tests (tests/cli/faults-*.sh): a deck
# generator, a driver for a piped drill that can kill it at a chosen
# moment, and a checker that replays the review log through SM-2 (from
# DESIGN.md, written here independently of src/sched.c) and compares the
# result with the schedule the database holds.
#
#   faults.py deck FILE ID N          write a deck of N recall cards
#   faults.py replay DB               JSON: the replay's findings
#   faults.py kill REHEARSE DB DECK RUNS ANSWERS SEED
#                                     drill RUNS times, each killed with
#                                     SIGKILL at a random moment within
#                                     ANSWERS answers; JSON summary
#   faults.py drills REHEARSE DB ANSWERS DECK...
#                                     one piped drill per deck, all at
#                                     once; JSON summary
import datetime
import json
import os
import random
import re
import select
import signal
import sqlite3
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "data"))
import sm2 as sm2_ref  # noqa: E402

HEADER = re.compile(r"^\[(\S+) (\d+)/(\d+) (\w+)\]$")
FRONT = re.compile(r"^Question (\S+)/(\S+): ")
GRADED = re.compile(r"^Graded ([0-5]):")
LEGEND = "0 blank  1 wrong  2 familiar  3 effort  4 pause  5 fluent"
# No step of a drill takes this long; past it the driver gives up.
STALL_SECONDS = 60


def write_deck(path, deck, n):
    with open(path, "w") as f:
        f.write("deck: %s\ntitle: Generated for the fault tests\n" % deck)
        f.write("kind: recall\ncards:\n")
        for i in range(n):
            card = "c%04d" % i
            f.write("  - id: %s\n" % card)
            f.write("    front: 'Question %s/%s: what comes after %d?'\n"
                    % (deck, card, i))
            f.write("    back: '%d'\n" % (i + 1))


def sm2(state, q, day):
    """One review: DESIGN.md's rules, through the shared reference."""
    n, i, ef, due, lapses = state
    n, i, ef, lapses = sm2_ref.review(n, i, ef, lapses, q)
    return (n, i, ef, day + i, lapses)


def replay(db):
    """Replay every card's 'review' rows; list what disagrees."""
    con = sqlite3.connect(db)
    found = {"integrity": con.execute("PRAGMA integrity_check").fetchone()[0],
             "foreign_key_errors": len(con.execute(
                 "PRAGMA foreign_key_check").fetchall()),
             "mismatches": [], "cards": 0, "reviews": 0}
    states = {}
    for deck, card, reps, interval, ef, due, lapses in con.execute(
            "SELECT deck, card, reps, interval, ef, due, lapses FROM state"):
        states[(deck, card)] = (reps, interval, ef, due, lapses)
    logs = {}
    for row in con.execute(
            "SELECT deck, card, day, quality, mode, reps1, interval1, ef1,"
            " due1, lapses1 FROM review ORDER BY id"):
        found["reviews"] += 1
        if row[4] == "review":
            logs.setdefault((row[0], row[1]), []).append(row)
    con.close()
    for key in sorted(set(states) | set(logs)):
        found["cards"] += 1
        st = (0, 0, 2.5, None, 0)
        last = None
        for row in logs.get(key, []):
            if row[2] == last:
                found["mismatches"].append(
                    "%s/%s: two scheduling reviews on day %d" % (key + (row[2],)))
            last = row[2]
            st = sm2(st, row[3], row[2])
            if tuple(row[5:10]) != st:
                found["mismatches"].append("%s/%s: log row says %r, "
                                           "replay %r" % (key + (row[5:10], st)))
        want = states.get(key)
        if want is None and st[3] is None:
            continue
        if want != st:
            found["mismatches"].append("%s/%s: state %r, replay %r"
                                       % (key + (want, st)))
    return found


class Drill:
    """A piped 'rehearse drill': reads what it prints, answers it."""

    def __init__(self, argv, rng, err):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=err,
                                     bufsize=0)
        self.rng = rng
        self.buf = b""
        self.card = None
        self.sent = 0           # grades sent
        self.acked = []         # (deck, card, q) confirmed on screen
        self.graded = []        # (deck, card, q) as sent

    def line(self):
        """The next line, or None at EOF."""
        fd = self.proc.stdout.fileno()
        while b"\n" not in self.buf:
            ready, _, _ = select.select([fd], [], [], STALL_SECONDS)
            if not ready:
                raise RuntimeError("the drill printed nothing for %d s"
                                   % STALL_SECONDS)
            chunk = os.read(fd, 65536)
            if not chunk:
                rest, self.buf = self.buf, b""
                return rest.decode() if rest else None
            self.buf += chunk
        text, self.buf = self.buf.split(b"\n", 1)
        return text.decode()

    def send(self, text):
        try:
            self.proc.stdin.write(text.encode())
        except BrokenPipeError:
            pass                # killed: what it printed is still read

    def step(self):
        """Handle one line; False at EOF."""
        text = self.line()
        if text is None:
            return False
        if HEADER.match(text):
            self.card = None
            return True
        m = FRONT.match(text)
        if m:
            self.card = (m.group(1), m.group(2))
            self.send("\n")
            return True
        if text == LEGEND:
            if self.card is None:
                raise RuntimeError("a grade asked for no card")
            q = self.rng.randrange(6)
            self.graded.append(self.card + (q,))
            self.sent += 1
            self.send("%d\n" % q)
            return True
        m = GRADED.match(text)
        if m:
            # The confirmation belongs to the oldest grade not confirmed.
            if len(self.acked) == len(self.graded):
                raise RuntimeError("a confirmation for no grade: " + text)
            deck, card, q = self.graded[len(self.acked)]
            if int(m.group(1)) != q:
                raise RuntimeError("confirmed %s, sent %d" % (text, q))
            self.acked.append((deck, card, q))
        return True

    def drain(self):
        while self.step():
            pass
        return self.close()

    def close(self):
        """Close the pipes, wait; the exit status (-9 when killed)."""
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        self.proc.stdout.close()
        return self.proc.wait()


def pause(seconds):
    """Busy-wait: sleep() is too coarse for a fraction of a millisecond."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def run_rows(db, first_id):
    con = sqlite3.connect(db)
    rows = con.execute("SELECT deck, card, quality FROM review WHERE id > ?"
                       " ORDER BY id", (first_id,)).fetchall()
    con.close()
    return rows


def max_id(db):
    con = sqlite3.connect(db)
    v = con.execute("SELECT coalesce(max(id), 0) FROM review").fetchone()[0]
    con.close()
    return v


def kill_runs(rehearse, db, deck, runs, answers, seed):
    """Drill, kill, check; repeat.  Returns the figures."""
    # One generator plans the kills, one per run draws its grades: what
    # a kill cuts short does not shift the plan of the runs after it.
    rng = random.Random(seed)
    # Where the kills fell: before the last grade sent was saved, after
    # it was saved but before its line was shown, or once it was shown.
    out = {"runs": runs, "killed": 0, "acked": 0, "logged": 0, "lost": 0,
           "integrity_failures": 0, "replay_mismatches": 0,
           "order_mismatches": 0, "kill_before_save": 0,
           "kill_before_shown": 0, "kill_after_shown": 0, "errors": []}
    start = datetime.date(2026, 1, 5)
    for run in range(runs):
        # Far apart, so that earlier cards are due again: answers keep coming.
        day = start + datetime.timedelta(days=40 * run)
        before = max_id(db)
        kill_at = rng.randint(1, answers)
        # Mostly within the ~0.2 ms the program takes to save an answer
        # and show the next card; sometimes while it waits for input.
        delay = rng.choice([0.0, rng.uniform(0, 0.0004),
                            rng.uniform(0, 0.0004), rng.uniform(0, 0.003)])
        with open(db + ".err", "w") as err:
            # --limit: grades below 4 bring cards back, so that repeats
            # ('repeat' rows) come before the kill too.
            d = Drill([rehearse, "--db", db, "--today", day.isoformat(),
                       "drill", "--new", "1000", "--limit", "120", deck],
                      random.Random(seed + 1 + run), err)
            killed = False
            try:
                while d.step():
                    if d.sent == kill_at and not killed:
                        pause(delay)
                        d.proc.send_signal(signal.SIGKILL)
                        killed = True
            except RuntimeError as e:
                out["errors"].append("run %d: %s" % (run, e))
                out["order_mismatches"] += 1
                d.proc.kill()
            rc = d.close()
        if rc == -signal.SIGKILL:
            out["killed"] += 1
        else:
            out["errors"].append("run %d: exit %r, not killed (after %d "
                                 "answers)" % (run, rc, d.sent))
        logged = run_rows(db, before)
        out["acked"] += len(d.acked)
        out["logged"] += len(logged)
        # Every confirmed answer is in the log, in order; at most the one
        # being confirmed when the kill came is there without a line.
        lost = max(0, len(d.acked) - len(logged))
        out["lost"] += lost
        if len(logged) < kill_at:
            out["kill_before_save"] += 1
        elif len(d.acked) < kill_at:
            out["kill_before_shown"] += 1
        else:
            out["kill_after_shown"] += 1
        if lost or len(logged) > len(d.acked) + 1 or \
                [tuple(r) for r in logged[:len(d.acked)]] != d.acked or \
                [tuple(r) for r in logged] != d.graded[:len(logged)]:
            out["order_mismatches"] += 1
            out["errors"].append("run %d: confirmed %d, logged %d"
                                 % (run, len(d.acked), len(logged)))
        found = replay(db)
        if found["integrity"] != "ok" or found["foreign_key_errors"]:
            out["integrity_failures"] += 1
            out["errors"].append("run %d: integrity_check %s"
                                 % (run, found["integrity"]))
        if found["mismatches"]:
            out["replay_mismatches"] += len(found["mismatches"])
            out["errors"].extend(found["mismatches"][:5])
    return out


def concurrent_drills(rehearse, db, answers, decks):
    """One drill per deck at the same moment; all answered to the end."""
    out = {"drills": len(decks), "exit_codes": [], "acked": 0, "logged": 0,
           "errors": []}
    before = max_id(db)
    drills = []
    for i, deck in enumerate(decks):
        err = open("%s.err%d" % (db, i), "w")
        drills.append((Drill([rehearse, "--db", db, "--today", "2026-03-01",
                              "drill", "--new", "1000", "--limit",
                              str(answers), deck], random.Random(i), err), err))
    codes = [None] * len(drills)

    def finish(i, d):
        try:
            codes[i] = d.drain()
        except Exception as e:          # reported, not raised in a thread
            out["errors"].append("drill %d: %s" % (i, e))
    threads = [threading.Thread(target=finish, args=(i, d))
               for i, (d, _) in enumerate(drills)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i, (d, err) in enumerate(drills):
        err.close()
        out["acked"] += len(d.acked)
        with open("%s.err%d" % (db, i)) as f:
            text = f.read()
        if text:
            out["errors"].append("drill %d stderr: %s" % (i, text[:300]))
    out["exit_codes"] = codes
    out["logged"] = len(run_rows(db, before))
    return out


def main(argv):
    if argv[1] == "deck":
        write_deck(argv[2], argv[3], int(argv[4]))
        return 0
    if argv[1] == "replay":
        found = replay(argv[2])
    elif argv[1] == "kill":
        found = kill_runs(argv[2], argv[3], argv[4], int(argv[5]),
                          int(argv[6]), int(argv[7]))
    elif argv[1] == "drills":
        found = concurrent_drills(argv[2], argv[3], int(argv[4]), argv[5:])
    else:
        sys.stderr.write("faults.py: unknown command %s\n" % argv[1])
        return 2
    for e in found.get("errors", []) + found.get("mismatches", []):
        sys.stderr.write("faults.py: %s\n" % e)
    json.dump(found, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
