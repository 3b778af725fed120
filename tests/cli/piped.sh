#!/bin/sh
# piped.sh: the drill loop with standard input not a terminal, as another
# program driving it would use it.
. "${top_srcdir:-.}/tests/setup"

write_deck "$tmp/deck.yaml"
run import "$tmp/deck.yaml"
T="--today 2026-07-01"

# Reveal, grade; a grade below 4 brings the card back at the end.
run_in '
4

2

5

4
' $T drill
check_rc "a whole session" 0
check "header with deck, position and kind" has "$tmp/out" "[sample 1/3 recall]"
check "the front is shown" has "$tmp/out" "What is the first card?"
check "the back is revealed" has "$tmp/out" "The first answer."
check "the hint is revealed" has "$tmp/out" "Starts with F."
check "the grade legend is shown" has "$tmp/out" "5 fluent"
check "a grade is confirmed with the next day" has "$tmp/out" "Graded 4: next review 2026-07-02 (in 1 day)."
check "a failed card comes back" has "$tmp/out" "[sample 4/4 practice]"
check "its repeat is logged, not scheduled" has "$tmp/out" "Graded 4: logged, already scheduled today."
check "summary line" has "$tmp/out" "Session over: 4 reviewed, 1 again later; next review due 2026-07-02."
check "no prompt strings when piped" hasnt "$tmp/out" "grade 0-5>"
check "no escape sequences when piped" test "$(tr -dc '\033' <"$tmp/out" | wc -c)" -eq 0
run show sample/second --json
check "the failed card was scheduled once" json 'j["lapses"] == 1 and j["interval"] == 1 and j["reps"] == 0'

# Nothing left today: a clear line, exit 0 without reading.
run_in '' $T drill
check_rc "nothing due" 0
check "nothing due is said" has "$tmp/out" "Nothing to drill today"

# EOF at a front saves what was answered and leaves.
rm -f "$db"
run import "$tmp/deck.yaml"
run_in '
5
' $T drill
check_rc "EOF in the middle" 0
check "EOF ends the session with a summary" has "$tmp/out" "Session over: 1 reviewed, 0 again later, 2 left for another time"
run show sample/first --json
check "the answered card was saved" json 'j["reps"] == 1'
run show sample/second --json
check "the unanswered card is untouched" json 'j["due"] is None'

# A bad grade is asked again; :undo takes back the last grade exactly.
rm -f "$db"
run import "$tmp/deck.yaml"
run show sample/first --json
cp "$tmp/out" "$tmp/first-before"
run_in '
9
5
:undo

3
:quit
' $T drill
check_rc "undo session" 0
check "a bad grade gets a complaint" has "$tmp/out" "Grade with a number from 0 to 5"
check "undo is confirmed" has "$tmp/out" "Undone: sample/first is back as it was."
run show sample/first --json
check "after undo and a new grade 3 the card has one review" json 'j["reps"] == 1 and j["ef"] == 2.5 + (0.1 - 2.0 * (0.08 + 2.0 * 0.02))'
python3 - "$db" <<'PY' >"$tmp/log"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("select count(*), group_concat(quality) from review").fetchone())
PY
check "the undone review left the log" has "$tmp/log" "(1, '3')"
rm -f "$db"
run import "$tmp/deck.yaml"
run_in '
5
:undo
:quit
' $T drill
run show sample/first --json
check "undo restores a new card exactly" same_file "$tmp/out" "$tmp/first-before"

# Commands at the prompts, and unknown ones.
run_in ':hint
:frob
:help
:skip
:quit
' $T drill
check ":hint shows the hint" has "$tmp/out" "Starts with F."
check "unknown command complained about" has "$tmp/out" "Unknown command ':frob'"
check ":help lists commands" has "$tmp/out" ":undo"
run show sample/first --json
check ":skip records nothing" json 'j["due"] is None'

# The daily new-card limit counts earlier sessions and 'grade'.
rm -f "$db"
run import "$tmp/deck.yaml"
run $T grade sample/first 5
run_in '' $T --new 2 drill
check "one new card left of two" has "$tmp/out" "1 card to drill"
run_in '' $T --new 1 drill
check "the limit is reached" has "$tmp/out" "today's 1 new cards are done"

