#!/bin/sh
# mock-bundled.sh: a mock on the bundled decks, in English and Dutch:
# the count per part for 45, 60 and 90 minutes, an opening and a closing
# question, the decks' own probes; through a pipe, and a whole 45-minute
# mock in a real terminal (tmux), where a long answer is flagged once.
. "${top_srcdir:-.}/tests/setup"

T="--today 2026-08-01"

# answers N: an answer, a follow-up's answer and a grade, N times.
answers() {
	i=0
	while [ "$i" -lt "$1" ]; do
		printf 'answer\nfollow-up answer\n4\n'
		i=$((i + 1))
	done
}
py() {
	python3 -c 'import json, sys
j = json.load(open(sys.argv[1]))
order = ["opening", "competency", "situational", "culture-fit", "technical", "questions-to-ask", "closing"]
per = [[q["section"] for q in j["questions"]].count(s) for s in order]
sys.exit(0 if eval(sys.argv[2]) else 1)' "$tmp/out" "$1"
}

# Through a pipe: the first run imports the bundled decks, then a mock.
for lang in en nl; do
	for m in 45 60 90; do
		db="$tmp/$lang-$m.db"
		answers 40 >"$tmp/in"
		set +e
		LOCPATH="${TEST_LOCPATH:-}" LC_ALL=$([ $lang = nl ] &&
		    echo nl_NL.UTF-8 || echo C.UTF-8) REHEARSE_TEST_CLOCK=90 \
		    rh --db "$db" $T mock --minutes $m --seed 5 <"$tmp/in" \
		    >"$tmp/$lang-$m.out" 2>"$tmp/err"
		rc=$?
		set -e
		check_rc "$lang, $m minutes, through a pipe" 0
		check "$lang, $m minutes: nothing on standard error" test ! -s "$tmp/err"
		run mock --last --json
		case $m in
		45) want='[1, 5, 4, 2, 0, 2, 1]' ;;
		60) want='[1, 7, 4, 3, 0, 3, 2]' ;;
		90) want='[2, 11, 7, 4, 0, 4, 2]' ;;
		esac
		check "$lang, $m minutes: per part $want, all answered" py "per == $want and j['answered'] == j['planned'] == $m // 3"
		# The opening and closing questions are practice cards that
		# their deck files put in those parts (warm-up questions, tell
		# me about yourself; anything to add, the practical questions).
		python3 -c 'import json, sys
j = json.load(open(sys.argv[1]))
for q in j["questions"]:
    if q["section"] in ("opening", "closing"):
        print(q["section"], q["card"])' "$tmp/out" >"$tmp/ends"
		ok_ends=yes
		while read -r part card; do
			rh --db "$db" show "$card" --json >"$tmp/card.json"
			python3 -c 'import json, sys; sys.exit(0 if json.load(open(sys.argv[1]))["kind"] == "practice" else 1)' "$tmp/card.json" || ok_ends=no
			grep -q "^$part " "$tmp/ends" || ok_ends=no
			d=${card%%/*} c=${card#*/}
			awk -v id="$c" -v part="$part" '
			    $1 == "-" && $2 == "id:" { inside = $3 == id }
			    inside && $1 == "section:" && $2 == part { found = 1 }
			    END { exit !found }' "$top_srcdir/decks/$lang/$d.yaml" || ok_ends=no
		done <"$tmp/ends"
		check "$lang, $m minutes: opening and closing are practice cards of those parts" test "$ok_ends" = yes -a -s "$tmp/ends"
		check "$lang, $m minutes: the mock ends on a card of the closing deck" py 'j["questions"][-1]["section"] == "closing" and j["questions"][-1]["card"].startswith("closing/")'
		check "$lang, $m minutes: every STARR and culture question has a follow-up of its own" py 'all(q["probe"] for q in j["questions"] if q["section"] in ("competency", "situational", "culture-fit"))'
	done
done
check "English: the plan" has "$tmp/en-45.out" "Mock interview: 45 minutes, 15 questions (seed 5)."
check "English: the opening part" has "$tmp/en-45.out" "== Opening: 1 question, about 1:00 per answer =="
check "Dutch: the plan" has "$tmp/nl-45.out" "Proefgesprek: 45 minuten, 15 vragen (seed 5)."
check "Dutch: the opening part" has "$tmp/nl-45.out" "== Opening: 1 vraag, zo'n 1:00 per antwoord =="
check "Dutch: the follow-up" has "$tmp/nl-45.out" "Doorvraag"
check "Dutch: the Dutch decks" has "$tmp/nl-45.out" "Vertel"
check "Dutch: the report" has "$tmp/nl-45.out" "15 van 15 vragen beantwoord"
for w in "Follow-up" "Your answer" "Graded" "Mock interview"; do
	check "Dutch: no English '$w'" hasnt "$tmp/nl-45.out" "$w"
done
# The probes asked are the decks' own, in the deck's language.
for lang in en nl; do
	db="$tmp/$lang-90.db"
	run mock --last --json
	check "$lang: every probe asked is one of its deck's, in its language" python3 -c '
