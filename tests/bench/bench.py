#!/usr/bin/env python3
"""bench.py: time rehearse on big decks against a floor, and print a table.

usage: bench.py REHEARSE FLOOR SCHED-BENCH     (or: make bench)

Every figure is the median of several runs.  Speed is CPU time (user +
system, which a busy machine does not inflate the way it does wall-clock
time; wall-clock medians are shown in brackets), and where a floor
applies it is reported as a ratio to the floor measured in the same run,
so the table reads the same on a fast and a slow machine: the median of
the ratios of runs made side by side.  The floor
(floor.c) does the least an import could do: parse the same file with
libyaml's event API and insert the same rows with one prepared statement
in one transaction; for the first card, open the database and select the
first due card.  Peak memory comes from /usr/bin/time -v.

Decks and databases (about 700 MB) live in a temporary directory that is
removed at the end, whatever happens; HOME and XDG_* point into it too.
It goes in /dev/shm when that has room (the disk's write-back would only
add noise to wall-clock times), else in TMPDIR.  Environment: BENCH_RUNS
(runs of each figure over a second, default 7; quicker ones get 2 more),
BENCH_CARDS (default 100000), BENCH_CLOCK=wall to judge by wall-clock
time instead, BENCH_TMPDIR (where the temporary directory goes).
"""
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True          # no __pycache__ left in the tree
import gen  # noqa: E402

REVIEWS = 1000000
TODAY = "2026-03-01"
TODAY_N = 20513         # TODAY as days since 1970-01-01
SMALL = 10000           # the small deck of the memory comparison
EDIT_PERCENT = 1


class Run:
    """One measured process: wall and CPU seconds, peak RSS, output."""

    def __init__(self, wall, cpu, rss_kb, out, rc):
        self.wall, self.cpu, self.rss_kb = wall, cpu, rss_kb
        self.out, self.rc = out, rc


class Fig:
    """The median of several runs of one command."""

    def __init__(self, runs):
        self.runs = runs
        self.wall = statistics.median(r.wall for r in runs)
        self.cpu = statistics.median(r.cpu for r in runs)
        self.rss = statistics.median(r.rss_kb for r in runs) / 1024.0

    def t(self):
        return self.wall if CLOCK == "wall" else self.cpu

    def show(self):
        other = self.cpu if CLOCK == "wall" else self.wall
        return "%.3f s (%.3f)" % (self.t(), other)

    def ratio(self, other):
        """The median of the runs' ratios, run i to the other's run i:
        runs taken side by side share the machine's load of the moment."""
        key = (lambda r: r.wall) if CLOCK == "wall" else (lambda r: r.cpu)
        return statistics.median(key(a) / key(b)
                                 for a, b in zip(self.runs, other.runs))


CLOCK = os.environ.get("BENCH_CLOCK", "cpu")
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
CARDS = int(os.environ.get("BENCH_CARDS", "100000"))


def measure(cmd, tmp, stdin=None):
    """Run cmd under /usr/bin/time -v; its stdout text in Run.out."""
    tfile = os.path.join(tmp, "time.out")
    ofile = os.path.join(tmp, "cmd.out")
    with open(ofile, "wb") as out:
        t0 = time.perf_counter()
        p = subprocess.Popen(["/usr/bin/time", "-v", "-o", tfile] + cmd,
                             stdin=subprocess.PIPE, stdout=out)
        if stdin is not None:
            p.stdin.write(stdin)
        p.stdin.close()
        # wait4 gives the CPU time of time(1) and its child to the
        # microsecond; time -v prints it to the hundredth only.
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
    with open(tfile) as f:
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)",
                      f.read())
    with open(ofile, "rb") as f:
        text = f.read().decode("utf-8", "replace")
    return Run(wall, ru.ru_utime + ru.ru_stime, int(m.group(1)), text,
               p.returncode)


def must(run, what, pattern=None):
    if run.rc != 0 or (pattern and not re.search(pattern, run.out)):
        sys.stderr.write("bench: %s failed (exit %d):\n%s\n"
                         % (what, run.rc, run.out[-2000:]))
        sys.exit(1)
    return run


def fresh(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)


def file_state(path):
    """What would show that a database was written: sizes and mtimes."""
    out = []
    for suffix in ("", "-wal"):
        try:
            st = os.stat(path + suffix)
            out.append((suffix, st.st_size, st.st_mtime_ns))
        except FileNotFoundError:
            pass
    return out


