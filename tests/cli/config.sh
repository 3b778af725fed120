#!/bin/sh
# config.sh: the settings in the database (scheduler, retention,
# max-reviews): listing, setting, refusing bad values, and the FSRS
# scheduler they choose.
. "${top_srcdir:-.}/tests/setup"

write_deck "$tmp/deck.yaml"
run import "$tmp/deck.yaml"

run config
check_rc "config lists the settings" 0
check "scheduler is sm2 by default" grep -qx 'scheduler    sm2' "$tmp/out"
check "retention is 0.9 by default" grep -qx 'retention    0.9' "$tmp/out"
check "no daily budget by default" grep -qx 'max-reviews  none' "$tmp/out"
run config --json
check "config --json" json 'j == {"scheduler": "sm2", "retention": 0.9, "max_reviews": None}'

run config retention 1.5
check_rc "a retention out of range" 2
check "the value and the range are named" has "$tmp/err" "retention: '1.5' is not from 0.80 to 0.97"
run config scheduler anki
check_rc "an unknown scheduler" 2
run config colour blue
check_rc "an unknown setting" 2
check "the unknown setting is named" has "$tmp/err" "'colour' is not a setting"
run config max-reviews 0
check_rc "a budget of no cards" 2
run config retention
check "refused values changed nothing" grep -qx '0.9' "$tmp/out"

run config retention 0.85
check_rc "set the retention" 0
LC_ALL=nl_NL.UTF-8 LOCPATH="$TEST_LOCPATH" run config retention 0.8
check_rc "a retention is read the same in a Dutch locale" 0
run config retention
check "config NAME prints its value" grep -qx '0.8' "$tmp/out"
run config retention 0,85
check_rc "a decimal comma is taken" 0
check "it is confirmed with a point" has "$tmp/out" "retention is now 0.85."
run config --json
check "and kept as a number JSON reads" json 'j["retention"] == 0.85'
run config retention 1,85
check_rc "a comma does not let a value out of range through" 2
run config retention 0.8
run config max-reviews 40
run config --json
check "the values set, as JSON" json 'j == {"scheduler": "sm2", "retention": 0.8, "max_reviews": 40}'
run config max-reviews none
run config max-reviews
check "none unsets the budget" grep -qx 'none' "$tmp/out"

# The FSRS scheduler: the interval is the model's, to the retention.
run config retention 0.9
run config scheduler fsrs
run --today 2026-05-01 grade sample/first 4
run --today 2026-05-03 grade sample/first 4
run --today 2026-05-03 show sample/first --json
check "fsrs: at retention 0.9 the interval is the stability, rounded" json 'j["interval"] == round(j["stability"]) and j["due"] == "2026-05-%02d" % (3 + round(j["stability"]))'
check "fsrs: SM-2's repetitions and ease go on" json 'j["reps"] == 2 and j["ef"] == 2.5'
run --today 2026-05-03 grade sample/first 1
run --today 2026-05-03 show sample/first --json
check "fsrs: a same-day repeat leaves the due day" json 'j["due"] == "2026-05-%02d" % (3 + j["interval"])'
run config scheduler sm2
run --today 2026-05-02 grade sample/second 5
run --today 2026-05-02 show sample/second --json
check "sm2 again: plain SM-2" json 'j["interval"] == 1 and j["due"] == "2026-05-03"'

# A daily budget: at most so many cards a day; the rest wait.
rm -f "$db"
run import "$tmp/deck.yaml"
for c in first second third; do
	run --today 2026-06-01 grade "sample/$c" 4
done
run config max-reviews 2
run_in '
4

4
' --today 2026-06-02 drill
tr '\n' ' ' <"$tmp/out" >"$tmp/joined"
check "the budget caps the session" has "$tmp/joined" "2 cards to drill"
check "the drill says how many wait" has "$tmp/joined" "1 due card waits for another day: the daily budget is 2 cards"
run_in '' --today 2026-06-02 drill
check "the budget used up, said as such" has "$tmp/out" "Nothing more today: the daily budget of 2 cards is used; 1 due card waits"
run config max-reviews none
run_in '' --today 2026-06-02 drill
check "without the budget the card that waited is there" has "$tmp/out" "1 card to drill"

# With --limit under a budget, what waits for another day is what the
# budget leaves, not what --limit does; the budget serves the cards
# least likely recalled first (graded 3, below those graded 5).
python3 - "$tmp/twenty.yaml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("deck: twenty\ncards:\n")
    for i in range(20):
        f.write("  - id: c%02d\n    front: Question %02d?\n    back: A.\n" % (i, i))
PY
rm -f "$db"
run import "$tmp/twenty.yaml"
for i in 00 01 02 03 04 05 06 07 08 09; do
	run --today 2026-06-01 grade "twenty/c$i" 5
done
for i in 10 11 12 13 14 15 16 17 18 19; do
	run --today 2026-06-01 grade "twenty/c$i" 3
done
run config max-reviews 10
run_in '
4

4

4
' --today 2026-06-02 --limit 3 drill
tr '\n' ' ' <"$tmp/out" >"$tmp/joined"
check "--limit caps the session within the budget" has "$tmp/joined" "3 cards to drill"
check "--limit: the budget's waits, not the limit's" has "$tmp/joined" "10 due cards wait for another day: the daily budget is 10 cards"
grep -o 'Question [0-9]*' "$tmp/out" | tr '\n' ' ' >"$tmp/order"
check "the budget serves the lowest recall first, then deck order" grep -qx 'Question 10 Question 11 Question 12 ' "$tmp/order"
run_in '' --today 2026-06-02 drill
tr '\n' ' ' <"$tmp/out" >"$tmp/joined"
check "what is left of the budget" has "$tmp/joined" "7 cards to drill"
check "the same cards still wait" has "$tmp/joined" "10 due cards wait for another day"

done_testing
