#!/bin/sh
# faults-files.sh: a database rehearse cannot use (read-only file or
# directory, full disk, not SQLite, another program's, from a newer
# rehearse) gives one clear error naming the file, exit 1, and the file
# is left exactly as it was.
. "${top_srcdir:-.}/tests/setup"

faults="$top_srcdir/tests/faults/faults.py"
write_deck "$tmp/deck.yaml"

skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

# refused FILE WHAT COMMAND...: rehearse on database FILE fails with exit
# 1 and a message naming FILE and saying WHAT, and FILE is unchanged.
refused() {
	file=$1
	what=$2
	shift 2
	cp "$file" "$tmp/before"
	db=$file
	run "$@"
	check_rc "$(basename "$file"): $1" 1
	check "$(basename "$file"): $1: says '$what'" \
	    has "$tmp/err" "rehearse: $file: $what"
	check "$(basename "$file"): $1: one line" \
	    test "$(wc -l <"$tmp/err")" -eq 1
	check "$(basename "$file"): $1: file unchanged" \
	    same_file "$file" "$tmp/before"
}

# Not SQLite at all: random bytes (seeded) and a text file.
python3 -c 'import random, sys
open(sys.argv[1], "wb").write(random.Random(7).randbytes(16384))' \
    "$tmp/random.db"
printf 'deck: sample\nThis is a text file, not a database.\n' >"$tmp/text.db"
for f in "$tmp/random.db" "$tmp/text.db"; do
	for cmd in list "grade sample/first 3" "import $tmp/deck.yaml"; do
		# shellcheck disable=SC2086
		refused "$f" "not a rehearse database (not SQLite)" $cmd
	done
	run_in '' drill
	check_rc "$(basename "$f"): drill" 1
	check "$(basename "$f"): no -wal or -shm left" \
	    test ! -e "$f-wal" -a ! -e "$f-shm"
done

# An SQLite database of another program is not taken over.
python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("CREATE TABLE places (url TEXT)")
c.execute("INSERT INTO places VALUES (?)", ("https://example.org/",))
c.commit()' "$tmp/other.db"
refused "$tmp/other.db" "not a rehearse database (an SQLite database of another program)" list
refused "$tmp/other.db" "not a rehearse database" "import" "$tmp/deck.yaml"

# A database from a newer rehearse: refused before anything is written
# (switching it to WAL would already rewrite its header).
db=$tmp/newer.db
run import "$tmp/deck.yaml"
python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA journal_mode = DELETE")
c.execute("PRAGMA user_version = 99")
c.commit()' "$db"
for cmd in list "show sample/first" "grade sample/first 3" \
    "import $tmp/deck.yaml"; do
	# shellcheck disable=SC2086
	refused "$tmp/newer.db" "database schema version 99 is newer than this program understands" $cmd
done
check "it says to upgrade" has "$tmp/err" "upgrade rehearse"

# A full disk, made with a file size limit: writes then fail with EFBIG
# (SIGXFSZ is ignored), which must be an error, not a crash.  The limit
# is in blocks of 512 or 1024 bytes depending on the shell: either way
# too small for the shared-memory file (32 KiB), or, for the import,
# for the write-ahead log of 5,000 cards.
db=$tmp/full.db
run import "$tmp/deck.yaml"
python3 "$faults" deck "$tmp/big.yaml" big 5000
cp "$db" "$tmp/before"
set +e
(ulimit -f 16 && exec "$REHEARSE" --db "$db" grade sample/first 4) \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
check_rc "grade with the disk full" 1
check "grade with the disk full: says so, naming the file" \
    has "$tmp/err" "rehearse: $db: database or disk is full"
check "grade with the disk full: file unchanged" same_file "$db" "$tmp/before"
set +e
(ulimit -f 256 && exec "$REHEARSE" --db "$db" import "$tmp/big.yaml") \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
check_rc "import with the disk full" 1
check "import with the disk full: says so, naming the file" \
    has "$tmp/err" "$db: database or disk is full"
check "import with the disk full: file unchanged" same_file "$db" "$tmp/before"
run show sample/first --json
check "after the full disk: the card is as it was" json 'j["reps"] == 0 and j["due"] is None'
run list --json
check "after the full disk: no half-imported deck" json '[d["deck"] for d in j] == ["sample"]'
run --today 2026-02-01 grade sample/first 4
check_rc "with room again, grading works" 0
python3 "$faults" replay "$db" >"$tmp/out" || true
check "and the database is sound" json 'j["integrity"] == "ok" and j["mismatches"] == []'

# Read-only file and directory.  Root writes regardless of permissions,
# so as root these run as an unprivileged user; without one they are
# skipped, saying why.
as_user=
why=
if [ "$(id -u)" -ne 0 ]; then
	as_user=" "
elif ! command -v setpriv >/dev/null 2>&1; then
	why="running as root and setpriv(1) is missing"
elif ! id nobody >/dev/null 2>&1; then
	why="running as root and there is no user 'nobody'"
else
	as_user="setpriv --reuid=$(id -u nobody) --regid=$(id -g nobody) --clear-groups"
	chmod 711 "$tmp"
	if ! $as_user "$REHEARSE" --version >/dev/null 2>&1; then
		why="user nobody cannot run $REHEARSE"
		as_user=
	elif ! $as_user cat "$tmp/deck.yaml" >/dev/null 2>&1; then
		why="user nobody cannot reach $tmp"
		as_user=
	fi
fi
# user_run ARGS...: rehearse as that user on $db.
user_run() {
	set +e
	$as_user "$REHEARSE" --db "$db" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	set -e
}
mkdir "$tmp/rofile" "$tmp/rodir"
if [ -n "$as_user" ]; then
	db=$tmp/rofile/progress.db
	run import "$tmp/deck.yaml"
	db=$tmp/rodir/progress.db
	run import "$tmp/deck.yaml"
	if [ "$(id -u)" -eq 0 ]; then
		chown -R nobody "$tmp/rofile" "$tmp/rodir"
	fi
	# The file read-only in a directory the user may write.
	db=$tmp/rofile/progress.db
	chmod 444 "$db"
	cp "$db" "$tmp/before"
	user_run grade sample/first 3
	check_rc "read-only file: grade" 1
	check "read-only file: says it cannot write, naming the file" \
	    has "$tmp/err" "rehearse: $db: cannot write: attempt to write a readonly database"
	check "read-only file: unchanged" same_file "$db" "$tmp/before"
	user_run import "$tmp/big.yaml"
	check_rc "read-only file: import" 1
	check "read-only file: import names the file" has "$tmp/err" "$db: cannot write"
	user_run list
	check_rc "read-only file: reading still works" 0
	check "read-only file: unchanged after all" same_file "$db" "$tmp/before"
	# The file writable, its directory not: no room for -wal and -shm.
	db=$tmp/rodir/progress.db
	chmod 555 "$tmp/rodir"
	cp "$db" "$tmp/before"
	for cmd in list "grade sample/first 3"; do
		# shellcheck disable=SC2086
		user_run $cmd
		check_rc "read-only directory: $cmd" 1
		check "read-only directory: $cmd: says so, naming the file" \
		    has "$tmp/err" "rehearse: $db: cannot write: its directory is read-only"
	done
	check "read-only directory: file unchanged" same_file "$db" "$tmp/before"
	db=$tmp/rodir/new.db
	user_run list
	check_rc "read-only directory: a new database" 1
	check "read-only directory: nothing created" test ! -e "$db"
	chmod 755 "$tmp/rodir"
else
	skip "read-only database file" "$why"
	skip "read-only directory" "$why"
fi

done_testing
