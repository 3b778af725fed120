#!/bin/sh
# faults-legacy-v5.sh: a database written by schema version 5 gets each
# card's memory by replaying its review log, the same memory the same
# grades give through the command line today; a log with a grade
# outside 0-5 stops the upgrade with a clear error and changes nothing.
. "${top_srcdir:-.}/tests/setup"

# The same grades, given today to a new database.
write_deck "$tmp/deck.yaml"
db="$tmp/today.db"
run import "$tmp/deck.yaml"
grep -v '^#' "$top_srcdir/tests/data/memory-steps.sh" | while IFS= read -r line; do
	case $line in
	"<"*)	input=${line%% --*}
		printf "${input#<}" | rh --db "$db" ${line#* } >/dev/null ;;
	*)	rh --db "$db" $line >/dev/null ;;
	esac
done

db="$tmp/v5.db"
load_sql "$top_srcdir/tests/data/schema-v5.sql"
cp "$db" "$tmp/v5-before.db"
for card in first second third; do
	db="$tmp/today.db"
	run --today 2026-02-12 show "sample/$card" --json
	cp "$tmp/out" "$tmp/today.json"
	db="$tmp/v5.db"
	run --today 2026-02-12 show "sample/$card" --json
	check "$card: the migrated memory is the one the grades give today" python3 -c '
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
k = ("stability", "difficulty", "recall")
sys.exit(0 if [a[x] for x in k] == [b[x] for x in k] and a["stability"] is not None else 1)' "$tmp/today.json" "$tmp/out"
done
check "the schema is version 6 or later" python3 -c 'import sqlite3, sys
sys.exit(0 if sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0] >= 6 else 1)' "$db"

# A grade of 7 in the log: the upgrade stops, and the file is as it was.
cp "$tmp/v5-before.db" "$tmp/bad.db"
python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("UPDATE review SET quality = 7 WHERE id = 3"); c.commit()' "$tmp/bad.db"
cp "$tmp/bad.db" "$tmp/bad-before.db"
db="$tmp/bad.db"
run --today 2026-02-12 show sample/first --json
check_rc "a grade outside 0-5 in the log" 1
check "the error names the grade and the card" has "$tmp/err" "grade of 7 for sample/first"
check "the error names the database and the review's row" has "$tmp/err" "rehearse: $db: review 3 of the log holds a grade of 7"
check "the journal mode is as it was" python3 -c 'import sqlite3, sys
sys.exit(0 if sqlite3.connect(sys.argv[1]).execute("PRAGMA journal_mode").fetchone()[0] == "delete" else 1)' "$db"
check "the file is the same, byte for byte" same_file "$db" "$tmp/bad-before.db"
check "the file is left as it was" python3 -c 'import sqlite3, sys
dump = lambda p: list(sqlite3.connect(p).iterdump()) + [sqlite3.connect(p).execute("PRAGMA user_version").fetchone()]
sys.exit(0 if dump(sys.argv[1]) == dump(sys.argv[2]) else 1)' "$tmp/bad.db" "$tmp/bad-before.db"

done_testing
