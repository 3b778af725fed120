#!/bin/sh
# faults-reads.sh: reads that fail behind the program's back (a table
# dropped, a page of the file overwritten with garbage, a table dropped
# while a drill waits for an answer) end the command with the database's
# error, naming the file, and exit status 1: never exit 0 with an empty
# or partial answer, and a drill keeps every grade it saved before.
. "${top_srcdir:-.}/tests/setup"

faults="$top_srcdir/tests/faults/faults.py"

# sql DB SQL: run SQL on DB behind rehearse's back, with the sqlite3
# shell when there is one, else Python's module.
sql() {
	if command -v sqlite3 >/dev/null 2>&1; then
		sqlite3 "$1" "$2" >/dev/null
	else
		python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript(sys.argv[2])
c.close()' "$1" "$2"
	fi
}

# query DB SQL: the first column of the first row, through Python.
query() {
	python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' \
	    "$1" "$2"
}

# answers FILE N: N cards revealed and graded 4, one line each.
answers() {
	python3 -c 'import sys
open(sys.argv[1], "w").write("\n4\n" * int(sys.argv[2]))' "$1" "$2"
}

# fails DESC ARGS...: rehearse ARGS (no input) on $db exits 1 with one
# line of error naming the file; $tmp/out and $tmp/err for more checks.
# (check sets $desc: these keep their own names.)
fails() {
	f_case=$1
	shift
	run_in '' --today 2026-01-05 "$@"
	check_rc "$f_case: $*" 1
	check "$f_case: $*: the error names the file" \
	    has "$tmp/err" "rehearse: $db: "
	check "$f_case: $*: one line of error" \
	    test "$(wc -l <"$tmp/err")" -eq 1
}

# fails_quietly DESC WHY ARGS...: the same, saying WHY, and nothing on
# stdout: no empty list, no zero count, no half answer.
fails_quietly() {
	q_case=$1
	q_why=$2
	shift 2
	fails "$q_case" "$@"
	check "$q_case: $*: says why" has "$tmp/err" "$q_why"
	check "$q_case: $*: nothing on stdout" test ! -s "$tmp/out"
}

# A database with a few hundred cards, half of them graded on 2026-01-01
# (so that state rows and reviews exist) and due again by 2026-01-05; a
# checkpoint leaves everything in the main file.
python3 "$faults" deck "$tmp/deck.yaml" big 300
run import "$tmp/deck.yaml"
check_rc "a generated deck of 300 cards" 0
answers "$tmp/answers" 150
set +e
rh --db "$db" --today 2026-01-01 drill --new 150 <"$tmp/answers" \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
check_rc "150 cards graded" 0
check "150 cards graded: the summary says so" \
    has "$tmp/out" "Session over: 150 reviewed"
sql "$db" 'PRAGMA wal_checkpoint(TRUNCATE)'
cp "$db" "$tmp/base.db"
rm -f "$db-wal" "$db-shm"
db=$tmp/fault.db

# fresh: $db becomes a copy of the base database.
fresh() {
	rm -f "$db" "$db-wal" "$db-shm"
	cp "$tmp/base.db" "$db"
}

# (a) A table dropped with foreign keys off: every command that reads it
# fails, whether its statement is prepared before or after the drop.
fresh
sql "$db" 'PRAGMA foreign_keys = OFF; DROP TABLE state;'
fails_quietly "no state table" "no such table: state" drill
fails_quietly "no state table" "no such table: state" list
fails_quietly "no state table" "no such table: state" list big --json
fails_quietly "no state table" "no such table: state" stats
fails_quietly "no state table" "no such table: state" show big/c0001
fails_quietly "no state table" "no such table: state" grade big/c0200 3

fresh
sql "$db" 'PRAGMA foreign_keys = OFF; DROP TABLE review;'
fails_quietly "no review table" "no such table: review" drill
fails_quietly "no review table" "no such table: review" grade big/c0001 3
run show big/c0001 --json
check "no review table: the failed grade changed nothing" \
    json 'j["reps"] == 1 and j["due"] == "2026-01-02"'

