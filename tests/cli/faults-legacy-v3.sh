#!/bin/sh
# faults-legacy-v3.sh: a database written by schema version 3 (with the
# span table that version 4 drops) opens with its cards, progress, log and
# story kept, and a re-import of its unchanged deck changes nothing.
. "${top_srcdir:-.}/tests/setup"

load_sql "$top_srcdir/tests/data/schema-v3.sql"
cp "$db" "$tmp/v3.db"

run --today 2026-11-05 show kept/one --json
check_rc "show a card of the version 3 database" 0
check "one: graded 4 then 2 on the next day" json 'j["reps"] == 0 and j["interval"] == 1 and j["lapses"] == 1 and j["due"] == "2026-11-03"'
check "one: its tags" json 'j["tags"] == ["pressure"]'
check "one: the story written with version 3" json 'j["story"] == "My story, written with version 3."'
run --today 2026-11-05 show kept/two --json
check "two: graded 5" json 'j["reps"] == 1 and j["interval"] == 1 and j["ef"] == 2.6'
run --today 2026-11-05 list kept --json
check "the cards in deck order, the derived id as it was" json '[c["id"] for c in j] == ["one", "two", "a-card-without-an-id-9bb42f"]'

q() {
	python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchall())' "$@"
}
check "the span table is gone" test "$(q "$db" "SELECT count(*) FROM sqlite_master WHERE name = 'span'")" = "[(0,)]"
check "the schema is version 4 or later" python3 -c 'import sqlite3, sys
sys.exit(0 if sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0] >= 4 else 1)' "$db"
log="SELECT id, deck, card, day, at_ms, quality, mode, ef1, due1 FROM review ORDER BY id"
check "the three logged reviews are unchanged" test "$(q "$db" "$log")" = "$(q "$tmp/v3.db" "$log")"
check "the story is in the bank, linked to its card" test "$(q "$db" "SELECT t.notes, l.deck, l.card FROM story t JOIN story_link l ON l.story = t.id")" = "[('My story, written with version 3.', 'kept', 'one')]"
cards="SELECT deck, id, pos, kind, front, back, hint, example, tags, retired FROM card ORDER BY pos"
check "the cards are unchanged" test "$(q "$db" "$cards")" = "$(q "$tmp/v3.db" "$cards")"

# The deck file it came from, imported again: the same cards, so nothing
# but the new fingerprint is written, and progress stays.
cat >"$tmp/d.yaml" <<'YAML'
deck: kept
title: A deck from schema version 3
language: en
kind: practice
cards:
  - id: one
    front: Tell me about a deadline.
    back: Use STARR.
    tags: [pressure]
  - id: two
    front: What went wrong once?
    back: Own it.
  - front: A card without an id?
    back: Derived.
YAML
run import "$tmp/d.yaml"
check_rc "re-import the deck" 0
check "no card new, changed or retired" has "$tmp/out" "3 cards (0 new, 0 changed, 0 retired)"
check "the cards are still unchanged" test "$(q "$db" "$cards")" = "$(q "$tmp/v3.db" "$cards")"
run --today 2026-11-05 show kept/one --json
check "progress kept" json 'j["lapses"] == 1 and j["due"] == "2026-11-03"'

done_testing
