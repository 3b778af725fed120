#!/bin/sh
# faults-legacy-v4.sh: a database written by schema version 4 opens with
# its progress kept, and version 5 marks as bundled only the deck that
# came from the bundled file of its id and language, in the bundled
# decks' directory: a deck of the user's at .../en/competency.yaml is not.
. "${top_srcdir:-.}/tests/setup"

# The fixture's bundled decks were imported from /tmp/fx/decks.
REHEARSE_DECKS=/tmp/fx/decks
export REHEARSE_DECKS

load_sql "$top_srcdir/tests/data/schema-v4.sql"
cp "$db" "$tmp/v4.db"

q() {
	python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchall())' "$@"
}

run --today 2026-11-05 show closing/thanks --json
check_rc "show a card of the version 4 database" 0
check "its progress is kept" json 'j["reps"] == 1 and j["interval"] == 1 and j["due"] == "2026-11-02"'
check "the schema is version 5 or later" python3 -c 'import sqlite3, sys
sys.exit(0 if sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0] >= 5 else 1)' "$db"
check "only the deck from its bundled file is marked bundled" test "$(q "$db" "SELECT id, bundled FROM deck ORDER BY seq")" = "[('closing', 1), ('competency', 0), ('situational', 0)]"
check "no deck has an interview date of its own" test "$(q "$db" "SELECT count(*) FROM deck WHERE interview IS NOT NULL")" = "[(0,)]"
run --today 2026-11-05 interview
check "the default interview date is kept" has "$tmp/out" "Interview on 2026-12-01 for closing, competency, situational: in 26 days."
log="SELECT * FROM review ORDER BY id"
check "the logged reviews are unchanged" test "$(q "$db" "$log")" = "$(q "$tmp/v4.db" "$log")"
# Every column a version 4 card had (later versions add columns).
cards="SELECT deck, id, pos, kind, front, back, hint, example, tags, retired, fresh FROM card ORDER BY deck, pos"
check "the cards are unchanged" test "$(q "$db" "$cards")" = "$(q "$tmp/v4.db" "$cards")"

done_testing
