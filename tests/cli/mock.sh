#!/bin/sh
# mock.sh: rehearse mock through a pipe, on decks made here: the parts in
# order, the count per part, seeding, probes, timing with the fake clock,
# grades recorded as reviews, a mock left half way, history and the JSON
# report, and bad input that changes nothing.  Exact screens are in
# tests/transcripts/*-mock.*; the bundled decks in mock-bundled.sh.
. "${top_srcdir:-.}/tests/setup"

T="--today 2026-08-01"

# A deck with every part: cards named after what they are.
{
	cat <<'YAML'
deck: interview
language: en
kind: practice
cards:
  - id: warm-up
    section: opening
    front: How did you find the first interview?
    probes: [What has stayed with you since?]
  - id: warm-down
    section: opening
    front: What did you think of our office?
YAML
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
		cat <<YAML
  - id: comp-$i
    section: competency
    front: Competency question $i?
YAML
		[ $((i % 2)) -eq 0 ] && cat <<YAML
    probes: [Probe A of $i?, Probe B of $i?]
YAML
	done
	for i in 1 2 3 4 5 6 7 8; do
		cat <<YAML
  - id: sit-$i
    section: situational
    front: Imagine situation $i?
YAML
	done
	for i in 1 2 3 4 5; do
		cat <<YAML
  - id: fit-$i
    section: culture-fit
    front: Culture question $i?
    probes: [Fit probe $i?]
YAML
	done
	for i in 1 2 3 4 5; do
		cat <<YAML
  - id: ask-$i
    kind: ask
    front: Topic $i
    back: Ask about topic $i.
YAML
	done
	cat <<'YAML'
  - id: add-anything
    section: closing
    front: Is there anything you would like to add?
  - id: tech-elsewhere
    section: technical
    front: A technical question in a deck not named?
  - id: a-fact
    kind: recall
    front: A fact, never asked?
    back: Yes.
YAML
} >"$tmp/interview.yaml"
cat >"$tmp/acme.yaml" <<'YAML'
deck: acme
language: en
kind: recall
cards:
  - id: revenue
    front: What was Acme's revenue last year?
    back: 12 million.
  - id: stack
    kind: practice
    front: Walk me through how you would design our booking service.
  - id: sql
    front: What does a LEFT JOIN return?
    back: Every row on the left.
  - id: ask-acme
    kind: ask
    front: Acme's expansion
    back: Ask where they grow next.
YAML
run import "$tmp/interview.yaml"
run import "$tmp/acme.yaml"

# answers N: input for N questions: an answer, a probe's answer, a grade.
answers() {
	i=0
	while [ "$i" -lt "$1" ]; do
		printf 'answer\nprobe answer\n%s\n' "${2:-4}"
		i=$((i + 1))
	done
}
# py EXPR: a Python expression over the JSON in $tmp/out (as j) and the
# sections in the order a mock runs them (as order).
py() {
	python3 -c 'import json, sys
j = json.load(open(sys.argv[1]))
order = ["opening", "competency", "situational", "culture-fit", "technical", "questions-to-ask", "closing"]
sys.exit(0 if eval(sys.argv[2]) else 1)' "$tmp/out" "$1"
}

# A whole 45-minute mock.  The grades are 4, and the prompt for a grade
# takes the follow-up's answer as a line that is not a grade when there
# was no follow-up: it complains and asks again.
cp "$db" "$tmp/before.db"
answers 15 >"$tmp/in"
set +e
COLUMNS=200 REHEARSE_TEST_CLOCK=100 rh --db "$db" $T mock --seed 11 \
    <"$tmp/in" >"$tmp/mock.out" 2>"$tmp/err"
rc=$?
set -e
check_rc "a 45-minute mock through a pipe" 0
check "nothing on standard error" test ! -s "$tmp/err"
check "the plan is printed first" has "$tmp/mock.out" "Mock interview: 45 minutes, 15 questions (seed 11)."
grep '^== ' "$tmp/mock.out" | sed 's/:.*//' >"$tmp/parts"
printf '%s\n' "== Opening" "== Competency" "== Situational" "== Culture fit" \
    "== Your questions" "== Closing" >"$tmp/want"
