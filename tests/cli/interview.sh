#!/bin/sh
# interview.sh: the interview date: setting it, and whole schedules driven
# day by day with --today up to the interview and past it.
. "${top_srcdir:-.}/tests/setup"

write_deck "$tmp/deck.yaml"
run import "$tmp/deck.yaml"

# Setting, showing, clearing.
run --today 2026-11-28 interview
check "no date yet" has "$tmp/out" "No interview date set"
run --today 2026-11-28 interview 2026-12-10
check_rc "set a date" 0
check "days left said" has "$tmp/out" "in 12 days"
run --today 2026-11-30 interview
check "shown with its deck and the days left" has "$tmp/out" "Interview on 2026-12-10 for sample: in 10 days."
run --today 2026-11-28 interview 2026-11-27
check_rc "a date in the past" 1
check "the past date is named" has "$tmp/err" "2026-11-27 is in the past"
run --today 2026-11-28 interview 2026-12-32
check_rc "a malformed date" 2
run --today 2026-11-28 interview 2026-12-10 --clear
check_rc "a date and --clear" 2
run --today 2026-11-30 interview
check "the failed calls changed nothing" has "$tmp/out" "2026-12-10"
run_in '' --today 2026-11-30 drill
check "drill opens with the days left and unseen cards" has "$tmp/out" "Interview in 10 days (2026-12-10); 3 cards not seen yet."
run interview --clear
check_rc "--clear" 0
run --today 2026-11-30 interview
check "cleared" has "$tmp/out" "No interview date set"

# Several interviews: a date of a deck's own, beside the default one.
rm -f "$db"
run import "$tmp/deck.yaml"
cat >"$tmp/acme.yaml" <<'YAML'
deck: acme
cards:
  - id: q1
    front: What does Acme make?
    back: Anvils.
  - id: q2
    front: Who founded Acme?
    back: Someone.
YAML
run import "$tmp/acme.yaml"
run --today 2026-11-28 interview 2026-12-20 --for acme
check_rc "a date for one deck" 0
check "a deck's date is confirmed" has "$tmp/out" "Interview set for 2026-12-20 for acme: in 22 days."
run --today 2026-11-28 interview 2026-12-10
run --today 2026-11-28 interview
check "the default date is listed with the decks it holds for" has "$tmp/out" "Interview on 2026-12-10 for sample: in 12 days."
check "a deck's own date is listed with its deck" has "$tmp/out" "Interview on 2026-12-20 for acme: in 22 days."
run --today 2026-11-28 stats --json
check "stats --json: interview is the default date" json 'j["interview"]["day"] == "2026-12-10"'
check "stats --json: interviews, one per date with its decks" json 'j["interviews"] == [{"day": "2026-12-10", "decks": ["sample"]}, {"day": "2026-12-20", "decks": ["acme"]}]'
run --today 2026-11-28 stats acme --json
check "stats DECK works towards the deck's own date" json 'j["interview"]["day"] == "2026-12-20" and j["interviews"] == [{"day": "2026-12-20", "decks": ["acme"]}]'
run --today 2026-11-28 stats acme
check "stats DECK as text names the deck's date" has "$tmp/out" "Interview on 2026-12-20 (22 days to go)"
run_in '' --today 2026-11-28 drill acme
check "drill DECK opens with the deck's own date" has "$tmp/out" "Interview in 22 days (2026-12-20)"
run --today 2026-11-28 grade acme/q1 5
run --today 2026-12-14 grade acme/q1 5
check "a review that would reach the deck's own date moves into its last days" has "$tmp/out" "next review 2026-12-19 (in 5 days)"
run --today 2026-11-28 interview 2026-12-20 --for nosuch
check_rc "--for an unknown deck" 1
check "the unknown deck is named" has "$tmp/err" "nosuch: no such deck"
run --today 2026-11-28 interview 2026-12-20 --for 'Bad Id'
check_rc "--for a malformed deck id" 2
run --today 2026-11-28 interview --for acme
check_rc "--for without a date or --clear" 2
run --today 2026-11-28 list --for acme
check_rc "--for on another command" 2
run --today 2026-11-28 interview --clear --for acme
check_rc "--clear --for" 0
run --today 2026-11-28 interview
check "the deck's own date is gone" hasnt "$tmp/out" "2026-12-20"
check "the default date stays, the deck with it" has "$tmp/out" "Interview on 2026-12-10 for sample, acme: in 12 days."
run --today 2026-11-28 interview 2026-12-20 --for acme,sample
run --today 2026-11-28 interview --clear
run --today 2026-11-28 interview
check "--clear alone clears every date" has "$tmp/out" "No interview date set"

