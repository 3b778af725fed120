#!/bin/sh
# grade.sh: recording reviews with 'grade', checked against the SM-2 table.
. "${top_srcdir:-.}/tests/setup"

write_deck "$tmp/deck.yaml"
run import "$tmp/deck.yaml"
check_rc "import" 0

# The issue's example, one grade a day: 2 1 3 4 4 3 ends at I=13,
# EF 1.3599999999999999.
day=1
for q in 2 1 3 4 4 3; do
	run --today "2026-01-0$day" grade sample/first "$q"
	day=$((day + 1))
done
check_rc "six grades" 0
run show sample/first --json --today 2026-01-06
check "interval 13 after 2 1 3 4 4 3" json 'j["interval"] == 13'
check "EF read back exactly" json 'j["ef"] == 1.3599999999999999'
# SQLite's printf works in long double, which valgrind computes in double
# precision: under valgrind only the 17th digit may differ (the value,
# checked above, does not).
if [ "${REHEARSE_VALGRIND:-0}" = 1 ]; then
	check "EF printed with 17 digits" grep -q '"ef":1\.359999999999999[0-9]' "$tmp/out"
else
	check "EF printed with 17 digits" has "$tmp/out" '"ef":1.3599999999999999'
fi
check "due is the last day plus 13" json 'j["due"] == "2026-01-19"'
check "two lapses" json 'j["lapses"] == 2 and j["leech"] is False'
check "repetitions" json 'j["reps"] == 4'

# Only the first review of a day moves the schedule.
run --today 2026-01-06 grade sample/first 0
check_rc "second grade the same day" 0
check "it says the schedule is unchanged" has "$tmp/out" "schedule unchanged"
run show sample/first --json
check "schedule unchanged by the repeat" json 'j["interval"] == 13 and j["lapses"] == 2'

# Grading says when the card comes back.
run --today 2026-03-01 grade sample/second 5
check "grade prints the next review" has "$tmp/out" "next review 2026-03-02"
run --today 2026-03-02 grade sample/second 5
check "second success: six days" has "$tmp/out" "next review 2026-03-08 (in 6 days)"

# Unknown cards and malformed names.
run grade sample/nope 3
check_rc "unknown card" 1
check "unknown card named" has "$tmp/err" "sample/nope: no such card"
run grade nope 3
check_rc "not DECK/CARD" 2
run show nodeck/first
check_rc "unknown deck in show" 1

# Eight lapses make a leech.
for d in 10 11 12 13 14 15 16 17; do
	run --today "2026-04-$d" grade sample/third 1
done
run show sample/third --json
check "eight lapses flag a leech" json 'j["leech"] is True and j["lapses"] == 8'
run list sample
check "list marks the leech" has "$tmp/out" "[leech]"

# A far future stays a valid date.
i=0
while [ $i -lt 25 ]; do
	run --today "$(date -u -d "2030-01-01 + $i days" +%F)" \
	    grade sample/second 5
	cp "$tmp/out" "$tmp/grade.out"
	i=$((i + 1))
done
run show sample/second --json
check "due past 9999 shows as 9999-12-31" json 'j["due"] == "9999-12-31"'
check "interval kept as a large integer" json 'j["interval"] > 3000000'
check "the days counted to 9999-12-31, the date shown" has "$tmp/grade.out" \
    "sample/second: graded 5, next review 9999-12-31 (in $(python3 -c '
import datetime
print((datetime.date(9999, 12, 31) - datetime.date(2030, 1, 25)).days)') days)"

# The drill counts to 9999-12-31 too: sample/first graded on each of its
# due days until the next one falls past that date, then those grades
# but the last given again, and the last in a drill.
rm -f "$db"
run import "$tmp/deck.yaml"
days=
day=2030-01-01
while :; do
	run --today "$day" grade sample/first 5
	run show sample/first --json
	next=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["due"])' "$tmp/out")
	[ "$next" != 9999-12-31 ] || break
	days="$days $day"
	day=$next
done
last=$day
rm -f "$db"
run import "$tmp/deck.yaml"
for day in $days; do
	run --today "$day" grade sample/first 5
done
run_in '
5
' --today "$last" drill sample
tr '\n' ' ' <"$tmp/out" >"$tmp/joined"
check "drill: the days counted to 9999-12-31" has "$tmp/joined" \
    "next review 9999-12-31 (in $(python3 -c '
import datetime, sys
print((datetime.date(9999, 12, 31) - datetime.date.fromisoformat(sys.argv[1])).days)' "$last") days)."

# Counts of one read in the singular; no line of stats ends in a blank.
rm -f "$db"
run import "$tmp/deck.yaml"
run --today 2026-03-01 grade sample/first 4
run --today 2026-03-02 grade sample/first 1
run --today 2026-03-03 grade sample/first 4
run --today 2026-03-03 show sample/first
check "show: one repetition, in the singular" has "$tmp/out" ", 1 repetition, "
check "show: one lapse, in the singular" has "$tmp/out" ", 1 lapse"
check "show: no '1 lapses'" hasnt "$tmp/out" "1 lapses"
run --today 2026-03-03 stats
check_rc "stats" 0
check "stats: no line ends in a blank" sh -c '! grep -q " \$" "$1"' sh "$tmp/out"
check "stats: the forecast is there" has "$tmp/out" "Due in the next 14 days"
done_testing
