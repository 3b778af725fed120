#!/bin/sh
# convert.sh: rehearse convert: Markdown, CSV/TSV and Anki text samples
# into decks that lint clean, options, and bad input.
. "${top_srcdir:-.}/tests/setup"

data=$top_srcdir/tests/data/convert

# Each sample NAME.EXT against its expected NAME.yaml (and NAME.err),
# converted from the data directory so messages name the file alone.
for f in "$data"/*.md "$data"/*.csv "$data"/*.tsv "$data"/*.txt; do
	name=$(basename "$f")
	base=${name%.*}
	set +e
	(cd "$data" && rh convert "$name") >"$tmp/out" 2>"$tmp/err"
	rc=$?
	set -e
	check_rc "convert $name" 0
	check "$name: the deck expected" same_file "$tmp/out" "$data/$base.yaml"
	if [ -f "$data/$base.err" ]; then
		check "$name: the warnings expected" same_file "$tmp/err" \
		    "$data/$base.err"
	else
		check "$name: no message" test ! -s "$tmp/err"
	fi
	cp "$tmp/out" "$tmp/$base.yaml"
	run lint "$tmp/$base.yaml"
	check_rc "$name: its deck lints" 0
	check "$name: with no warning" has "$tmp/out" ", 0 warnings"
	check "$name: lint says nothing else" test ! -s "$tmp/err"
done

# Hundreds of questions under a few headings: all of them, in order,
# none twice, each tagged with its section.
run import "$tmp/question-bank.yaml"
check_rc "the question bank imports" 0
run list question-bank --json
python3 - "$data/question-bank.md" "$tmp/out" <<'PY' >"$tmp/count"
import json, re, sys
want = []
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"(?:- |\d+\. )(.*)", line.rstrip("\n"))
    if m:
        want.append(m.group(1))
got = [c["front"] for c in json.load(open(sys.argv[2], encoding="utf-8"))]
print(len(want), len(got), len(set(got)), want == got)
PY
check "question bank: 300 questions, in order, none twice" \
    test "$(cat "$tmp/count")" = "300 300 300 True"
check "question bank: sections are tags, emoji dropped" \
    has "$tmp/question-bank.yaml" "tags: [technical-sql-data]"
check "question bank: the one top heading is the title" \
    has "$tmp/question-bank.yaml" "title: Interview question bank"
check "question bank: nested items are the back" \
    has "$tmp/question-bank.yaml" "- think of a concrete example first"

# The same list again gives the same ids: a re-import keeps progress.
run convert "$data/interview-questions.md"
cp "$tmp/out" "$tmp/again.yaml"
run convert "$data/interview-questions.md"
check "converting twice gives the same deck" same_file "$tmp/out" \
    "$tmp/again.yaml"
check "ids are derived from the front as the deck loader does" \
    has "$tmp/out" "id: tell-me-about-yourself-864094"

# Questions without an answer are practice cards without a back; they
# import, show and drill.
run import "$tmp/again.yaml"
check_rc "the converted deck imports" 0
check "14 cards went in" has "$tmp/out" "14 cards (14 new"
run show interview-questions/tell-me-about-yourself-864094
check_rc "show a card without a back" 0
check "no Back heading for it" hasnt "$tmp/out" "Back"
run_in "$(printf '\n5\n\n4\n:quit\n')" --today 2026-03-01 drill \
    interview-questions
check_rc "drill it" 0
check "the front is shown" has "$tmp/out" "Tell me about yourself."
check "then straight to the grade" has "$tmp/out" "Graded 5"
check "a card with nested items shows them as guidance" \
    has "$tmp/out" "  - Growth: no room to grow into a senior role"
run export interview-questions
check "export leaves the missing back out" \
    sh -c '! grep -A2 "front: Tell me about yourself." "$1" | grep -q back:' \
    sh "$tmp/out"
check "export gives back the converted file" same_file "$tmp/out" \
    "$tmp/again.yaml"

# Without a back, the reveal shows the card's hint, under no empty
# heading of a back.
printf 'front,back,hint\nWhy this company?,,Their product and their mission\n' \
    >"$tmp/hinted.csv"
run convert "$tmp/hinted.csv"
cp "$tmp/out" "$tmp/hinted.yaml"
run import "$tmp/hinted.yaml"
check_rc "a practice card with a hint and no back imports" 0
run_in "$(printf '\n4\n:quit\n')" --today 2026-03-01 drill hinted
check_rc "drill it" 0
check "the reveal shows the hint" has "$tmp/out" \
    "Their product and their mission"
check "under its heading" grep -qx "Hint" "$tmp/out"
check "with no heading of a back" sh -c \
    '! grep -Eqx "Guidance|Answer" "$1"' sh "$tmp/out"
check "then the grade" has "$tmp/out" "Graded 4"

# The deck format: a practice card may leave out its back, by its own
# kind or the deck's given before the cards; other cards may not.
printf '%s\n' 'deck: nb' 'kind: practice' 'cards:' '  - id: a' \
    '    front: Why us?' '  - id: b' '    kind: recall' '    front: When?' \
    '    back: ""' '  - id: c' '    kind: practice' '    front: How?' \
    '    back: ~' >"$tmp/nb.yaml"
run lint "$tmp/nb.yaml"
check_rc "a recall card without a back is still an error" 1
check "named as before" has "$tmp/err" "nb.yaml:9:11: error: empty 'back'"
check "the practice cards pass" test "$(grep -c error "$tmp/err")" -eq 1
printf '%s\n' 'deck: late' 'cards:' '  - id: a' '    front: Why us?' \
    'kind: practice' >"$tmp/late.yaml"
run lint "$tmp/late.yaml"
check "the deck's kind after the cards is too late" has "$tmp/err" \
    "late.yaml:3:5: error: card has no 'back'"

# Options: deck id, title, language, kind and format.
run convert --deck acme-qs --title "Acme: round 2" --lang nl \
    --kind recall "$data/excel-nl.csv"
check_rc "convert with every option" 0
check "--deck" has "$tmp/out" "deck: acme-qs"
check "--title, quoted where YAML needs it" has "$tmp/out" \
    "title: 'Acme: round 2'"
check "--lang" has "$tmp/out" "language: nl"
check "--kind" has "$tmp/out" "kind: recall"
cp "$data/excel-nl.csv" "$tmp/list.txt"
run convert --format csv "$tmp/list.txt"
check_rc "--format csv on a .txt" 0
check "read as CSV" has "$tmp/out" "front: Wat is churn?"
check "the deck id from the file name" has "$tmp/out" "deck: list"
printf 'Question\tAnswer\nWhat is a KPI?\tA key performance indicator.\n' \
    >"$tmp/tab.txt"
run convert "$tmp/tab.txt"
check_rc "a .txt with a header row" 0
check "reads as TSV, not as Anki notes" has "$tmp/out" "front: What is a KPI?"
check "the header row is not a card" hasnt "$tmp/out" "front: Question"
printf '#separator:tab\n#html:true\nWhat is a KPI?\tA key figure.\n' \
    >"$tmp/notes.csv"
run convert "$tmp/notes.csv"
check_rc "Anki notes saved as .csv" 0
check "read as Anki notes: its header lines win over the name" \
    has "$tmp/out" "back: A key figure."
printf '%s\n' '- What is your notice period?' >"$tmp/My Notes (v2).txt"
run convert "$tmp/My Notes (v2).txt"
check_rc "a .txt list without tabs reads as Markdown" 0
check "an id from an awkward file name" has "$tmp/out" "deck: my-notes-v2"
run convert --kind ask "$data/flashcards.csv"
check "a card without a back stays practice under --kind ask" \
    sh -c 'grep -B1 "front: Why do you want this job?" "$1" |
        grep -q "kind: practice"' sh "$tmp/out"

# Bad input: FILE:LINE: errors, nothing on stdout, exit 1.
bad() {
	desc=$1 file=$2 msg=$3
	shift 3
	run convert "$@" "$file"
	check_rc "$desc" 1
	check "$desc: no output" test ! -s "$tmp/out"
	check "$desc: says where and why" has "$tmp/err" "$msg"
}
: >"$tmp/empty.md"
bad "an empty file" "$tmp/empty.md" "$tmp/empty.md:1: error: empty file"
printf '\n  \r\n' >"$tmp/blank.csv"
bad "a file of blank lines" "$tmp/blank.csv" "$tmp/blank.csv:1: error: empty file"
printf 'name,answer\nWhat?,This.\n' >"$tmp/nofront.csv"
bad "a CSV without a front column" "$tmp/nofront.csv" \
    "$tmp/nofront.csv:1: error: no 'front' column"
printf 'front,back\nOne?,1\n"Two?,2\nThree?,3\n' >"$tmp/unclosed.csv"
bad "an unclosed quote" "$tmp/unclosed.csv" \
    "$tmp/unclosed.csv:3: error: a quoted field is not closed"
printf 'front,back\n"One"?,1\n' >"$tmp/after.csv"
bad "text after a closing quote" "$tmp/after.csv" \
    "$tmp/after.csv:2: error: text after the closing quote"
printf 'front,back,kind\nOne?,1,quiz\n' >"$tmp/kind.csv"
bad "an unknown kind" "$tmp/kind.csv" \
    "$tmp/kind.csv:2: error: unknown kind 'quiz'"
printf '\177ELF\002\001\001\000\000\000' >"$tmp/binary.md"
bad "a binary file" "$tmp/binary.md" "$tmp/binary.md:1: error: byte 0x7f: a binary file"
printf -- '- One?\n- Two\000?\n' >"$tmp/nul.md"
bad "a NUL byte" "$tmp/nul.md" "$tmp/nul.md:2: error: byte 0x00"
printf 'front,back\nWhat is a caf\351?,A place\n' >"$tmp/latin1.csv"
bad "Latin-1, not UTF-8" "$tmp/latin1.csv" \
    "$tmp/latin1.csv:2: error: invalid UTF-8 (byte 0xe9)"
printf '# Notes\n\nJust some text.\n\n- a link: [x](y)\n' >"$tmp/none.md"
bad "Markdown without questions" "$tmp/none.md" \
    "$tmp/none.md: error: no questions found"
printf 'front,back\n' >"$tmp/header.csv"
bad "a CSV with only its header" "$tmp/header.csv" \
    "$tmp/header.csv: error: no cards found"
printf '#separator:tab\n#html:true\n' >"$tmp/notes.txt"
bad "an Anki export without notes" "$tmp/notes.txt" \
    "$tmp/notes.txt: error: no notes found"
printf '#separator:nonsense\nA\tB\n' >"$tmp/sep.txt"
bad "an unknown Anki separator" "$tmp/sep.txt" \
    "$tmp/sep.txt:1: error: '#separator:' cannot be 'nonsense'"
bad "a missing file" "$tmp/missing.md" \
    "$tmp/missing.md: error: cannot open: No such file or directory"
bad "a directory" "$tmp" "$tmp: error: is a directory"
python3 - "$tmp/long.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("front,back\nWhat?," + "x" * (1024 * 1024 + 1) + "\n")
PY
bad "a field too long for a deck" "$tmp/long.csv" \
    "$tmp/long.csv:2: error: 'back' too long"

# An interviewer's requests are questions too, and a <details> item
# asks its <summary>; what is still left out is counted in one warning,
# and --all takes it.
cat >"$tmp/common.md" <<'MD'
## Common questions

- Introduce yourself.
- Sell me this pen.
- Name three of your strengths.
- List your biggest achievements.
- Your greatest weakness
- Rate yourself on SQL from 1 to 10.
- Convince me to hire you.
- Prove that you can lead a team.
- <details><summary>What is the event loop?</summary>
  It runs callbacks when the stack is empty.
  </details>
- Behavioural:
  - Walk me through a project you led.
- Strengths and weaknesses
MD
run convert "$tmp/common.md"
check_rc "requests and summaries" 0
check "requests are cards" test "$(grep -c '^  front: ' "$tmp/out")" -eq 9
check "a summary is the question" has "$tmp/out" \
    "front: What is the event loop?"
check "what the details hold the back" has "$tmp/out" \
    "back: It runs callbacks when the stack is empty."
check "one warning counts the items left out, at the first" \
    test "$(cat "$tmp/err")" = "$tmp/common.md:7: warning: 2 list items do not read as questions and were left out (the first here); --all takes every item"
run convert --all "$tmp/common.md"
check_rc "--all" 0
check "--all takes every item" test "$(grep -c '^  front: ' "$tmp/out")" -eq 11
check "a label over questions is still not a card" hasnt "$tmp/out" \
    "front: 'Behavioural:'"
check "--all: no warning" test ! -s "$tmp/err"

# Indented four spaces outside a list is code (or a paragraph's text),
# not a list; indented under an item, it is a nested item still.
printf '%s\n' 'Some code:' '' '    - What is this code?' '    - Why?' '' \
    '- What is real?' '' '    - nested guidance' '- How?' '  - two' \
    '    - four' >"$tmp/code.md"
run convert "$tmp/code.md"
check_rc "indented code" 0
check "an indented code block gives no card" hasnt "$tmp/out" "code?"
check "nor its other lines" hasnt "$tmp/out" "front: Why?"
check "items nested four spaces under a question are its back" \
    has "$tmp/out" "back: '- nested guidance'"
check "nested two and four deep too" has "$tmp/out" "    - four"

# HTML 4's named entities, not only a handful; unknown ones stay text.
printf -- '- Is caf&eacute; &rarr; &times; &laquo;&Uuml;&raquo; &trade; &divide; &bogus; &amp?\n' \
    >"$tmp/entities.md"
run convert "$tmp/entities.md"
check_rc "entities" 0
check "decoded: Latin-1, arrows, quotes, symbols" has "$tmp/out" \
    "front: Is café → × «Ü» ™ ÷ &bogus; &amp?"

# An autolink keeps its address as its text.
printf -- '- See <https://example.com/faq?q=1> — what does it say?\n- Why mail <jobs@acme.example>?\n' \
    >"$tmp/autolink.md"
run convert "$tmp/autolink.md"
check_rc "autolinks" 0
check "a URL in angle brackets stays" has "$tmp/out" \
    "front: See https://example.com/faq?q=1 — what does it say?"
check "an address in angle brackets stays" has "$tmp/out" \
    "front: Why mail jobs@acme.example?"

# Duplicates are skipped with a warning, the rest still comes out.
printf '%s\n' '- Why us?' '- Why us?' '- Why now?' >"$tmp/dup.md"
run convert "$tmp/dup.md"
check_rc "duplicates are only warnings" 0
check "the duplicate is named" has "$tmp/err" \
    "$tmp/dup.md:2: warning: duplicate card id 'why-us-"
check "two cards come out" test "$(grep -c '^- id:' "$tmp/out")" -eq 2

# The command line itself: exit 2.
run convert
check_rc "no file" 2
run convert a.md b.md
check_rc "two files" 2
run convert --format xml "$data/sql.tsv"
check_rc "an unknown format" 2
check "the format is named" has "$tmp/err" "--format: 'xml' is not a format"
run convert --deck "Not An Id" "$data/sql.tsv"
check_rc "an invalid deck id" 2
run convert --kind quiz "$data/sql.tsv"
check_rc "an unknown kind" 2
run convert --lang fr "$data/sql.tsv"
check_rc "a language other than en and nl" 2
run convert --title "" "$data/sql.tsv"
check_rc "an empty title" 2
run list --deck x
check_rc "--deck with another command" 2

# Characters past U+FFFF (emoji) come out as themselves, not as \U
# escapes, in any quoting; so does a noncharacter, which the emitter's
# stand-ins must not be mistaken for; export writes them the same way.
printf -- '- Why do you \360\237\222\226 this job?\n- "Quoted": why \360\237\232\200 now?\n- Odd: \360\235\224\230 and \357\267\220 here?\n' \
    >"$tmp/emoji.md"
run convert "$tmp/emoji.md" --deck emoji
check_rc "convert a list with emoji" 0
cp "$tmp/out" "$tmp/emoji.yaml"
check "no escapes in the deck" hasnt "$tmp/emoji.yaml" '\U'
check "an emoji as it was" has "$tmp/emoji.yaml" "front: Why do you $(printf '\360\237\222\226') this job?"
run import "$tmp/emoji.yaml"
check_rc "the deck imports" 0
run list emoji --json
check "every front reads back as written" json '[c["front"] for c in j] == ["Why do you \U0001F496 this job?", "\"Quoted\": why \U0001F680 now?", "Odd: \U0001D518 and \uFDD0 here?"]'
run export emoji
check_rc "export the deck" 0
check "export writes no escapes either" hasnt "$tmp/out" '\U'
check "and the noncharacter as it was" has "$tmp/out" "$(printf '\357\267\220')"

done_testing
