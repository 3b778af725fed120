#!/bin/sh
# reveal-fit.sh: every bundled card, revealed on an 80x24 terminal in
# either language, keeps its front in view: from the front's first line
# to the grade prompt at most 24 lines, counting the answer prompt a
# terminal shows and one line for the linked stories or the nudge to
# write one.  (Only the card's header may scroll away.)
. "${top_srcdir:-.}/tests/setup"

for lang in en nl; do
	set +e
	python3 -c 'print("\n5\n" * 400, end="")' |
	    COLUMNS=80 LOCPATH="$TEST_LOCPATH" LC_ALL=$([ $lang = nl ] &&
	    echo nl_NL.UTF-8 || echo C.UTF-8) rh --db "$tmp/$lang.db" \
	    --today 2026-07-01 drill --lang $lang --new 1000 --limit 1000 \
	    --in-order >"$tmp/$lang.out" 2>&1
	rc=$?
	set -e
	check_rc "$lang: every bundled card drilled" 0
	# Front, back, hint, notes and legend, as a pipe shows them.
	python3 - "$tmp/$lang.out" >"$tmp/$lang.fit" <<'PY'
import re, sys
rows, start, card = [], None, None
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    if re.match(r"\[[a-z0-9-]+ \d+/\d+\+? ", line):
        start, card = i, line.strip()
    elif start is not None and re.match(r"0 (blank|blanco) ", line):
        # + the answer prompt, the stories or nudge line, the grade prompt
        rows.append((i - start + 3, card))
        start = None
print(len(rows), max(rows)[0], max(rows)[1])
PY
	read -r n tallest card <"$tmp/$lang.fit"
	check "$lang: all the cards were revealed ($n)" test "$n" -ge 120
	check "$lang: the tallest reveal takes $tallest lines ($card)" \
	    test "$tallest" -le 24
done

done_testing
