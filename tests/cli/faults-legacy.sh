#!/bin/sh
# faults-legacy.sh: a database written by schema version 1 opens with its
# progress, log and stories kept, and takes new grades.  The checks are on
# the data, not on the version number, so that they hold after the
# schema moves on and the file is migrated.
. "${top_srcdir:-.}/tests/setup"

faults="$top_srcdir/tests/faults/faults.py"
load_sql "$top_srcdir/tests/data/schema-v1.sql"
cp "$db" "$tmp/v1.db"

# Values as in the dump: alpha graded 5, 4, 3 (days 20454-20456), beta 1.
run --today 2026-01-10 show legacy/alpha --json
check_rc "show a card of the version 1 database" 0
check "alpha: repetitions" json 'j["reps"] == 3'
check "alpha: interval" json 'j["interval"] == 16'
check "alpha: EF, the same double" json 'j["ef"] == 2.46'
check "alpha: due day" json 'j["due"] == "2026-01-19"'
check "alpha: lapses" json 'j["lapses"] == 0 and j["leech"] is False'
run --today 2026-01-10 show legacy/beta --json
check "beta: its state" json 'j["reps"] == 0 and j["interval"] == 1 and j["ef"] == 1.96 and j["lapses"] == 1 and j["due"] == "2026-01-02"'
check "beta: kind" json 'j["kind"] == "practice"'
check "beta: the story written with version 1" json 'j["story"] == "My story from version one."'
run --today 2026-01-10 show legacy/gamma --json
check "gamma: still new" json 'j["reps"] == 0 and j["due"] is None'
run --today 2026-01-10 list --json
check "the deck and its counts" json 'j == [{"deck": "legacy", "title": "A deck from the first schema", "language": "en", "cards": 3, "due_today": 1, "new": 1}]'
run --today 2026-01-10 list legacy --json
check "the cards in deck order" json '[c["id"] for c in j] == ["alpha", "beta", "gamma"]'

# The log came through whole, and the schedule is still its replay.
check "the four logged reviews are unchanged" python3 -c 'import sqlite3, sys
q = "SELECT id, deck, card, day, at_ms, quality, took_ms, mode, fresh," \
    " reps0, interval0, ef0, due0, lapses0, last_day0, reps1, interval1," \
    " ef1, due1, lapses1, last_day1 FROM review ORDER BY id"
a = sqlite3.connect(sys.argv[1]).execute(q).fetchall()
b = sqlite3.connect(sys.argv[2]).execute(q).fetchall()
sys.exit(0 if a == b and len(a) == 4 else 1)' "$db" "$tmp/v1.db"
python3 "$faults" replay "$db" >"$tmp/out" || true
check "the schedule is the replay of the log" json 'j["mismatches"] == [] and j["reviews"] == 4'
check "integrity_check ok" json 'j["integrity"] == "ok" and j["foreign_key_errors"] == 0'
check "the schema version did not go back" python3 -c 'import sqlite3, sys
v = sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0]
sys.exit(0 if v >= 1 else 1)' "$db"

# New grades go on from the old state: round(16 * 2.46) = 39 days.
run --today 2026-01-19 grade legacy/alpha 5
check_rc "grade a card of the old database" 0
check "the next review follows on" has "$tmp/out" "next review 2026-02-27 (in 39 days)"
run --today 2026-01-19 show legacy/alpha --json
check "alpha after the grade" json 'j["reps"] == 4 and j["interval"] == 39 and j["ef"] == 2.56'
run --today 2026-01-19 grade legacy/gamma 4
check_rc "a first grade for the never-graded card" 0
printf '\n:example\n3\n' | rh --db "$db" --today 2026-01-19 drill legacy >"$tmp/out" 2>"$tmp/err" &&
    rc=0 || rc=$?
check_rc "a drill on the old database" 0
check "it shows the due card" has "$tmp/out" "Second question from version one?"
check "and its story, by its title: the card's front" \
    grep -qx "Your story: Second question from version one?" "$tmp/out"
python3 "$faults" replay "$db" >"$tmp/out" || true
check "the log replays after the new grades" json 'j["mismatches"] == [] and j["reviews"] == 7'

done_testing
