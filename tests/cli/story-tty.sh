#!/bin/sh
# story-tty.sh: the story commands' questions on a terminal (story delete,
# a card with several stories), what they do through a pipe instead, and
# 'story DECK/CARD --story STORY'.
. "${top_srcdir:-.}/tests/setup"

write_deck "$tmp/deck.yaml"
run import "$tmp/deck.yaml"
cat >"$tmp/bank.yaml" <<'YAML'
stories:
  - title: First story
    situation: One.
    cards: [sample/second]
  - title: Second story
    situation: Two.
    cards: [sample/second]
  - title: Unlinked
    situation: Three.
YAML
run story import "$tmp/bank.yaml"
check_rc "three stories, two on one card" 0

# The editor stand-in: the file it was given, kept in seen.txt.
cat >"$tmp/editor" <<'SH'
#!/bin/sh
cp "$1" "$(dirname "$0")/seen.txt"
SH
chmod +x "$tmp/editor"
export VISUAL="$tmp/editor"

# tty ANSWER... -- ARGS...: rehearse in a pseudo-terminal, each ANSWER
# typed (then Enter; ^C: a Ctrl-C alone) once it asks ("[y/N] " or "? ");
# what the terminal showed in $tmp/out, the exit status in $rc.
tty() {
	set +e
	python3 - "$REHEARSE" "$db" "$@" >"$tmp/out" <<'PY'
import os, pty, select, sys
prog, db, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
cut = rest.index("--")
answers, args = rest[:cut], rest[cut + 1:]
pid, fd = pty.fork()
if pid == 0:
    os.execv(prog, [prog, "--db", db] + args)
out = b""
while True:
    if not select.select([fd], [], [], 10)[0]:
        out += b"\n[timed out]\n"
        os.kill(pid, 9)
        break
    try:
        data = os.read(fd, 4096)
    except OSError:
        break
    if not data:
        break
    out += data
    if answers and (out.endswith(b"] ") or out.endswith(b"? ")):
        a = answers.pop(0)
        os.write(fd, b"\x03" if a == "^C" else a.encode() + b"\n")
status = os.waitpid(pid, 0)[1]
sys.stdout.buffer.write(out.replace(b"\r\n", b"\n"))
sys.exit(os.waitstatus_to_exitcode(status))
PY
	rc=$?
	set -e
}
# contains FILE TEXT: TEXT, several lines of it maybe, is in FILE.
contains() {
	python3 -c 'import sys
sys.exit(0 if sys.argv[2] in open(sys.argv[1], encoding="utf-8").read() else 1)' "$1" "$2"
}
sql() {
	python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchall())' "$db" "$1"
}

## story delete asks on a terminal

tty n -- story delete first-story
check_rc "delete, answered no" 0
check "the question names the story, its cards and rehearsals" has "$tmp/out" \
    "Delete the story 'First story', linked to 1 card, with 0 rehearsals? [y/N] n"
check "no is no" has "$tmp/out" "Nothing changed."
check "still there" test "$(sql "SELECT count(*) FROM story WHERE slug = 'first-story'")" = "[(1,)]"
tty '' -- story delete first-story
check "Enter is no" has "$tmp/out" "Nothing changed."
tty ^C -- story delete first-story
check_rc "Ctrl-C at the question" 0
check "Ctrl-C is no, said on a line of its own" contains "$tmp/out" "[y/N] ^C
Nothing changed."
check "still there after Ctrl-C" test "$(sql "SELECT count(*) FROM story WHERE slug = 'first-story'")" = "[(1,)]"
COLUMNS=40 tty n -- story delete first-story
check "the question wraps between words at the terminal's width" contains "$tmp/out" "Delete the story 'First story', linked
to 1 card, with 0 rehearsals? [y/N] n"
tty y -- story delete unlinked
check_rc "delete, answered yes" 0
check "yes deletes" has "$tmp/out" "Deleted the story 'Unlinked'."
check "gone" test "$(sql "SELECT count(*) FROM story WHERE slug = 'unlinked'")" = "[(0,)]"
tty -- story delete first-story --yes
check "--yes asks nothing" hasnt "$tmp/out" "[y/N]"
check "and deletes" has "$tmp/out" "Deleted the story 'First story'."
run story import "$tmp/bank.yaml"

## a card with several stories

run story sample/second
check_rc "several stories through a pipe: nobody to ask" 1
check "it says how to name one" has "$tmp/err" \
    "sample/second has 2 stories: name one with --story STORY (see 'rehearse show sample/second')"
check "no editor ran" test ! -e "$tmp/seen.txt"
tty 2 -- story sample/second
check_rc "several stories on a terminal: it asks" 0
check "the choices, in the order linked (First story was linked again)" \
    contains "$tmp/out" "sample/second has 2 stories:
   1  Second story
   2  First story"
check "the question" has "$tmp/out" "Edit which (1-2, or a title; Enter for none)? 2"
check "the one chosen is edited" has "$tmp/seen.txt" "Title: First story"
check "untouched: unchanged" has "$tmp/out" "Story unchanged."
rm -f "$tmp/seen.txt"
tty '' -- story sample/second
check "Enter for none: no editor" test ! -e "$tmp/seen.txt"

## --story STORY

run story sample/second --story first-story
check_rc "--story names one of the card's stories" 0
check "that one is edited" has "$tmp/seen.txt" "Title: First story"
check "unchanged" has "$tmp/out" "Story unchanged."
run story sample/first --story "Second story"
check_rc "--story names a story the card has not" 0
check "it is linked to the card" has "$tmp/out" \
    "Story 'Second story' saved and linked to sample/first."
run show sample/first --json
check "linked" json '[s["id"] for s in j["stories"]] == ["second-story"]'
run story sample/first --story nosuch
check_rc "--story naming no story" 1

done_testing