class Bench:
    def __init__(self, rehearse, floor, sched, tmp):
        self.rh, self.floor, self.sched, self.tmp = rehearse, floor, sched, tmp
        self.rows = []

    def path(self, name):
        return os.path.join(self.tmp, name)

    def rehearse(self, db, *args, stdin=None):
        return measure([self.rh, "--db", db, "--today", TODAY] + list(args),
                       self.tmp, stdin)

    def row(self, figure, value, floor, ratio, target, ok):
        self.rows.append((figure, value, floor, ratio, target,
                          "-" if ok is None else "pass" if ok else "FAIL"))

    def deck_runs(self, deck, edited, n, base, with_floor):
        """n rounds of: import into an empty database, the floor's import
        (with_floor), re-import of the same file and of the edited one.
        Interleaved, so that a change in the machine's load between
        figures does not show as a ratio.  base keeps the first import."""
        cards = int(re.search(r"\d+", os.path.basename(deck)).group(0))
        # An unchanged file is recognised by its fingerprint and not read.
        same_out = (r"\(0 new, 0 changed, 0 retired\)"
                    r"|unchanged since its last import")
        edit_out = r"\(0 new, %d changed, 0 retired\)" % (
            cards * EDIT_PERCENT // 100)
        imp, flo, same, ed = [], [], [], []
        db = self.path("work.db")
        for i in range(n):
            fresh(db)
            imp.append(must(self.rehearse(db, "import", deck), "import",
                            r"\(%d new" % cards))
            if i == 0:
                shutil.copy(db, base)
            if with_floor:
                fresh(db)
                flo.append(must(measure([self.floor, "import", db, deck],
                                        self.tmp), "floor import"))
            for runs, path, out in ((same, deck, same_out),
                                    (ed, edited, edit_out)):
                fresh(db)
                shutil.copy(base, db)
                runs.append(must(self.rehearse(db, "import", path),
                                 "re-import", out))
        fresh(db)
        return Fig(imp), Fig(flo) if flo else None, Fig(same), Fig(ed)

    def run(self):
        t_start = time.perf_counter()
        big = self.path("deck-%d.yaml" % CARDS)
        edited = self.path("edited-%d.yaml" % CARDS)
        small = self.path("deck-%d.yaml" % SMALL)
        small_edited = self.path("edited-%d.yaml" % SMALL)
        gen.write(CARDS, big, edited, EDIT_PERCENT)
        gen.write(SMALL, small, small_edited, EDIT_PERCENT)
        mb = os.path.getsize(big) / 1e6
        base = self.path("base.db")

        imp, floor, same, ed = self.deck_runs(big, edited, RUNS, base, True)
        r = imp.ratio(floor)
        self.row("import, new %s-card deck" % kilo(CARDS),
                 imp.show(), floor.show(), "%.2fx" % r, "<= 1.5x floor",
                 r <= 1.5)
        # Not a byte written: run once more on base itself and look.
        before = file_state(base)
        must(self.rehearse(base, "import", big), "re-import",
             r"\(0 new, 0 changed, 0 retired\)"
             r"|unchanged since its last import")
        untouched = file_state(base) == before
        r = same.ratio(imp)
        self.row("re-import, same file", same.show(), "import",
                 "%.2fx" % r, "< 0.1x import, no write",
                 r < 0.1 and untouched)
        if not untouched:
            self.row("  (the database file was written)", "", "", "", "",
                     False)
        r = ed.ratio(imp)
        # Shown, not judged: at the sizes people have it takes milliseconds.
        self.row("re-import, %d%% of cards edited" % EDIT_PERCENT, ed.show(),
                 "import", "%.2fx" % r, "", None)

        small_base = self.path("small-base.db")
        simp, _, _, sed = self.deck_runs(small, small_edited, RUNS,
                                         small_base, False)
        fresh(small_base)
        for what, a, b in (("import", simp, imp), ("edited re-import", sed,
                                                   ed)):
            d = b.rss - a.rss
            self.row("peak memory, %s: %s vs %s cards" % (what,
                     kilo(SMALL), kilo(CARDS)),
                     "%.1f / %.1f MB" % (a.rss, b.rss), "",
                     "%+.1f MB" % d, "< 8 MB apart", d < 8)

        self.history(base)
        self.row("SM-2 scheduler: 1,000,000 steps", *self.sm2())
        total = time.perf_counter() - t_start
        self.print_table(mb, total)

    def history(self, base):
        """The figures on a database with a long review history."""
        db = self.path("history.db")
        shutil.copy(base, db)
        fresh(base)
        subprocess.run([sys.executable, os.path.join(HERE, "reviews.py"),
                        db, str(TODAY_N), str(REVIEWS)], check=True)
        n = RUNS + 2
        mine, floors = [], []
        for _ in range(n):
            mine.append(must(self.rehearse(db, "drill", stdin=b""), "drill"))
            floors.append(must(measure([self.floor, "first-due", db,
                                        str(TODAY_N)], self.tmp),
                               "floor first-due"))
        # Both must show the same card: the floor prints its front.
        front = floors[0].out.split("\n")[1]
        if front[:40] not in mine[0].out.replace("\n", " "):
            sys.stderr.write("bench: drill and floor disagree on the "
                             "first card:\n%s\n---\n%s\n"
                             % (mine[0].out[:600], floors[0].out[:600]))
            sys.exit(1)
        first, ffirst = Fig(mine), Fig(floors)
        r = first.ratio(ffirst)
        self.row("first card on screen (piped input)",
                 first.show(), ffirst.show(), "%.2fx" % r, "<= 1.5x floor",
                 r <= 1.5)
        card = floors[0].out.split("\n")[0]
        checks = [("list --json", ["list", "--json"], r"^\["),
                  ("stats", ["stats"], None),
                  ("show DECK/CARD", ["show", card], None)]
        for what, args, pattern in checks:
            probe = self.rehearse(db, *args)
            if probe.rc != 0:
                self.row(what, "n/a (no %s command)" % args[0]
                         if args[0] == "stats" else "exit %d" % probe.rc,
                         "", "", "< 0.3 s", None if args[0] == "stats"
                         else False)
                continue
            # Slow ones get fewer runs: the benchmark has 3 minutes.
            runs = [must(probe, what, pattern)]
            runs += [must(self.rehearse(db, *args), what, pattern)
                     for _ in range((n if probe.wall < 1 else RUNS) - 1)]
            f = Fig(runs)
            self.row(what, f.show(), "", "", "< 0.3 s", f.t() < 0.3)
        fresh(db)

    def sm2(self):
        runs = []
        for _ in range(RUNS):
            r = must(measure([self.sched], self.tmp), "sched-bench")
            runs.append(float(re.search(r" in ([0-9.]+) s", r.out).group(1)))
        t = statistics.median(runs)
        return ("%.3f s (%.0f ns/step)" % (t, t * 1e3), "", "",
                "< 0.1 s", t < 0.1)

    def print_table(self, mb, total):
        head = ("figure", "rehearse", "floor", "ratio", "target", "result")
        rows = [head] + self.rows
        w = [max(len(str(r[i])) for r in rows) for i in range(len(head))]
        print("rehearse benchmark: a deck of {:,} cards ({:.0f} MB), then "
              "{:,} reviews logged on them".format(CARDS, mb, REVIEWS))
        print("time: %s seconds (%s in brackets), median of %d runs (%d "
              "for figures under a second); in %s"
              % ("CPU" if CLOCK == "cpu" else "wall-clock",
                 "wall-clock" if CLOCK == "cpu" else "CPU", RUNS, RUNS + 2,
                 os.path.dirname(self.tmp)))
        for i, r in enumerate(rows):
            print("| " + " | ".join(str(c).ljust(w[j])
                                     for j, c in enumerate(r)) + " |")
            if i == 0:
                print("|" + "|".join("-" * (x + 2) for x in w) + "|")
        fails = sum(1 for r in self.rows if r[5] == "FAIL")
        print("%d of %d targets missed; the benchmark took %.0f s."
              % (fails, sum(1 for r in self.rows if r[5] != "-"), total))


def kilo(n):
    return "%dk" % (n // 1000) if n % 1000 == 0 else str(n)


def scratch():
    """Where the temporary directory goes."""
    if os.environ.get("BENCH_TMPDIR"):
        return os.environ["BENCH_TMPDIR"]
    try:
        st = os.statvfs("/dev/shm")
        if st.f_bavail * st.f_frsize > 2 << 30 and \
                os.access("/dev/shm", os.W_OK):
            return "/dev/shm"
    except OSError:
        pass
    return tempfile.gettempdir()


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    if not os.access("/usr/bin/time", os.X_OK):
        sys.stderr.write("bench: needs GNU time as /usr/bin/time "
                         "(Debian: apt-get install time)\n")
        return 1
    tmp = tempfile.mkdtemp(prefix="rehearse-bench.", dir=scratch())
    # Leave nothing behind, even when interrupted.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGHUP, lambda *_: sys.exit(129))
    try:
        home = os.path.join(tmp, "home")
        os.mkdir(home)
        for var, sub in (("HOME", ""), ("XDG_DATA_HOME", "data"),
                         ("XDG_CONFIG_HOME", "config"),
                         ("XDG_STATE_HOME", "state"),
                         ("XDG_CACHE_HOME", "cache")):
            os.environ[var] = os.path.join(home, sub)
        for var in ("REHEARSE_DB", "REHEARSE_TODAY", "NO_COLOR"):
            os.environ.pop(var, None)
        os.environ["LC_ALL"] = "C.UTF-8"
        Bench(*[os.path.abspath(a) for a in argv[1:]], tmp).run()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
