#!/bin/sh
# faults-legacy-v8-mock.sh: a database written by schema version 8 keeps
# its mocks, answer for answer, when version 9 lets a question left out
# be saved without a grade; its report reads the same, and a new mock on
# it keeps a skipped question.
. "${top_srcdir:-.}/tests/setup"

load_sql "$top_srcdir/tests/data/schema-v8-mock.sql"
cp "$db" "$tmp/v8.db"
run mock --last --json
check_rc "a version 8 database opens" 0
check "its mock is as it was, each answer with its position" json '[(q["position"], q["card"], q["grade"], q["seconds"], q["skipped"]) for q in j["questions"]] == [(1, "sample/first", 4, 60, False), (2, "sample/second", 3, 60, False)] and j["answered"] == 2 and j["mean_grade"] == 3.5'
check "the schema is version 9 or later" python3 -c 'import sqlite3, sys
sys.exit(0 if sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0] >= 9 else 1)' "$db"
check "every old row is kept" python3 -c '
import sqlite3, sys
old, new = (sqlite3.connect(p) for p in sys.argv[1:])
for t in ("meta", "deck", "card", "state", "review", "mock", "mock_answer"):
    cols = [r[1] for r in old.execute("PRAGMA table_info(%s)" % t)]
    q = "SELECT %s FROM %s ORDER BY 1, 2" % (", ".join(cols), t)
    if old.execute(q).fetchall() != new.execute(q).fetchall():
        print("# " + t + " differs")
        sys.exit(1)' "$tmp/v8.db" "$db"
check "a grade and a time may now be missing" python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
cols = {r[1]: r[3] for r in c.execute("PRAGMA table_info(mock_answer)")}
sys.exit(0 if cols["grade"] == 0 and cols["took_ms"] == 0 and cols["section"] == 1 else 1)' "$db"
check "the answers still belong to their mock" python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA foreign_keys = ON")
sys.exit(0 if c.execute("PRAGMA foreign_key_check").fetchall() == [] and
         [r[2] for r in c.execute("PRAGMA foreign_key_list(mock_answer)")] == ["mock"] else 1)' "$db"
run mock --last
check "the report reads as before" has "$tmp/out" "  2. sample/second: 1:00 of 2:00, follow-up 1:00; grade 3"

# A new mock: the first question left out, the next graded.
set +e
printf ':skip\na\nb\n4\n:quit\n' | REHEARSE_TEST_CLOCK=60 rh --db "$db" \
    --today 2026-02-04 mock --seed 1 >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
check_rc "a mock on the migrated database" 0
run mock --last --json
check "the question left out is saved, without a grade" json '[(q["position"], q["grade"], q["skipped"]) for q in j["questions"]] == [(1, None, True), (2, 4, False)]'
run mock --history --json
check "both mocks in the history" json '[m["answered"] for m in j] == [2, 1]'

done_testing
