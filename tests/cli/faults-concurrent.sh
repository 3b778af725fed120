#!/bin/sh
# faults-concurrent.sh: two rehearse processes writing one database at
# once both succeed and lose nothing: two loops of 'grade' commands on the
# same cards and days, then two piped drills.  REHEARSE_LONG=1: 1,000
# grades per loop, else 200.
. "${top_srcdir:-.}/tests/setup"

faults="$top_srcdir/tests/faults/faults.py"
if [ "${REHEARSE_LONG:-0}" = 1 ]; then
	n=1000
	echo "# long version: 2 x $n grade commands (REHEARSE_LONG=1)"
else
	n=200
	echo "# short version: 2 x $n grade commands (REHEARSE_LONG=1 runs 1000)"
fi
cards=40

python3 "$faults" deck "$tmp/deck.yaml" gen $cards
run import "$tmp/deck.yaml"
check_rc "a generated deck" 0

# grader NAME STEP: n grades, the i-th on card (i * STEP) mod cards, on day
# i / cards (so both loops grade the same card on the same day: one moves
# the schedule, the other is logged as a repeat, whichever comes first).
# Writes NAME.fail (one line per failed command) and NAME.err.
grader() {
	i=0
	: >"$tmp/$1.fail"
	while [ $i -lt $n ]; do
		c=$(printf 'c%04d' $(((i * $2) % cards)))
		d=$(date -u -d "2026-01-01 + $((i / cards)) days" +%F)
		"$REHEARSE" --db "$db" --today "$d" grade "gen/$c" \
		    $(((i * 7 + $2) % 6)) >/dev/null 2>>"$tmp/$1.err" ||
			echo "$i $c $?" >>"$tmp/$1.fail"
		i=$((i + 1))
	done
}

: >"$tmp/a.err"
: >"$tmp/b.err"
start=$(date +%s.%N)
grader a 1 &
pa=$!
grader b 3 &
pb=$!
wait $pa
wait $pb
end=$(date +%s.%N)
echo "# $((2 * n)) grades in two concurrent loops took" \
    "$(echo "$start $end" | awk '{ printf "%.1f", $2 - $1 }') s"
sed 's/^/# a: /' "$tmp/a.err" | head -5
sed 's/^/# b: /' "$tmp/b.err" | head -5
check "every grade of loop a exited 0" test ! -s "$tmp/a.fail"
check "every grade of loop b exited 0" test ! -s "$tmp/b.fail"
check "nothing on stderr" test ! -s "$tmp/a.err" -a ! -s "$tmp/b.err"
check "no 'database is locked'" test "$(cat "$tmp/a.err" "$tmp/b.err" |
    grep -c locked)" -eq 0
python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM review")
      .fetchone()[0])' "$db" >"$tmp/rows"
check "every grade is in the log ($((2 * n)) rows, got $(cat "$tmp/rows"))" \
    test "$(cat "$tmp/rows")" -eq $((2 * n))
python3 "$faults" replay "$db" >"$tmp/out" || true
check "the schedule is the replay of the log" json 'j["mismatches"] == []'
check "integrity_check ok" json 'j["integrity"] == "ok"'

# Two drills at once, each holding its database open for the session.
python3 "$faults" deck "$tmp/x.yaml" x 250
python3 "$faults" deck "$tmp/y.yaml" y 250
run import "$tmp/x.yaml" "$tmp/y.yaml"
python3 "$faults" drills "$REHEARSE" "$db" 200 x y >"$tmp/out" 2>"$tmp/err" ||
    true
sed 's/^/# /' "$tmp/err" | head -5
check "two concurrent drills both exit 0" json 'j["exit_codes"] == [0, 0]'
check "and print nothing on stderr" json 'j["errors"] == []'
check "every answer they confirmed is logged" \
    json 'j["acked"] >= 400 and j["logged"] == j["acked"]'
python3 "$faults" replay "$db" >"$tmp/out" || true
check "the schedule is still the replay of the log" json 'j["mismatches"] == []'

done_testing
