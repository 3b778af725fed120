#!/bin/sh
# story-bank.sh: the story subcommands: new, edit, show, delete, link,
# unlink, list, check and matrix, with their errors; a database left as
# it was by every refusal; story text never reaching the terminal raw.
. "${top_srcdir:-.}/tests/setup"

write_deck "$tmp/deck.yaml"
run import "$tmp/deck.yaml"

# The editor stand-in: keeps the file it was given in seen.txt, then
# writes $STORY_TEXT over it (printf escapes), or fails with $STORY_FAIL.
cat >"$tmp/editor" <<'SH'
#!/bin/sh
cp "$1" "$(dirname "$0")/seen.txt"
[ -n "${STORY_FAIL:-}" ] && exit "$STORY_FAIL"
[ -n "${STORY_TEXT+set}" ] && printf "$STORY_TEXT" >"$1"
exit 0
SH
chmod +x "$tmp/editor"
export VISUAL="$tmp/editor"
unchanged() { same_file "$db" "$tmp/before.db"; }
has_line() { grep -qxF -- "$2" "$1"; }
keep() { cp "$db" "$tmp/before.db"; }

## story new

STORY_TEXT='Situation: a launch in danger.\nTask: I had to ship.\nAction:\nI cut the scope.\nI told the client myself.\nResult: live on time, 98%% of orders fine.\nReflection: plan a fallback earlier.\n' \
    run story new "  Migration deadline " --tags deadline,pressure
check_rc "story new" 0
check "it says so" has "$tmp/out" "Story 'Migration deadline' added to your story bank."
check "the template had the title, trimmed" has "$tmp/seen.txt" "Title: Migration deadline"
check "and the tags" has "$tmp/seen.txt" "Tags: deadline,pressure"
check "and the five headings with a line under each" \
    sh -c 'grep -A1 -x "Reflection:" "$1" | grep -q "^# What you learned"' sh "$tmp/seen.txt"
run story show migration-deadline --json
check "show --json: the parts" json 'j["situation"] == "a launch in danger." and j["action"] == "I cut the scope.\nI told the client myself." and j["reflection"] == "plan a fallback earlier."'
check "show --json: title, id, tags, completeness" json 'j["title"] == "Migration deadline" and j["id"] == "migration-deadline" and j["tags"] == ["deadline", "pressure"] and j["parts"] == 5 and j["complete"] is True and j["missing"] == []'
check "show --json: never rehearsed, no cards" json 'j["last_rehearsed"] is None and j["due"] is None and j["linked"] == [] and j["rehearsals"] == 0 and j["ef"] == 2.5'

keep
run story new "MIGRATION DEADLINE"
check_rc "a title taken, in another case" 1
check "it is named" has "$tmp/err" "a story titled 'MIGRATION DEADLINE' is in your bank already"
run story new "   "
check_rc "an empty title" 2
check "it says why" has "$tmp/err" "story new: the title is empty"
run story new "$(printf 'Bell\a title')"
check_rc "a title with a control character" 2
check "it says why" has "$tmp/err" "the title holds control characters"
run story new "Tagged" --tags "ok,$(printf 'b\033ad')"
check_rc "a tag with an escape" 2
check "that tag is refused" has "$tmp/err" "--tags: '"
STORY_FAIL=3 run story new "Failing editor"
check_rc "an editor that fails" 1
check "the failure is reported" has "$tmp/err" "the editor exited with status 3"
STORY_TEXT='' run story new "Nothing written"
check_rc "an empty file writes no story" 0
check "it says so" has "$tmp/out" "Empty file: no story written."
check "the database is as it was after all of these" unchanged

STORY_TEXT='Title: Taken\nSituation: x\n' run story new "Quarrel"
check_rc "a title changed in the file" 0
check "the file's title wins" has "$tmp/out" "Story 'Taken' added"

## story edit

keep
STORY_TEXT='Title: Migration deadline\nSituation: y\n' run story edit taken
check_rc "a rename to a taken title" 1
check "refused" has "$tmp/err" "a story titled 'Migration deadline' is in your bank already"
check "the text is kept, and where is said" has "$tmp/err" "your text is kept in "
kept=$(sed -n 's/^rehearse: your text is kept in //p' "$tmp/err")
check "the kept file holds the text" has "$kept" "Situation: y"
rm -f "$kept"
STORY_TEXT='Title: Fine title\nTags: a b\nSituation:\n# a comment\nx\n' run story edit taken
check_rc "a rename" 0
check "it says so" has "$tmp/out" "Story 'Fine title' saved."
run story show fine-title --json
check "the new title and id, tags parsed, comment dropped" json 'j["title"] == "Fine title" and j["id"] == "fine-title" and j["tags"] == ["a", "b"] and j["situation"] == "x"'
run story show taken
check_rc "the old id is gone" 1
check "no such story" has "$tmp/err" "taken: no such story (see 'rehearse story list')"
run story edit fine-title
check "an untouched file" has "$tmp/out" "Story unchanged."
STORY_TEXT='' run story edit fine-title
check "an empty file changes nothing" has "$tmp/out" "Empty file: the story is left as it was."
run story show fine-title --json
check "still there" json 'j["situation"] == "x"'