check "the parts come in the order of a second round" same_file "$tmp/parts" "$tmp/want"
check "a line that is not a grade is asked again" has "$tmp/mock.out" "Grade with a number from 0 to 5 (or :help)."
check "the report follows" has "$tmp/mock.out" "Mock interview of 2026-08-01: 45 minutes, 15 of 15 questions answered, mean grade 4.0 (seed 11)."
run mock --last --json
check_rc "mock --last --json" 0
check "one entry per question, each with section, card, probe, seconds and grade" py 'len(j["questions"]) == 15 and all(set(q) >= {"section", "card", "probe", "seconds", "grade"} for q in j["questions"])'
check "the parts in order" py '[order.index(q["section"]) for q in j["questions"]] == sorted(order.index(q["section"]) for q in j["questions"])'
count() { py "[q['section'] for q in j['questions']].count('$1') == $2"; }
check "45 minutes: 1 opening question" count opening 1
check "5 competency (the technical part's two go here and to situational)" count competency 5
check "4 situational" count situational 4
check "2 culture fit" count culture-fit 2
check "no technical part without a deck named" count technical 0
check "2 of your own questions" count questions-to-ask 2
check "1 closing" count closing 1
check "never a card twice" py 'len({q["card"] for q in j["questions"]}) == 15'
check "no recall card, no technical card, of a deck not named only an ask card" py 'not any(q["card"] in ("interview/a-fact", "interview/tech-elsewhere", "acme/revenue", "acme/stack", "acme/sql") for q in j["questions"])'
check "the times are the fake clock's: 100 s each" py 'all(q["seconds"] == 100 for q in j["questions"])'
check "a card's probe is one of its own" py 'all(q["probe"] in ("Probe A of %s?" % n, "Probe B of %s?" % n) for q in j["questions"] for n in [q["card"].split("-")[-1]] if q["card"].startswith("interview/comp-") and int(n) % 2 == 0)'
check "a culture card's probe is its own" py 'all(q["probe"] == "Fit probe %s?" % q["card"][-1] for q in j["questions"] if "/fit-" in q["card"])'
check "a practice card without probes gets a general one" py 'all(q["probe"] and "Probe" not in q["probe"] for q in j["questions"] if "/sit-" in q["card"])'
check "ask cards and an opening without probes get none" py 'all(q["probe"] is None for q in j["questions"] if q["section"] in ("questions-to-ask", "closing") or q["card"] == "interview/warm-down")'
check "the grades are saved" py 'all(q["grade"] == 4 for q in j["questions"]) and j["answered"] == 15 and j["planned"] == 15 and j["mean_grade"] == 4'
cp "$tmp/out" "$tmp/first.json"

# Each grade is a review of its card, as in the drill.
check "each grade is in the review log, once, linked to its answer" python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("SELECT a.deck, a.card, a.grade, r.deck, r.card, r.quality, r.mode, r.took_ms, r.day FROM mock_answer a JOIN review r ON r.id = a.review").fetchall()
n = c.execute("SELECT count(*) FROM review").fetchone()[0]
ok = len(rows) == 15 == n and all(r[0:3] == r[3:6] and r[6] == "review" and r[7] >= 100000 and r[8] == 20666 for r in rows)
sys.exit(0 if ok else 1)' "$db"
card=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["questions"][1]["card"])' "$tmp/first.json")
run $T show "$card" --json
check "the card's schedule moved: reps 1, due tomorrow" json 'j["reps"] == 1 and j["due"] == "2026-08-02" and j["stability"] is not None'

# The same seed on the same cards, the same mock; another seed, another.
cp "$tmp/before.db" "$tmp/again.db"
set +e
rh --db "$tmp/again.db" $T mock --seed 11 <"$tmp/in" >/dev/null 2>&1
rh --db "$tmp/again.db" mock --last --json >"$tmp/again.json"
cp "$tmp/before.db" "$tmp/other.db"
rh --db "$tmp/other.db" $T mock --seed 12 <"$tmp/in" >/dev/null 2>&1
rh --db "$tmp/other.db" mock --last --json >"$tmp/other.json"
set -e
cards() { python3 -c 'import json,sys; print(" ".join(q["card"] + ":" + str(q["probe"]) for q in json.load(open(sys.argv[1]))["questions"]))' "$1"; }
check "the same seed asks the same questions and probes" test "$(cards "$tmp/first.json")" = "$(cards "$tmp/again.json")"
check "another seed asks others" test "$(cards "$tmp/first.json")" != "$(cards "$tmp/other.json")"