# Pacing counts each date's decks on their own: the limits add up.
python3 - "$tmp/big1.yaml" "$tmp/big2.yaml" <<'PY'
import sys
for n, path in enumerate(sys.argv[1:]):
    with open(path, "w") as f:
        f.write("deck: big%d\ncards:\n" % (n + 1))
        for i in range(40):
            f.write("  - id: c%02d\n    front: Question %d of %d?\n    back: A.\n" % (i, i, n))
PY
rm -f "$db"
run import "$tmp/big1.yaml" "$tmp/big2.yaml"
run --today 2027-01-01 interview 2027-01-07 --for big1
run --today 2027-01-01 interview 2027-01-12 --for big2
run_in '' --today 2027-01-01 drill
tr '\n' ' ' <"$tmp/out" >"$tmp/joined"
check "two dates: 40/3 and 40/8 new cards a day, 14 + 5" has "$tmp/joined" "today's new-card limit rises from 10 to 19."
check "the opening names the nearest date" has "$tmp/joined" "Interview in 6 days (2027-01-07); 80 cards not seen yet."
run_in '' --today 2027-01-01 drill big1
tr '\n' ' ' <"$tmp/out" >"$tmp/joined"
check "one deck: its own pace, 40/3 new cards a day" has "$tmp/joined" \
    "today's new-card limit rises from 10 to 14."
check "and its own unseen cards" has "$tmp/joined" "40 cards not seen yet."
run_in '' --today 2027-01-01 drill big2
check "one deck whose pace (40/8) stays under 10: no rise" hasnt "$tmp/out" \
    "new-card limit rises"
run_in '
5
5
5
5
5
:quit
' --today 2027-01-01 drill big2
run_in '' --today 2027-01-01 drill big1
tr '\n' ' ' <"$tmp/out" >"$tmp/joined"
check "new cards of another deck leave this deck's pace whole" has "$tmp/joined" \
    "14 cards to drill"

# The days to the next review count to the date shown, which the
# interview may have moved before the SM-2 interval ends.
rm -f "$db"
run import "$tmp/deck.yaml"
run --today 2026-12-01 interview 2026-12-10
for d in 01 02 03; do
	run --today 2026-12-$d grade sample/first 5
done
check "grade: a review the interview moved counts the days to it" has "$tmp/out" "next review 2026-12-09 (in 6 days)"
rm -f "$db"
run import "$tmp/deck.yaml"
run --today 2026-12-01 interview 2026-12-10
for d in 01 02; do
	run --today 2026-12-$d grade sample/first 5
done
run_in '
5
:quit
' --today 2026-12-03 drill
check "drill: a review the interview moved counts the days to it" has "$tmp/out" "Graded 5: next review 2026-12-09 (in 6 days)."

