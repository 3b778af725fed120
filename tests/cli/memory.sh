#!/bin/sh
# memory.sh: each card's memory model (FSRS-6) through the command line:
# grade sequences on days chosen by --today, same-day repeats included,
# give ts-fsrs 5.4.2's stability and difficulty (tests/data/fsrs.table),
# and show --json's recall follows its forgetting curve; :undo and
# forget take the memory back with the grade.
. "${top_srcdir:-.}/tests/setup"

# The first 40 reference sequences, one card each, driven from Python
# (a process per grade and per show, and nothing else per step).
python3 - "$top_srcdir/tests/data/fsrs.table" "$tmp/seq.yaml" <<'PY'
import sys
seqs = [l.split()[1:] for l in open(sys.argv[1]) if l.startswith("seq ")][:40]
with open(sys.argv[2], "w") as f:
    f.write("deck: m\ncards:\n")
    for i in range(len(seqs)):
        f.write("  - id: s%02d\n    front: Sequence %d?\n    back: A.\n" % (i, i))
PY
run import "$tmp/seq.yaml"
check_rc "import the sequences' deck" 0
python3 - "$top_srcdir/tests/data/fsrs.table" "$REHEARSE" "$db" "$tmp/last" >"$tmp/bad" <<'PY'
import datetime, json, subprocess, sys
table, prog, db, lastf = sys.argv[1:]
seqs = [l.split()[1:] for l in open(table) if l.startswith("seq ")][:40]
def rh(*args):
    return subprocess.run([prog, "--db", db] + list(args), check=True,
                          capture_output=True, text=True).stdout
# A rating of Again is given as the grades 0, 1 and 2 in turn; each
# card starts on its own day from 2026-01-01 (day 20454).
again = 0
for i, seq in enumerate(seqs):
    day = 20454 + i
    for step in seq:
        t, g, d, s = step.split(":")
        day += int(t)
        if g == "1":
            q, again = again % 3, again + 1
        else:
            q = {"2": 3, "3": 4, "4": 5}[g]
        date = str(datetime.date(1970, 1, 1) + datetime.timedelta(days=day))
        rh("--today", date, "grade", "m/s%02d" % i, str(q))
        j = json.loads(rh("--today", date, "show", "m/s%02d" % i, "--json"))
        d, s = float(d), float(s)
        if not (abs(j["difficulty"] - d) <= 1e-6 * d and
                abs(j["stability"] - s) <= 1e-6 * s and j["recall"] == 1):
            print("s%02d" % i, date, q, j["difficulty"], j["stability"],
                  j["recall"], "want", d, s)
    if i == 0:
        open(lastf, "w").write("%d %s\n" % (day, s))
PY
check "every step of 40 sequences gives ts-fsrs's S and D" test ! -s "$tmp/bad"
head -5 "$tmp/bad" | sed 's/^/# /'

# Recall later on: R = (1 + F t / S)^-w20, with F so that R(S) = 0.9,
# from the card's last day and stability.
read -r lday lstab <"$tmp/last"
run --today 2026-12-01 show m/s00 --json
check "recall on a later day follows the forgetting curve" json "abs(j['recall'] - (1 + (0.9 ** (-1 / 0.1542) - 1) * (20788 - $lday) / $lstab) ** -0.1542) < 1e-6 * j['recall']"
run --today 2026-12-01 show m/s00
check "show says how sure recall is now" has "$tmp/out" "you would recall this now"

# A card never graded has no memory; :undo and forget take it back.
write_deck "$tmp/deck.yaml"
run import "$tmp/deck.yaml"
run --today 2026-03-01 show sample/first --json
check "never graded: stability and difficulty null, recall 0" json 'j["stability"] is None and j["difficulty"] is None and j["recall"] == 0'
run --today 2026-03-01 grade sample/first 4
run --today 2026-03-03 show sample/first --json
cp "$tmp/out" "$tmp/before.json"
run_in '
2
:undo
:quit
' --today 2026-03-03 drill sample
run --today 2026-03-03 show sample/first --json
check ":undo puts the memory back as it was" python3 -c '
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
sys.exit(0 if (a["stability"], a["difficulty"], a["recall"]) == (b["stability"], b["difficulty"], b["recall"]) else 1)' "$tmp/before.json" "$tmp/out"
run_in '
2
:quit
' --today 2026-03-03 --cram drill sample
run --today 2026-03-03 show sample/first --json
check "a cram grade moves the memory (not the schedule)" python3 -c '
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
sys.exit(0 if a["stability"] != b["stability"] and a["due"] == b["due"] else 1)' "$tmp/before.json" "$tmp/out"
run --today 2026-03-03 forget sample/first --yes
run --today 2026-03-03 show sample/first --json
check "forget clears the memory" json 'j["stability"] is None and j["recall"] == 0'

# A card only crammed has a memory and no schedule: forget clears it and
# logs it, so that a later :undo does not bring it back.
rm -f "$db"
run import "$tmp/deck.yaml"
run_in '
4
:quit
' --today 2026-03-01 --cram drill sample
run --today 2026-03-01 forget sample/first --yes
check "forget counts a card only crammed" has "$tmp/out" "progress reset for 1 card"
run_in '
4
:undo
:quit
' --today 2026-03-02 drill sample
run --today 2026-03-02 show sample/first --json
check ":undo after forget leaves a crammed card without memory" json 'j["stability"] is None and j["due"] is None'