## link, unlink

keep
run story link migration-deadline sample/second sample/nope
check_rc "link to a card that is not there" 1
check "it is named" has "$tmp/err" "sample/nope: no such card"
check "nothing linked" unchanged
run story link migration-deadline sample/second sample/first
check_rc "link two cards" 0
check "each is said" has "$tmp/out" "Linked 'Migration deadline' to sample/first."
run story link migration-deadline sample/first
check "already linked" has "$tmp/out" "sample/first: already linked to 'Migration deadline'"
run story link fine-title sample/second
run show sample/second --json
check "a card with two stories, in the order linked" json '[s["id"] for s in j["stories"]] == ["migration-deadline", "fine-title"]'
keep
run story unlink fine-title sample/second sample/first
check_rc "unlink a card it is linked to, and one it is not" 0
check "the one unlinked is said" has "$tmp/out" "Unlinked 'Fine title' from sample/second."
check "the other named, as link names one linked already" has "$tmp/out" "sample/first: not linked to 'Fine title'"
run show sample/second --json
check "unlinked" json '[s["id"] for s in j["stories"]] == ["migration-deadline"]'
run story unlink fine-title sample/second
check_rc "unlink again" 0
check "said" has "$tmp/out" "sample/second: not linked to 'Fine title'"
run story unlink fine-title NotACard
check_rc "a malformed DECK/CARD" 2

## show, list

run story show migration-deadline
check_rc "show" 0
check "its title and id" has_line "$tmp/out" "Migration deadline (migration-deadline)"
check "its cards and their fronts" has_line "$tmp/out" "  sample/second  What is the second card?"
check "its parts under their headings" sh -c 'grep -A1 -x "Action" "$1" | grep -qx "  I cut the scope."' sh "$tmp/out"
check "not rehearsed" has_line "$tmp/out" "Not rehearsed yet."
COLUMNS=100 run story list
check_rc "list" 0
check "a heading" has_line "$tmp/out" "STORY              CARDS PARTS REHEARSED  TITLE"
check "a story, its cards, parts and tags" has_line "$tmp/out" "migration-deadline     2   5/5 never      Migration deadline [deadline, pressure]"
check "another" has_line "$tmp/out" "fine-title             0   1/5 never      Fine title [a, b]"
run story list
check "a title cut to the terminal's width" has_line "$tmp/out" "migration-deadline     2   5/5 never      Migration deadline [deadline, pressur…"
run story list --json
check "list --json" json '[s["id"] for s in j] == ["fine-title", "migration-deadline"] and j[0]["missing"] == ["task", "action", "result", "reflection"] and j[1]["cards"] == 2'

## check

run story check migration-deadline
check_rc "a complete story" 0
check "its summary" has_line "$tmp/out" "migration-deadline: 28 words, 0 errors, 0 warnings"
run story check
check_rc "the whole bank, one story with gaps" 1
check "an empty part is an error" has "$tmp/err" "fine-title: error: the Task part is empty"
check "the Reflection is named as the part people skip" has "$tmp/err" "fine-title: error: the Reflection part is empty: it is the one people skip"
STORY_TEXT='Situation: s\nTask: t\nAction: We planned and we built it; we shipped. I watched.\nResult: Everyone was happy.\nReflection: r\n' \
    run story new "We story"
run story check "We story"
check_rc "warnings only" 0
check "we more than I" has "$tmp/err" "we-story: warning: the Action part says 'we' more often than 'I' (3 against 1)"
check "a result without a number" has "$tmp/err" "we-story: warning: the Result part has no number or measurable outcome"
python3 -c 'print("Title: Long\\nSituation: " + "word " * 301)' >"$tmp/long.txt"
STORY_TEXT="$(cat "$tmp/long.txt")" run story new "Long"
run story check long
check "too long to tell" has "$tmp/err" "long: warning: the story is 301 words long, about 2:00 to tell"
run story check nope
check_rc "an unknown story" 1

## matrix

run story matrix
check_rc "matrix" 0
check "practice cards only" hasnt "$tmp/out" "first"
check "the stories as columns, by title" has_line "$tmp/out" "  C  Migration deadline (1 card)"
check "a card with its stories marked" sh -c 'grep -x "  second \. \. x \." "$1"' sh "$tmp/out"
check "no gaps" has "$tmp/out" "Every card has a story."
run story matrix --json
check "matrix --json" json 'j["total"] == 1 and j["cards"][0]["stories"] == ["migration-deadline"] and [s["id"] for s in j["stories"]] == ["fine-title", "long", "migration-deadline", "we-story"]'
run story unlink migration-deadline sample/second
run story matrix sample
check "the gap" sh -c 'grep -A1 "1 card has no story yet" "$1" | grep -q "sample/second  What is the second card?"' sh "$tmp/out"
run story matrix nope
check_rc "an unknown deck" 1