# A deck of N cards drilled every day from START until the interview and a
# week past it, with a fixed pattern of grades.
make_deck() {
	python3 - "$1" "$2" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("deck: many\ncards:\n")
    for i in range(int(sys.argv[2])):
        f.write("  - id: c%03d\n    front: Question %d?\n    back: Answer %d.\n" % (i, i, i))
PY
}
grades() {
	python3 -c '
pattern = "5 4 2 4 3 5 4 4 1 4 5 3 4".split()
print("".join("\n%s\n" % pattern[i % len(pattern)] for i in range(4000)), end="")' >"$tmp/grades"
}
# simulate DAYS_BEFORE: drill every day with the day's limit of 10 new
# cards (no --new, which would cap the pacing), then check the log.
simulate() {
	before=$1
	rm -f "$db"
	run import "$tmp/many.yaml"
	start=2027-03-01
	interview=$(date -u -d "$start + $before days" +%F)
	run --today $start interview "$interview"
	i=0
	: >"$tmp/openings"
	while [ $i -lt $((before + 7)) ]; do
		day=$(date -u -d "$start + $i days" +%F)
		set +e
		rh --db "$db" --today "$day" drill <"$tmp/grades" >"$tmp/out" 2>"$tmp/err"
		rc=$?
		set -e
		[ $rc -eq 0 ] || { not_ok "drill on $day: exit $rc"; cat "$tmp/err"; }
		head -5 "$tmp/out" | tr "\n" " " >>"$tmp/openings"
		i=$((i + 1))
	done
	python3 - "$db" "$interview" >"$tmp/verdict" <<'PY'
import datetime, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
D = (datetime.date.fromisoformat(sys.argv[2]) - datetime.date(1970, 1, 1)).days
cards = [r[0] for r in db.execute("select id from card where deck = 'many'")]
rows = db.execute("select card, day, quality, reps0, interval0, ef0,"
                  " interval1, due1 from review where mode = 'review'"
                  " order by id").fetchall()
def sm2(q, reps, interval, ef):
    if q < 3 or reps == 0:
        return 1
    if reps == 1:
        return 6
    x = interval * ef
    return int(x) + (1 if x - int(x) >= 0.5 else 0)
first = {}
window = {}
for card, day, q, reps, i0, ef, interval, due in rows:
    first.setdefault(card, day)
    if D - 3 <= day <= D - 1:
        window[card] = True
late = [c for c in cards if c not in first or first[c] > D - 4]
print("introduced-late", len(late))
print("no-window-review", len([c for c in cards if c not in window]))
before = [r for r in rows if r[1] < D]
after = [r for r in rows if r[1] >= D]
# Before the eve, every due falls before the day (no card here is sure
# enough on the day to wait for it).  The interval shown is the plan's,
# to its due day.
print("due-past-the-day", len([r for r in before if r[1] < D - 1 and r[7] >= D]))
print("interval-not-to-due", len([r for r in rows if r[7] != r[1] + r[6]]))
print("planned-not-sm2", len([r for r in before if r[6] != sm2(*r[2:6])]))
print("after-not-sm2", len([r for r in after if r[6] != sm2(*r[2:6])]))
print("after-reviews", len(after))
PY
}

# A date set after weeks of drilling: the cards already scheduled past it,
# and not sure enough on the day, come on its eve; a safe card, a card due
# before the day and a new card stay as they are.
rm -f "$db"
run import "$tmp/deck.yaml"
run import "$tmp/acme.yaml"
for d in 2026-01-01 2026-01-02 2026-01-08; do
	run --today $d grade sample/first 5
	run --today $d grade acme/q2 5
done
run --today 2026-01-08 grade sample/second 4
for d in 2025-06-01 2025-06-02 2025-06-08 2025-06-24 2025-08-09 2025-12-25; do
	run --today $d grade acme/q1 5