import json, glob, sys
j = json.load(open(sys.argv[1]))
text = "".join(open(f, encoding="utf-8").read() for f in glob.glob(sys.argv[2] + "/*.yaml"))
sys.exit(0 if all(q["probe"] is None or "- " + q["probe"] + "\n" in text for q in j["questions"]) else 1)' "$tmp/out" "$top_srcdir/decks/$lang"
done

# A real terminal, through tmux: a whole 45-minute mock in each language.
if ! command -v tmux >/dev/null 2>&1; then
	for what in en nl flag; do
		ok "# SKIP tmux is not installed ($what)"
	done
	done_testing
	exit
fi
sock="$tmp/tmux.sock"
trap 'tmux -S "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
# screen: all the terminal shows, the lines that scrolled away included,
# without the blanks at their ends (a prompt's "> " is then ">").
screen() {
	tmux -S "$sock" capture-pane -p -J -S -3000 -t "$sess" |
	    sed 's/[[:space:]]*$//'
}
# drive LOG: answer every prompt until the program ends (or 60 s pass),
# and keep the screen in LOG.
drive() {
	n=0 waited=0
	while [ $waited -lt 1200 ]; do
		screen >"$1"
		if grep -q '^EXIT=' "$1"; then
			return 0
		fi
		last=$(grep -v '^[[:space:]]*$' "$1" | tail -1)
		prompts=$(grep -c '>\( \|$\)' "$1" || true)
		if [ "$prompts" -gt "$n" ]; then
			case $last in
			answer*'>'|antwoord*'>') text="my answer" ;;
			follow-up*'>'|doorvraag*'>') text="my follow-up" ;;
			grade*'>'|cijfer*'>') text=4 ;;
			*) text= ;;
			esac
			if [ -n "$text" ]; then
				tmux -S "$sock" send-keys -t "$sess" -l "$text"
				tmux -S "$sock" send-keys -t "$sess" Enter
				n=$prompts
				waited=0
				continue
			fi
		fi
		sleep 0.05
		waited=$((waited + 1))
	done
	return 1
}
# term NAME LOCALE DB ENV...: rehearse mock in a new 80x24 terminal,
# session NAME (each run its own: the server stays up until the end).
term() {
	sess=$1 locale=$2 tdb=$3
	shift 3
	tmux -S "$sock" new-session -d -s "$sess" -x 80 -y 24 \
	    "env LC_ALL=$locale LOCPATH=${TEST_LOCPATH:-} NO_COLOR=1 HOME=$HOME \
	    XDG_DATA_HOME=$XDG_DATA_HOME REHEARSE_DECKS=$REHEARSE_DECKS \
	    REHEARSE_LOCALEDIR=${REHEARSE_LOCALEDIR:-} $* '$REHEARSE' \
	    --db '$tdb' $T mock --seed 5; echo EXIT=\$?; sleep 600"
	tmux -S "$sock" set-option -t "$sess" history-limit 5000 >/dev/null
}

for lang in en nl; do
	locale=C.UTF-8
	[ $lang = nl ] && locale=nl_NL.UTF-8
	term "mock-$lang" $locale "$tmp/tty-$lang.db" REHEARSE_TEST_CLOCK=0
	check "$lang: a 45-minute mock in a terminal runs to its end" drive "$tmp/tty-$lang.screen"
	check "$lang: it exits 0" grep -qx 'EXIT=0' "$tmp/tty-$lang.screen"
	db="$tmp/tty-$lang.db"
	run mock --last --json
	check "$lang: all 15 questions answered and saved" py "j['answered'] == j['planned'] == 15 and per == [1, 5, 4, 2, 0, 2, 1]"
done
check "en: the prompt shows the time against the target" grep -q '^answer 0:00 / 2:00> my answer$' "$tmp/tty-en.screen"
check "en: the report, at the end" grep -q '15 of 15 questions answered' "$tmp/tty-en.screen"
check "nl: the prompt is Dutch" grep -q '^antwoord 0:00 / 2:00> my answer$' "$tmp/tty-nl.screen"
check "nl: the follow-up prompt is Dutch" grep -q '^doorvraag 0:00> my follow-up$' "$tmp/tty-nl.screen"
check "nl: the report, at the end" grep -q '15 van 15 vragen beantwoord' "$tmp/tty-nl.screen"

# Past the limit, the prompt says so, once, while the answer goes on:
# each reading of the clock adds 200 s, so the first second's tick is
# past 1:30 for the opening question.
term mock-flag C.UTF-8 "$tmp/flag.db" REHEARSE_TEST_CLOCK=200
flagged=0
i=0
while [ $i -lt 200 ]; do
	screen >"$tmp/flag.screen"
	if grep -q 'past 1:30: wrap up>$' "$tmp/flag.screen"; then
		flagged=1
		break
	fi
	sleep 0.05
	i=$((i + 1))
done
check "a long answer is flagged in the prompt" test $flagged -eq 1
check "once: one line says so" test "$(grep -c 'wrap up>' "$tmp/flag.screen")" -eq 1
tmux -S "$sock" send-keys -t "$sess" -l "done"
tmux -S "$sock" send-keys -t "$sess" Enter
sleep 0.3
screen >"$tmp/flag.screen"
check "Enter ends the answer, which is said to be long" grep -q 'come to your point sooner' "$tmp/flag.screen"

done_testing
