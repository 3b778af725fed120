#!/bin/sh
# story-width.sh: what the story bank prints fits the terminal's width
# (COLUMNS), long ids and titles included; only a single word longer
# than the line may pass it.
. "${top_srcdir:-.}/tests/setup"

export COLUMNS=60
# Lines wider than $2 columns that hold more than one word: none.
fits() {
	python3 -c 'import sys, unicodedata
w = int(sys.argv[2])
def cols(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
bad = [l for l in open(sys.argv[1], encoding="utf-8").read().splitlines()
       if cols(l) > w and len(l.split()) > 1]
for l in bad:
    print("too wide (%d): %s" % (cols(l), l), file=sys.stderr)
sys.exit(1 if bad else 0)' "$1" "$2"
}

# Cards with long ids; thirty stories with long titles, too many for the
# grid; a card with no story, its id long too.
python3 - "$tmp/deck.yaml" "$tmp/bank.yaml" <<'PY'
import sys
card = "q%d-with-a-rather-long-card-identifier-here"
with open(sys.argv[1], "w") as f:
    f.write("deck: wide\nkind: practice\ncards:\n")
    for i in range(1, 7):
        f.write("  - id: %s\n    front: Tell me about a time you handled"
                " situation number %d under real pressure.\n    back: x\n"
                % (card % i, i))
    f.write("  - id: gap-card-with-a-very-long-identifier-that-goes-on\n"
            "    front: A question no story answers yet, and a long one.\n"
            "    back: x\n")
with open(sys.argv[2], "w") as f:
    f.write("stories:\n")
    for i in range(30):
        f.write("  - title: Tell me about a deadline you nearly missed at"
                " the end of the year, number %02d\n    situation: The launch slipped, and the"
                " client had promised the date to the board.\n"
                "    cards: [wide/%s, wide/%s]\n"
                % (i, card % (1 + i % 3), card % (4 + i % 2)))
PY
run import "$tmp/deck.yaml"
check_rc "a deck with long ids" 0
run story import "$tmp/bank.yaml"
check_rc "thirty stories with long titles" 0

run story list
check_rc "story list" 0
check "story list fits 60 columns" fits "$tmp/out" 60
check "an id too long for its column has a line of its own" \
    grep -qx "tell-me-about-a-deadline-you-nearly-2" "$tmp/out"

run story matrix
check_rc "story matrix, the compact form" 0
check "story matrix fits 60 columns" fits "$tmp/out" 60
check "a card's line goes on indented past the cards' ids" python3 -c '
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n\n")[1].splitlines()
cards = [l for l in lines if l.startswith("  ") and not l.startswith("   ")]
rest = [l for l in lines if l.startswith("   ")]
ok = all(re.match(r"  \S+:( |$)", l) for l in cards) and rest and \
    all(l.startswith("      ") for l in rest)
sys.exit(0 if ok else 1)' "$tmp/out"

run_in '
:story
:quit
' --today 2026-12-01 drill wide --cram
check_rc ":story in a drill" 0
check ":story fits 60 columns" fits "$tmp/out" 60
check "its title cut short" has "$tmp/out" "Tell me about a deadline you nearly missed at the end of th…"

done_testing