done
run --today 2026-01-10 interview 2026-01-20
check_rc "the default date set late" 0
check "the cards moved are counted" has "$tmp/out" "2 cards that would be forgotten by then are now due on 2026-01-19."
run --today 2026-01-10 show sample/first --json
check "a card due past the day comes on its eve, with the plan's interval" json 'j["due"] == "2026-01-19" and j["interval"] == 11'
run --today 2026-01-10 show sample/second --json
check "a card due before the day stays" json 'j["due"] == "2026-01-09"'
run --today 2026-01-10 show acme/q1 --json
check "a card sure enough on the day stays" json 'j["due"] == "2027-01-22"'
run --today 2026-01-10 show sample/third --json
check "a new card stays new" json 'j["due"] is None'
run --today 2026-01-10 interview 2026-01-15 --for acme
check "--for counts that deck's cards" has "$tmp/out" "1 card that would be forgotten by then is now due on 2026-01-14."
run --today 2026-01-10 show acme/q2 --json
check "the deck's card comes on its own date's eve" json 'j["due"] == "2026-01-14"'
run --today 2026-01-10 show sample/first --json
check "another deck's card stays" json 'j["due"] == "2026-01-19"'
run --today 2026-01-10 config max-reviews 10
run --today 2026-01-10 interview 2026-01-18
check "under a budget, the start of the last days" has "$tmp/out" "1 card that would be forgotten by then is now due on 2026-01-15."
run --today 2026-01-13 interview 2026-01-15
check "never before today" has "$tmp/out" "1 card that would be forgotten by then is now due on 2026-01-13."
run --today 2026-01-13 show sample/first --json
check "the eve before today is today" json 'j["due"] == "2026-01-13"'
run --today 2026-01-13 interview 2026-01-13
check "an interview today moves nothing" hasnt "$tmp/out" "forgotten"

make_deck "$tmp/many.yaml" 60
grades
simulate 21
check "21 days: every card introduced before the last 3 days" has "$tmp/verdict" "introduced-late 0"
check "21 days: every card reviewed in the last 3 days" has "$tmp/verdict" "no-window-review 0"
check "21 days: before the day every due falls before it" has "$tmp/verdict" "due-past-the-day 0"
check "21 days: the interval shown runs to the due day" has "$tmp/verdict" "interval-not-to-due 0"
check "21 days: the plan is not SM-2's schedule" hasnt_line "$tmp/verdict" "planned-not-sm2 0"
check "21 days: plain SM-2 from the interview day on" has "$tmp/verdict" "after-not-sm2 0"
check "21 days: reviews went on after the interview" hasnt_line "$tmp/verdict" "after-reviews 0"
sed 's/^/# /' "$tmp/verdict"

# Seven days to go with 100 cards: pacing raises the limit of 10.
make_deck "$tmp/many.yaml" 100
simulate 7
check "7 days: the limit rises and the REPL says so" has "$tmp/openings" "today's new-card limit rises from 10 to 25."
check "7 days: every card introduced before the last 3 days" has "$tmp/verdict" "introduced-late 0"
check "7 days: every card reviewed in the last 3 days" has "$tmp/verdict" "no-window-review 0"
check "7 days: before the day every due falls before it" has "$tmp/verdict" "due-past-the-day 0"
sed 's/^/# /' "$tmp/verdict"

# An explicit --new caps the session, pacing or not; the pacing is
# named as advice.
make_deck "$tmp/many.yaml" 100
rm -f "$db"
run import "$tmp/many.yaml"
run --today 2027-03-01 interview 2027-03-08
run_in '' --today 2027-03-01 drill --new 0
check "--new 0 with an interview: no new card" has "$tmp/out" "no new ones"
check "--new 0 with an interview: nothing raised" hasnt "$tmp/out" "rises from"
run_in '
5' --today 2027-03-01 drill --new 1
tr '\n' ' ' <"$tmp/out" >"$tmp/joined"
check "--new 1 with an interview: one card" has "$tmp/joined" "1 card to drill"
check "--new 1: the pace is advice" has "$tmp/joined" "the interview pace would want 25 new cards today (--new asks for 1)."
run_in '
5' --today 2027-03-01 drill --new 1
tr '\n' ' ' <"$tmp/out" >"$tmp/joined"
check "a second --new 1 the same day: one card again" has "$tmp/joined" "1 card to drill"
check "the pace counts the card taken" has "$tmp/joined" "would want 24 new cards today"

done_testing
