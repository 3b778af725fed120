#!/bin/sh
# piped.sh: what the drill's transcripts cannot show: no command prints
# the review log, so its rows after an :undo are read here with SQLite.
# The piped sessions themselves are tests/transcripts/pipe-*.in.
. "${top_srcdir:-.}/tests/setup"

write_deck "$tmp/deck.yaml"
run import "$tmp/deck.yaml"

# The session of pipe-undo.in: grade 5, undo it, grade 3.
run_in '
9
5
:undo

3
:quit
' --today 2026-07-01 drill
check_rc "undo session" 0
python3 - "$db" <<'PY' >"$tmp/log"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("select count(*), group_concat(quality) from review").fetchone())
PY
check "the undone review left the log" has "$tmp/log" "(1, '3')"

done_testing