# The cards known least come first: after a mock where every answer got
# 1, the next (another seed) asks those again where a part allows.
cp "$tmp/before.db" "$tmp/weak.db"
answers 15 1 >"$tmp/weak.in"
set +e
REHEARSE_TEST_CLOCK=100 rh --db "$tmp/weak.db" $T mock --seed 3 <"$tmp/weak.in" >"$tmp/weak.out" 2>&1
rh --db "$tmp/weak.db" mock --last --json >"$tmp/weak1.json"
rh --db "$tmp/weak.db" --today 2026-08-02 mock --seed 4 <"$tmp/in" >/dev/null 2>&1
rh --db "$tmp/weak.db" mock --last --json >"$tmp/weak2.json"
set -e
check "a weak answer does not come back within the mock" test "$(grep -c '^\[' "$tmp/weak.out")" -eq 15
check "the next mock asks the cards known least" python3 -c '
import json, sys
a, b = (json.load(open(p))["questions"] for p in sys.argv[1:])
sys.exit(0 if sorted(q["card"] for q in a) == sorted(q["card"] for q in b) else 1)' "$tmp/weak1.json" "$tmp/weak2.json"

# Timing: with the fake clock at 0, 200, 0, 5, ... the first answer
# takes 200 s, its follow-up 5 s (the opening without one is suspended,
# so that the first question has a follow-up).
cp "$tmp/before.db" "$tmp/time.db"
rh --db "$tmp/time.db" suspend interview/warm-down >/dev/null
printf 'answer\nprobe\n3\n:quit\n' >"$tmp/time.in"
set +e
REHEARSE_TEST_CLOCK=0,200,0,5 rh --db "$tmp/time.db" $T mock --seed 11 \
    <"$tmp/time.in" >"$tmp/time.out" 2>&1
rh --db "$tmp/time.db" mock --last --json >"$tmp/out"
set -e
check "the answer's time is from the question to Enter" py 'j["questions"][0]["seconds"] == 200 and j["questions"][0]["probe_seconds"] == 5'
check "it is said against its target" has "$tmp/time.out" "Your answer took 3:20 (target 1:00)."
check "an answer past the limit is flagged" has "$tmp/time.out" "That is past 1:30: in the interview, come to your point sooner."
check "the report lists it as long" has "$tmp/time.out" "Ran long: interview/"
check "the review log has the time of answer and follow-up" python3 -c '
import sqlite3, sys
sys.exit(0 if sqlite3.connect(sys.argv[1]).execute("SELECT took_ms FROM review").fetchall() == [(205000,)] else 1)' "$tmp/time.db"
printf '%s\n' answer probe 4 answer probe 4 :quit >"$tmp/short.in"
set +e
REHEARSE_TEST_CLOCK=5 rh --db "$tmp/time.db" --today 2026-08-03 mock --seed 5 \
    <"$tmp/short.in" >"$tmp/short.out" 2>&1
set -e
check "a very short competency answer is flagged" has "$tmp/short.out" "That is under 0:30: very short for this question."
check "and listed as very short" has "$tmp/short.out" "Very short: "

# Left half way: what was graded is kept; :skip leaves a question out.
cp "$tmp/before.db" "$tmp/half.db"
printf 'a\nb\n5\n:skip\na\nb\n2\n' >"$tmp/half.in"
set +e
rh --db "$tmp/half.db" $T mock --seed 11 <"$tmp/half.in" >"$tmp/half.out" 2>&1
rc=$?
rh --db "$tmp/half.db" mock --last --json >"$tmp/out"
set -e
check_rc "a mock left at the end of its input" 0
check ":skip says the question is left out" has "$tmp/half.out" "Question left out."
check "the two graded answers are kept, the skipped one too, in the order asked" py 'j["answered"] == 2 and j["planned"] == 15 and [(q["position"], q["grade"], q["skipped"]) for q in j["questions"]] == [(1, 5, False), (2, None, True), (3, 2, False)]'
check "the skipped one has no time" py 'j["questions"][1]["seconds"] is None and j["questions"][1]["probe"] is None'
check "the report lists it as skipped" grep -q "^  2\. [a-z-]*/[a-z0-9-]*: skipped$" "$tmp/half.out"
check "the report says how many were answered" has "$tmp/half.out" "2 of 15 questions answered"
check "the lowest grade is listed" has "$tmp/half.out" "Lowest grades: 2 ("

