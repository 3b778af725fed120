#!/bin/sh
# story.sh: writing your own story in an editor, safely, and seeing it.
. "${top_srcdir:-.}/tests/setup"

write_deck "$tmp/deck.yaml"
run import "$tmp/deck.yaml"

# A fake editor: records its arguments and the file's mode, then writes.
cat >"$tmp/editor" <<'SH'
#!/bin/sh
log=$(dirname "$0")/editor.log
printf '%s\n' "$#" >"$log"
for a in "$@"; do printf 'arg:%s\n' "$a" >>"$log"; done
stat -c 'mode:%a' "$1" >>"$log"
cp "$1" "$(dirname "$0")/seen.txt"
case ${STORY_ACTION:-write} in
write) printf 'Situation: the launch.\nResult: on time.\n' >"$1" ;;
keep) ;;
empty) : >"$1" ;;
fail) exit 3 ;;
esac
SH
chmod +x "$tmp/editor"
export VISUAL="$tmp/editor"

run story sample/first
check_rc "story saved" 0
check "it says so, and the title it has in the bank" has "$tmp/out" \
    "Story saved for sample/first, as 'What is the first card?' in your story bank."
check "the editor got one argument, the file" has "$tmp/editor.log" "1"
check "the temporary file was private (0600)" has "$tmp/editor.log" "mode:600"
check "the file started with the STARR headings" has "$tmp/seen.txt" "Reflection:"
check "the file named the question" has "$tmp/seen.txt" "# What is the first card?"
check "the temporary file is removed" test ! -e "$(sed -n 's/^arg://p' "$tmp/editor.log")"
run show sample/first --json
check "the story is stored" json 'j["story"] == "Situation: the launch.\nResult: on time."'

# The reveal says there is a story, and :example shows it.
run_in '
:example
5
' --today 2026-10-01 drill --limit 1
check "the reveal lists your story by its title, on one line" \
    grep -qx "Your story: What is the first card?" "$tmp/out"
check "the reveal does not tell the story" hasnt "$tmp/out" "the launch"

# Unchanged file: no change.  Failing editor: nothing saved, exit 1.
STORY_ACTION=keep run story sample/first
check "an untouched file changes nothing" has "$tmp/out" "Story unchanged."
check "the existing story was in the file" grep -A2 -x "Result:" "$tmp/seen.txt" | grep -qx "on time."
check "so was its title" has "$tmp/seen.txt" "Title: What is the first card?"
STORY_ACTION=fail run story sample/first
check_rc "a failing editor" 1
check "the failure is reported" has "$tmp/err" "exited with status 3"
run show sample/first --json
check "the story survived the failed edit" json 'j["story"] == "Situation: the launch.\nResult: on time."'
STORY_ACTION=keep run story sample/second
check "quitting on the skeleton saves nothing" has "$tmp/out" "Story unchanged."
run show sample/second --json
check "no story for the untouched card" json 'j["story"] is None'
STORY_ACTION=empty run story sample/first
check "an empty file removes the story" has "$tmp/out" "Story removed"

# No shell: a temporary directory full of shell syntax stays inert, and
# VISUAL with arguments is split on blanks only.
weird="$tmp/dir \$(touch $tmp/pwned); 'q' \`touch $tmp/pwned2\`"
mkdir -p "$weird"
TMPDIR="$weird" run story sample/third
check_rc "story with a strange TMPDIR" 0
check "no command substitution ran" test ! -e "$tmp/pwned" -a ! -e "$tmp/pwned2"
check "the path reached the editor whole" grep -qF "arg:$weird/rehearse-story-" "$tmp/editor.log"
VISUAL="$tmp/editor --flag" STORY_ACTION=keep run story sample/third
check "VISUAL with an argument" has "$tmp/editor.log" "arg:--flag"
VISUAL= EDITOR="$tmp/editor" STORY_ACTION=keep run story sample/third
check "EDITOR when VISUAL is empty" has "$tmp/out" "Story unchanged."

