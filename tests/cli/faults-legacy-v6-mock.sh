#!/bin/sh
# faults-legacy-v6-mock.sh: a database written by schema version 6 keeps
# every row of its old tables when it gains sections, probes and the mock
# tables, and then takes a deck with both keys (export gives them back),
# and a mock on it.
. "${top_srcdir:-.}/tests/setup"

load_sql "$top_srcdir/tests/data/schema-v6-mock.sql"
cp "$db" "$tmp/v6.db"
run --today 2026-02-03 show sample/second --json
check_rc "a version 6 database opens" 0
check "its card is as it was" json 'j["reps"] == 1 and j["lapses"] == 1 and j["ef"] == 2.28 and j["due"] == "2026-02-04" and j["stability"] == 4.37161444'
check "the schema is version 8 or later" python3 -c 'import sqlite3, sys
sys.exit(0 if sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0] >= 8 else 1)' "$db"
check "every old row is kept" python3 -c '
import sqlite3, sys
old, new = (sqlite3.connect(p) for p in sys.argv[1:])
# (per-card stories move to the story bank: faults-legacy-v4-stories.sh)
for t in ("meta", "deck", "card", "state", "review", "memory", "daily"):
    cols = [r[1] for r in old.execute("PRAGMA table_info(%s)" % t)]
    q = "SELECT %s FROM %s ORDER BY 1, 2" % (", ".join(cols), t)
    if old.execute(q).fetchall() != new.execute(q).fetchall():
        print("# " + t + " differs")
        sys.exit(1)' "$tmp/v6.db" "$db"
check "the new columns are empty, the mock tables too" python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
n = c.execute("SELECT count(*) FROM card WHERE section IS NOT NULL OR probes IS NOT NULL").fetchone()[0]
n += c.execute("SELECT count(*) FROM deck WHERE section IS NOT NULL").fetchone()[0]
n += c.execute("SELECT count(*) FROM mock").fetchone()[0]
n += c.execute("SELECT count(*) FROM mock_answer").fetchone()[0]
sys.exit(0 if n == 0 else 1)' "$db"

cat >"$tmp/sample.yaml" <<'YAML'
deck: sample
title: Sample deck
language: en
kind: recall
section: competency
tags: [test]
cards:
  - id: first
    front: What is the first card?
    back: The first answer.
    hint: Starts with F.
  - id: second
    front: What is the second card?
    back: The second answer.
    kind: practice
    tags: [story]
    probes: [What was your own part?, What would you do differently?]
  - id: third
    section: closing
    front: What is the third card?
    back: The third answer.
YAML
run import "$tmp/sample.yaml"
check_rc "the deck, now with section and probes, imports" 0
check "its cards are changed, not new" has "$tmp/out" "(0 new, 2 changed, 0 retired)"
run --today 2026-02-03 show sample/second --json
check "the progress stays" json 'j["reps"] == 1 and j["lapses"] == 1 and j["ef"] == 2.28'
run export sample
check "export writes the deck's section" has "$tmp/out" "section: competency"
check "and the card's" has "$tmp/out" "section: closing"
check "and the probes" has "$tmp/out" "  - What was your own part?"
cp "$tmp/out" "$tmp/exported.yaml"
run import "$tmp/exported.yaml"
check "what export wrote imports to the same deck" has "$tmp/out" "(0 new, 0 changed, 0 retired)"

# A mock on the migrated database: the deck's section puts its cards in
# the competency part (a recall card too), the lowest ease first, and the
# grades go on from the old progress.
set +e
printf 'a\nb\n4\na\n4\na\n4\n' | REHEARSE_TEST_CLOCK=60 rh --db "$db" --today 2026-02-04 \
    mock --seed 1 >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
check_rc "a mock on the migrated database" 0
run mock --last --json
check "it asked the weaker card first, with its probe, and the closing card last" json '[(q["section"], q["card"], q["probe"] is not None) for q in j["questions"]] == [("competency", "sample/second", True), ("competency", "sample/first", False), ("closing", "sample/third", False)]'
run --today 2026-02-04 show sample/second --json
check "the grade went on from the old progress" json 'j["reps"] == 2 and j["lapses"] == 1'

done_testing