# Left out before the first grade: kept with it; the first of a mock
# skipped, then quit: nothing kept.
cp "$tmp/before.db" "$tmp/first.db"
printf ':skip\na\nb\n3\n' | rh --db "$tmp/first.db" $T mock --seed 11 >/dev/null 2>&1 || true
rh --db "$tmp/first.db" mock --last --json >"$tmp/out" || true
check "a question left out before the first grade is kept with it" py '[(q["position"], q["grade"]) for q in j["questions"]] == [(1, None), (2, 3)] and j["answered"] == 1'
cp "$tmp/before.db" "$tmp/first.db"
set +e
printf ':skip\n:quit\n' | rh --db "$tmp/first.db" $T mock --seed 11 >"$tmp/first.out" 2>&1
set -e
check "only left out: nothing saved" has "$tmp/first.out" "Mock over: nothing was graded, so nothing was saved."
check "and no mock in the database" python3 -c 'import sqlite3, sys
sys.exit(0 if sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM mock").fetchone()[0] == 0 else 1)' "$tmp/first.db"

# A mock that graded nothing saves nothing.
cp "$tmp/before.db" "$tmp/none.db"
set +e
printf ':quit\n' | rh --db "$tmp/none.db" $T mock >"$tmp/none.out" 2>&1
rc=$?
set -e
check_rc "a mock left at once" 0
check "says nothing was saved" has "$tmp/none.out" "Mock over: nothing was graded, so nothing was saved."
check "and saved nothing" python3 -c 'import sqlite3, sys
sys.exit(0 if sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM mock").fetchone()[0] == 0 else 1)' "$tmp/none.db"

# Lengths: 60 and 90 minutes, with a deck of your own named: its
# practice cards fill the technical part (its recall cards, facts to
# know, are not asked) and its ask card is asked.
for m in 60 90; do
	cp "$tmp/before.db" "$tmp/len.db"
	answers 40 >"$tmp/len.in"
	set +e
	rh --db "$tmp/len.db" $T mock acme --minutes $m --seed 2 <"$tmp/len.in" >"$tmp/len.out" 2>&1
	rh --db "$tmp/len.db" mock --last --json >"$tmp/out"
	set -e
	check "$m minutes: the plan says so" has "$tmp/len.out" "Mock interview: $m minutes"
	case $m in
	60) want='[1, 6, 4, 3, 1, 3, 1]' ;;
	90) want='[2, 10, 7, 4, 1, 4, 1]' ;;
	esac
	check "$m minutes: questions per part $want (technical: what acme has)" py "[[q['section'] for q in j['questions']].count(s) for s in order] == $want"
	check "$m minutes: the technical part is acme's practice card" py '[q["card"] for q in j["questions"] if q["section"] == "technical"] == ["acme/stack"]'
	check "$m minutes: acme's recall cards are not asked" py 'not any(q["card"] in ("acme/revenue", "acme/sql") for q in j["questions"])'
	check "$m minutes: acme's ask card is among your questions" py '"acme/ask-acme" in [q["card"] for q in j["questions"] if q["section"] == "questions-to-ask"]'
	check "$m minutes: the deck named is saved" py 'j["decks"] == ["acme"] and j["minutes"] == '$m
done

# History: every mock, oldest first.
run mock --history
check_rc "mock --history" 0
check "a heading" has "$tmp/out" "date        minutes  answered  mean grade"
check "the mock, with its answers and mean grade" has "$tmp/out" "2026-08-01       45     15/15         4.0"
run mock --history --json
check "as JSON: date, minutes, mean grade" py 'len(j) == 1 and j[0]["date"] == "2026-08-01" and j[0]["minutes"] == 45 and j[0]["mean_grade"] == 4 and j[0]["answered"] == 15'
run mock --last
check_rc "mock --last" 0
check "shows the report again" has "$tmp/out" "Mock interview of 2026-08-01: 45 minutes, 15 of 15 questions answered"
check "with each answer against its target" has "$tmp/out" " of 2:00, follow-up 1:40; grade 4"
check "and the cards to drill next" has "$tmp/out" "Drill next:"
db="$tmp/half.db"
run mock --history
check "a mock left half way is in the history" has "$tmp/out" "2/15"
db="$tmp/none.db"
run mock --history
check_rc "no mock yet: --history" 0
check "says so" has "$tmp/out" "No mock interview yet: 'rehearse mock' runs one."
run mock --history --json
check "as JSON, an empty list" test "$(cat "$tmp/out")" = "[]"
run mock --last
check_rc "no mock yet: --last" 1
check "says so" has "$tmp/err" "no mock interview yet"
db="$tmp/test.db"