# The template speaks the interface's language, headings and the lines
# under them alike, whatever the deck's language.
printf 'deck: nlx\nlanguage: nl\ncards:\n  - id: a\n    front: Vraag?\n    back: Antwoord.\n' >"$tmp/nl.yaml"
run import "$tmp/nl.yaml"
STORY_ACTION=keep run story nlx/a
check "a Dutch deck, an English interface: English headings" \
    sh -c 'grep -A1 -x "Situation:" "$1" | grep -q "^# Where and when"' sh "$tmp/seen.txt"
check "and no Dutch heading" hasnt "$tmp/seen.txt" "Reflectie:"
STORY_ACTION=keep LOCPATH="$TEST_LOCPATH" LC_ALL=nl_NL.UTF-8 run story nlx/a
check "a Dutch interface: Dutch headings, Dutch lines under them" \
    sh -c 'grep -A1 -x "Situatie:" "$1" | grep -q "^# Waar en wanneer"' sh "$tmp/seen.txt"

run story sample/nope
check_rc "story for an unknown card" 1

# The competency nudge: a deck named otherwise whose section is
# competency, and a card whose own section is, get it too.
cat >"$tmp/acme.yaml" <<'YAML'
deck: acme
title: Acme
language: en
kind: practice
section: competency
cards:
  - id: lead
    front: Tell me about leading a team.
    back: Use STARR.
YAML
cat >"$tmp/mixed.yaml" <<'YAML'
deck: mixed
title: Mixed
language: en
kind: practice
cards:
  - id: own
    front: Tell me about a mistake.
    back: Use STARR.
    section: competency
YAML
run import "$tmp/acme.yaml" "$tmp/mixed.yaml"
check_rc "two decks with the competency section" 0
run_in '
:quit
' drill acme
check "a deck's section competency: the nudge" has "$tmp/out" \
    "No story for this card yet: :edit writes one, :link picks one from your bank."
run_in '
:quit
' drill mixed
check "a card's own section competency: the nudge" has "$tmp/out" \
    "No story for this card yet: :edit writes one, :link picks one from your bank."

# story new in the Dutch interface: its template all Dutch.
STORY_ACTION=keep LOCPATH="$TEST_LOCPATH" LC_ALL=nl_NL.UTF-8 run story new "Nieuw verhaal"
check_rc "story new in the Dutch interface" 0
check "its template: Titel, Tags, the five Dutch headings" sh -c '
	grep -qx "Titel: Nieuw verhaal" "$1" && grep -qx "Tags:" "$1" &&
	for h in Situatie Taak Actie Resultaat Reflectie; do
		grep -qx "$h:" "$1" || exit 1
	done' sh "$tmp/seen.txt"
check "each explained in Dutch" sh -c 'grep -A1 -x "Reflectie:" "$1" | grep -q "^# "' sh "$tmp/seen.txt"
check "and the comment above them" hasnt "$tmp/seen.txt" "Write under each heading"
check "said in Dutch" has "$tmp/out" "Verhaal 'Nieuw verhaal' toegevoegd aan je verhalenbank."

# A long question: the message wraps between words, the id ends on a word.
cat >"$tmp/long.yaml" <<'YAML'
deck: long
title: Long questions
language: en
cards:
  - id: tight-deadline
    front: Tell me about a time you had to meet a very tight deadline.
    back: Use STARR.
YAML
run import "$tmp/long.yaml"
COLUMNS=60 run story long/tight-deadline
check_rc "a story for a long question" 0
check "the message wraps between words" sh -c '
	[ "$(cat "$1")" = "Story saved for long/tight-deadline, as '"'"'Tell me about a
time you had to meet a very tight deadline.'"'"' in your story
bank." ]' sh "$tmp/out"
run story list --json
check "the id stops at a word's end" json \
    'any(s["id"] == "tell-me-about-a-time-you-had-to-meet-a-very" for s in j)'

done_testing