# (b) Garbage over pages in the middle of the file.  The bytes are
# seeded, so every run writes the same garbage.
# pages DB TABLE: the numbers of the pages holding TABLE's rows.
pages() {
	python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for (n,) in c.execute("SELECT pageno FROM dbstat WHERE name = ? AND"
                      " pagetype = \"leaf\" ORDER BY pageno", (sys.argv[2],)):
    print(n)' "$1" "$2"
}
# garble DB TABLE: overwrite every page of TABLE's rows with garbage.
garble() {
	size=$(query "$1" 'PRAGMA page_size')
	for p in $(pages "$1" "$2"); do
		python3 -c 'import random, sys
sys.stdout.buffer.write(random.Random(int(sys.argv[1])).randbytes(
    int(sys.argv[2])))' "$p" "$size" >"$tmp/garbage"
		dd if="$tmp/garbage" of="$1" bs="$size" seek=$((p - 1)) \
		    conv=notrunc 2>/dev/null
	done
}

if ! pages "$tmp/base.db" state >"$tmp/pages" 2>/dev/null ||
    [ ! -s "$tmp/pages" ]; then
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - garbled pages # SKIP SQLite without the dbstat table"
else
	check "the state rows fill more than one page" \
	    test "$(wc -l <"$tmp/pages")" -gt 1

	fresh
	garble "$db" state
	fails "garbled state rows" drill
	check "garbled state rows: drill: no card shown" \
	    hasnt "$tmp/out" "[big "
	fails_quietly "garbled state rows" "malformed" list
	fails_quietly "garbled state rows" "malformed" list --json
	fails_quietly "garbled state rows" "malformed" list big
	fails_quietly "garbled state rows" "malformed" stats
	fails_quietly "garbled state rows" "malformed" stats --json

	fresh
	garble "$db" card
	fails "garbled card rows" drill
	check "garbled card rows: drill: no card shown" \
	    hasnt "$tmp/out" "[big "
	fails_quietly "garbled card rows" "malformed" list big
	fails_quietly "garbled card rows" "malformed" list big --json
	fails_quietly "garbled card rows" "malformed" show big/c0100
	fails_quietly "garbled card rows" "malformed" export big
fi

# (c) A table dropped while a drill waits for an answer: the drill ends
# at its next read with the error and exit 1, and the grades it gave
# before are saved.
fresh
mkfifo "$tmp/in"
set +e
rh --db "$db" --today 2026-01-05 drill <"$tmp/in" >"$tmp/out" 2>"$tmp/err" &
pid=$!
set -e
exec 3>"$tmp/in"
printf '\n4\n\n4\n' >&3
# Wait (at most 30 s) for both grades: the drill flushes before it reads.
i=0
while [ "$(grep -c '^Graded 4' "$tmp/out" || true)" -lt 2 ] && [ $i -lt 300 ]; do
	sleep 0.1
	i=$((i + 1))
done
sql "$db" 'DROP TABLE story;'
printf '\n4\n\n4\n' >&3
exec 3>&-
set +e
wait $pid
rc=$?
set -e
check_rc "a table dropped during a drill" 1
check "a table dropped during a drill: the error names the file" \
    has "$tmp/err" "$db: "
check "a table dropped during a drill: says why" \
    has "$tmp/err" "no such table: story"
check "a table dropped during a drill: the session ends with its summary" \
    has "$tmp/out" "Session over: 2 reviewed, 0 again later"
check "a table dropped during a drill: no grade after the error" \
    test "$(grep -c '^Graded 4' "$tmp/out")" -eq 2
check "a table dropped during a drill: the two grades are saved" \
    test "$(query "$db" 'SELECT count(*) FROM review')" -eq 152

done_testing