# Readiness: the mean predicted recall on the day (tomorrow without an
# interview) over every live card, a card never seen counting 0.
rm -f "$db"
run import "$tmp/deck.yaml" "$tmp/seq.yaml"
run --today 2026-04-01 grade sample/first 5
run --today 2026-04-01 grade m/s01 3
run --today 2026-04-03 grade m/s01 4
run --today 2026-04-02 grade m/s02 2
run suspend m/s03
run --today 2026-04-05 stats --json
cp "$tmp/out" "$tmp/stats.json"
: >"$tmp/recalls"
for c in $(python3 -c 'import sys; print(" ".join(["sample/first", "sample/second", "sample/third"] + ["m/s%02d" % i for i in range(40) if i != 3]))'); do
	run --today 2026-04-06 show "$c" --json
	python3 -c 'import json, sys; j = json.load(open(sys.argv[1])); print(sys.argv[2], j["recall"])' "$tmp/out" "$c" >>"$tmp/recalls"
done
check "stats --json readiness: the mean over live cards, on tomorrow" python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))["readiness"]
rows = [l.split() for l in open(sys.argv[2])]
r = [float(x) for _, x in rows]
risk = [c for c, x in sorted(rows, key=lambda t: float(t[1]))][:10]
ok = (j["day"] == "2026-04-06" and j["cards"] == 42 and
      abs(j["recall"] - sum(r) / len(r)) < 1e-9 and len(j["at_risk"]) == 10 and
      all(c in [x for x, y in rows if float(y) == 0] for c in j["at_risk"]))
sys.exit(0 if ok else 1)' "$tmp/stats.json" "$tmp/recalls"
run --today 2026-04-05 stats
check "stats text: readiness for tomorrow, as the JSON says" python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))["readiness"]
want = "Readiness for tomorrow, 2026-04-06: %.0f%% of 42 cards" % (100 * j["recall"])
sys.exit(0 if want in open(sys.argv[2]).read() else 1)' "$tmp/stats.json" "$tmp/out"
check "stats text: the cards most at risk" has "$tmp/out" "Most at risk on that day"

# The cards most at risk: lowest recall on the day first, so the cards
# never seen (at 0) in deck order, then the graded ones by recall.
cat >"$tmp/r.yaml" <<'YAML'
deck: r
cards:
  - {id: r1, front: R1?, back: A.}
  - {id: r2, front: R2?, back: A.}
  - {id: r3, front: R3?, back: A.}
  - {id: r4, front: R4?, back: A.}
  - {id: r5, front: R5?, back: A.}
  - {id: r6, front: R6?, back: A.}
YAML
keep=$db
db=$tmp/risk.db
run import "$tmp/deck.yaml" "$tmp/r.yaml"
run --today 2026-04-01 grade sample/second 4
run --today 2026-04-05 grade r/r2 5
run --today 2026-04-05 grade r/r4 3
run --today 2026-04-05 stats --json
check "at risk: never seen in deck order, then the lowest recall first" json 'j["readiness"]["at_risk"] == ["sample/first", "sample/third", "r/r1", "r/r3", "r/r5", "r/r6", "sample/second", "r/r4", "r/r2"]'
: >"$tmp/recalls"
for c in sample/second r/r4 r/r2; do
	run --today 2026-04-06 show "$c" --json
	python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["recall"])' "$tmp/out" >>"$tmp/recalls"
done
check "at risk: the graded cards' recalls rise" python3 -c '
import sys
r = [float(l) for l in open(sys.argv[1])]
sys.exit(0 if 0 < r[0] < r[1] < r[2] else 1)' "$tmp/recalls"
db=$keep
run --today 2026-04-05 interview 2026-04-20
run --today 2026-04-05 stats --json
check "with an interview date, readiness is for that day" json 'j["readiness"]["day"] == "2026-04-20"'
run_in '
5
:quit
' --today 2026-04-05 drill sample
tr '\n' ' ' <"$tmp/out" >"$tmp/joined"
check "the drill's summary says how the session moved its deck's readiness" grep -q "Readiness for [A-Za-z]* (sample): [0-9]*% -> [0-9]*%" "$tmp/joined"
after=$(sed -n 's/.*Readiness for [A-Za-z]* (sample): [0-9]*% -> \([0-9]*\)%.*/\1/p' "$tmp/joined")
run --today 2026-04-05 stats
check "stats right after gives the deck the drill's figure" grep -Eq "^  sample +$after%" "$tmp/out"
check "and the figure of all decks says so" grep -q "% of [0-9]* cards" "$tmp/out"
run_in '
5
:quit
' --today 2026-04-05 --cram drill m
tr '\n' ' ' <"$tmp/out" >"$tmp/joined"
check "a cram session's summary says how it moved readiness" grep -q "Readiness for [A-Za-z]* (m): [0-9]*% -> [0-9]*%" "$tmp/joined"

done_testing