# Bad input: a clear error, and nothing changed.
cp "$db" "$tmp/keep.db"
bad() {
	want=$1
	shift
	run "$@" </dev/null
	check_rc "$*" "$want"
	check "$*: says why" test -s "$tmp/err"
	check "$*: nothing changed" same_file "$db" "$tmp/keep.db"
}
bad 2 mock --minutes 7
bad 2 mock --minutes abc
bad 2 mock --seed -1
bad 1 mock no-such-deck
bad 2 mock --history --last
bad 2 mock --history acme
bad 2 mock --last --minutes 60
bad 2 mock --json
bad 2 mock --speak-to ''
: >"$tmp/a-file"
bad 1 mock --speak-to "$tmp/a-file"
bad 1 mock --speak-to "$tmp/no/such/dir"
check "the missing directory is named" has "$tmp/err" "no/such/dir"
mkdir "$tmp/locked"
chmod 500 "$tmp/locked"
if [ "$(id -u)" -ne 0 ]; then
	bad 1 mock --speak-to "$tmp/locked"
else
	# Root writes anywhere: the mock runs as nobody, on a copy of the
	# database nobody may write, beside a directory nobody may not.
	chmod 755 "$tmp"
	mkdir "$tmp/nobody" && chmod 777 "$tmp/nobody"
	cp "$db" "$tmp/nobody/db" && chmod 666 "$tmp/nobody/db"
	set +e
	HOME="$tmp/nobody" setpriv --reuid 65534 --regid 65534 --clear-groups \
	    "$REHEARSE" --db "$tmp/nobody/db" mock --speak-to "$tmp/locked" \
	    </dev/null >"$tmp/out" 2>"$tmp/err"
	rc=$?
	set -e
	check_rc "mock --speak-to a read-only directory" 1
	check "mock --speak-to a read-only directory: says why" test -s "$tmp/err"
	check "mock --speak-to a read-only directory: nothing changed" \
	    same_file "$tmp/nobody/db" "$tmp/keep.db"
fi
run mock --minutes 7
check "--minutes 7 names the lengths" has "$tmp/err" "--minutes: '7' is not the length of a mock interview (45, 60 or 90)"

# On an empty database, a deck named cannot be there: nothing imported.
db="$tmp/empty.db"
run mock competency </dev/null
check_rc "a deck named on an empty database" 1
run list --json
check "no deck was imported" test "$(cat "$tmp/out")" = "[]"

# A story of the bank that answers two questions of one mock is named
# in the report: a story leaned on too hard.
db="$tmp/stories.db"
run import "$top_srcdir/tests/transcripts/decks/mock.yaml"
cat >"$tmp/story-editor" <<'SH'
#!/bin/sh
printf 'Situation: a launch.\nTask: ship it.\nAction: I cut the scope.\nResult: on time.\nReflection: ask earlier.\n' >"$1"
SH
chmod +x "$tmp/story-editor"
VISUAL=$tmp/story-editor run story new "Shipping deadline"
run story link shipping-deadline mock/deadline mock/mistake
printf 'a\nb\n4\n%.0s' 1 2 3 4 5 6 7 8 9 10 >"$tmp/in"
set +e
REHEARSE_TEST_CLOCK=95 rh --db "$db" --today 2026-08-01 mock --seed 7 mock \
    <"$tmp/in" >"$tmp/out" 2>"$tmp/err"
set -e
tr '\n' ' ' <"$tmp/out" >"$tmp/joined"
check "the report names a story told for two questions" has "$tmp/joined" \
    "Stories told for more than one question: Shipping deadline (2)."
run mock --last
tr '\n' ' ' <"$tmp/out" >"$tmp/joined"
check "and so does mock --last" has "$tmp/joined" "Shipping deadline (2)."

done_testing