# Leaned on too hard: one story for most of six practice cards.
printf 'deck: six\nkind: practice\ncards:\n' >"$tmp/six.yaml"
for i in 1 2 3 4 5 6; do
	printf '  - id: q%s\n    front: Question %s?\n    back: B.\n' $i $i >>"$tmp/six.yaml"
done
run import "$tmp/six.yaml"
run story link migration-deadline six/q1 six/q2 six/q3
run story matrix six
check "a story leaned on too hard" sh -c 'grep -A1 -x "Leaned on too hard, by more than a third of these cards:" "$1" | grep -q "Migration deadline (3 of 6 cards)"' sh "$tmp/out"
run story matrix six --json
check "matrix --json: overused" json '[s["id"] for s in j["stories"] if s["overused"]] == ["migration-deadline"]'
# More stories than columns A to Z: each card lists its stories' ids.
python3 - "$tmp/many.yaml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("stories:\n")
    for i in range(27):
        f.write("  - title: Story %02d\n    cards: [six/q%d]\n" % (i, 1 + i % 2))
PY
run story import "$tmp/many.yaml"
run story matrix six
check "too many stories for columns: the compact form" sh -c 'grep -x "  q1: migration-deadline story-00 story-02 .*" "$1"' sh "$tmp/out"
check "each story's id in the legend" has_line "$tmp/out" "  story-26  Story 26 (1 card)"

## notes that begin with a line like the file's own Title: line

printf 'stories:\n  - title: Old notes\n    notes: "Title: what I called it\\nTags: none\\nThe story, all of it."\n' \
    >"$tmp/notes.yaml"
run story import "$tmp/notes.yaml"
check_rc "a story whose notes begin with Title: and Tags: lines" 0
cat >"$tmp/append" <<'SH'
#!/bin/sh
sed -i 's/^Situation:$/Situation:\nThe launch./' "$1"
SH
chmod +x "$tmp/append"
VISUAL="$tmp/append" run story edit old-notes
check_rc "edited, a Situation written" 0
run story show old-notes --json
check "its title and tags are the file's own, its notes kept whole" json 'j["title"] == "Old notes" and j["tags"] == [] and j["notes"] == "Title: what I called it\nTags: none\nThe story, all of it." and j["situation"] == "The launch."'

## an id names its own story, whatever another's title spells

printf 'stories:\n  - title: Migration-Deadline\n    situation: Another.\n' \
    >"$tmp/spell.yaml"
run story import "$tmp/spell.yaml"
check_rc "a title that spells another story's id" 0
run story show migration-deadline --json
check "the id names its own story" json 'j["title"] == "Migration deadline"'
run story show Migration-Deadline --json
check "the title names the other" json 'j["id"] == "migration-deadline-2"'

## delete

keep
run_in 'n
' story delete long
check_rc "delete, not on a terminal: no question" 0
check "deleted" has "$tmp/out" "Deleted the story 'Long'."
run story show long
check_rc "gone" 1
run story delete migration-deadline --yes
check_rc "delete --yes" 0
run show six/q1 --json
check "its links went with it" json '"migration-deadline" not in [s["id"] for s in j["stories"]] and len(j["stories"]) == 14'

## usage

run story
check_rc "story alone" 2
check "says how to learn more" has "$tmp/err" "story: missing argument (see 'rehearse help story')"
run story frob
check_rc "an unknown subcommand" 2
check "named" has "$tmp/err" "story: unknown subcommand 'frob'"
run story link fine-title
check_rc "link without a card" 2
check "usage shown" has "$tmp/err" "story link: missing argument (usage: rehearse story link STORY DECK/CARD...)"
run story list --yes
check_rc "an option list does not take" 2
check "named" has "$tmp/err" "story list: option --yes does not apply to this command"
run story sample/first --json
check_rc "the card form takes no --json" 2
run story new --cram x
check_rc "an option story does not take at all" 2
run help story
check "help story: each synopsis" has_line "$tmp/out" "usage: rehearse story link|unlink STORY DECK/CARD..."

## terminal safety

STORY_TEXT="$(printf 'Situation: a \033]0;pwned\007 title \033[31mred\033[0m\\nTask: \302\233evil\\n')" \
    run story new "Escapes"
run story show escapes
check "no escape from a story reaches the terminal" python3 -c 'import sys; d = open(sys.argv[1], "rb").read(); sys.exit(0 if b"\x1b" not in d and b"\x07" not in d and b"\xc2\x9b" not in d else 1)' "$tmp/out"
check "they show as text" has "$tmp/out" "^[]0;pwned^G title ^[[31mred^[[0m"

done_testing