# Filters: decks, tags, --limit, --cram.
rm -f "$db"
run import "$tmp/deck.yaml"
run_in '' $T drill --tag story
check "--tag selects tagged cards" has "$tmp/out" "1 card to drill"
run_in '' $T drill --limit 2
check "--limit caps the session" has "$tmp/out" "2 cards to drill"
run_in '' $T drill nosuchdeck
check_rc "unknown deck" 1
check "unknown deck named" has "$tmp/err" "nosuchdeck: no such deck"
run_in '
1
:quit
' $T drill --cram
check "--cram says so" has "$tmp/out" "cram: schedule untouched"
run show sample/first --json
check "--cram leaves the schedule alone" json 'j["due"] is None and j["lapses"] == 0'

# The eighth lapse makes a leech, and the session says so.
for d in 01 02 03 04 05 06 07; do
	run --today "2026-09-$d" grade sample/third 0
done
run_in '
1
' --today 2026-09-08 drill --limit 1
check "the REPL announces a new leech" has "$tmp/out" "This card is a leech: 8 lapses."

# Deck text cannot reach the terminal as control sequences.
cat >"$tmp/evil.yaml" <<'YAML'
deck: evil
cards:
  - id: title
    front: "Hello \e]0;pwned\a world \e[2J \u009b31m \u202etxt.exe safe\rEVIL"
    back: "ok"
YAML
run import "$tmp/evil.yaml"
run_in '
5
' $T drill evil
check "no ESC reaches the output" test "$(tr -dc '\033\007\015' <"$tmp/out" | wc -c)" -eq 0
check "controls are shown harmlessly" has "$tmp/out" "^[]0;pwned^G"
check "C1 and bidi controls made visible" has "$tmp/out" "<U+202E>"

# Past 100 cards the counts say "100+"; due cards, read a page at a time,
# still come in order, each once, before the new ones.
rm -f "$db"
{
	echo "deck: big"
	echo "cards:"
	i=1
	while [ "$i" -le 130 ]; do
		printf '  - id: c%03d\n    front: Card %03d?\n    back: Answer.\n' \
		    "$i" "$i"
		i=$((i + 1))
	done
} >"$tmp/big.yaml"
run import "$tmp/big.yaml"
run_in '' $T drill
check "unseen cards past 100 counted as 100+" has "$tmp/out" "10 cards to drill; 100+ not seen yet."
i=0
: >"$tmp/grades"
while [ "$i" -lt 130 ]; do
	printf '\n5\n' >>"$tmp/grades"
	i=$((i + 1))
done
run_in "$(head -n 240 "$tmp/grades")" $T drill --new 120
check "120 new cards graded" has "$tmp/out" "Session over: 120 reviewed, 0 again later;"
run_in "$(cat "$tmp/grades")" --today 2026-07-02 drill
check "due cards past 100 counted as 100+" has "$tmp/out" "110+ cards to drill; 10 not seen yet."
check "a position past the first page" has "$tmp/out" "[big 22/110+ recall]"
sed -n 's/^Card \([0-9]*\)?$/\1/p' "$tmp/out" >"$tmp/order"
seq -f '%03g' 1 130 >"$tmp/want"
check "due cards in order, each once, then the new ones" same_file "$tmp/order" "$tmp/want"
check "the whole queue drilled" has "$tmp/out" "Session over: 130 reviewed, 0 again later;"

# First run: the bundled decks for the user's language.
rm -f "$db"
run_in '' --lang en $T drill
check_rc "first run" 0
check "first run imports the bundled decks" has "$tmp/out" "imported"
run list --json
check "bundled English decks in" json 'len(j) >= 1 and all(d["language"] == "en" for d in j)'
rm -f "$db"
set +e
printf '' | LANG=nl_NL.UTF-8 LC_ALL= "$REHEARSE" --db "$db" $T drill >"$tmp/out" 2>"$tmp/err"
set -e
run list --json
check "LANG=nl gives the Dutch decks" json 'len(j) >= 1 and all(d["language"] == "nl" for d in j)'

done_testing
