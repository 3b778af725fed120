#!/bin/sh
# nls.sh: with a Dutch locale the interface is Dutch (the drill, --help,
# list, stats, show, lint, a malformed command line), and the bundled
# decks follow it; in the C locale everything stays English.
. "${top_srcdir:-.}/tests/setup"

nl() {
	set +e
	LOCPATH="$TEST_LOCPATH" LC_ALL=nl_NL.UTF-8 rh --db "$db" "$@" \
	    >"$tmp/out" 2>"$tmp/err"
	rc=$?
	set -e
}
T="--today 2026-07-01"

set +e
printf '\n4\n\n:help\n\n2\n:stats\n' | LOCPATH="$TEST_LOCPATH" \
    LC_ALL=nl_NL.UTF-8 rh --db "$db" $T drill --new 2 >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
check_rc "a Dutch first session" 0
check "the welcome line is Dutch" has "$tmp/out" "Welkom bij rehearse: 7 meegeleverde stapels geïmporteerd (nl)."
check "the decks are the Dutch ones" has "$tmp/out" "Wat is het doel van de eerste ronde"
check "the card header names the kind in Dutch" has "$tmp/out" "[second-round 1/2 onthouden]"
check "the grade legend is Dutch" has "$tmp/out" "0 blanco  1 fout  2 bekend  3 moeite  4 aarzeling  5 vloeiend"
check "a grade is confirmed in Dutch, one day in the singular" has "$tmp/out" "Cijfer 4: volgende herhaling op 2026-07-02 (over 1 dag)."
check ":help is Dutch" has "$tmp/out" "0 blanco (niets paraat), 1 fout, 2 fout maar bekend"
# As many cards as the Dutch deck files hold.
ncards=$(cat "$top_srcdir"/decks/nl/*.yaml | grep -c '^  - id: ')
check ":stats is Dutch, in its short form" has "$tmp/out" "Kaarten: $ncards, waarvan"
check "the summary is Dutch" has "$tmp/out" "Sessie voorbij: 2 herhaald"
for w in Answer Graded Session "next review" Hint; do
	check "no English '$w' in the session" hasnt "$tmp/out" "$w"
done

nl --help
check_rc "--help in Dutch" 0
check "--help is Dutch" has "$tmp/out" "gebruik: rehearse"
nl $T list
check "list's headings are Dutch" has "$tmp/out" "STAPEL"
check "list's counts are there" has "$tmp/out" "KAARTEN"
nl $T stats
check "stats is Dutch" has "$tmp/out" "Onthouden bij terugkeer, laatste 30 dagen"
check "weekdays come from the locale" has "$tmp/out" "  wo  2026-07-01"
nl $T show second-round/aim
check_rc "show in Dutch" 0
check "show's EF has a decimal comma" grep -q "(EF) [0-9],[0-9][0-9]" "$tmp/out"
nl show x/y
check_rc "an unknown card" 1
check "its error is Dutch" has "$tmp/err" "x/y: deze kaart bestaat niet"
nl lint "$top_srcdir/tests/data/bad/several-errors.yaml"
check_rc "lint on a broken deck" 1
check "the position stays parseable, the words are Dutch" has "$tmp/err" "several-errors.yaml:4:5: fout: kaart heeft geen 'front'"
check "a warning-free plural: errors named in Dutch" has "$tmp/err" "kaart-id 'one' komt dubbel voor (eerst op regel 4)"
nl lint "$top_srcdir/tests/data/bad/warn-tall-card.yaml"
check_rc "lint on a deck with a card taller than a screen" 0
check "the height warning is Dutch" has "$tmp/err" "warn-tall-card.yaml:29:11: waarschuwing: 'back' en 'hint' beslaan 17 regels bij 76 kolommen"
printf 'deck: acme\ncards:\n  - id: a\n    front: x\n   back: y\n' >"$tmp/indent.yaml"
nl lint "$tmp/indent.yaml"
check_rc "lint on a deck libyaml refuses" 1
check "libyaml's own words come in Dutch too" has "$tmp/err" "indent.yaml:5:4: fout: de verwachte '-' ontbreekt bij het lezen van een lijst (vanaf regel 3)"
nl --new abc
check_rc "a malformed command line" 2
check "its error is Dutch" has "$tmp/err" "is geen aantal kaarten"

# A Dutch locale the system lacks (nl_ZZ exists nowhere; a fresh Debian
# install lacks nl_NL.UTF-8 too) still gives Dutch messages, as the
# decks are Dutch, in C.UTF-8's character set; a LANGUAGE of the user's
# own still wins.
set +e
(unset LOCPATH LANGUAGE; LC_ALL=nl_ZZ.UTF-8 rh --db "$db" show x/y) \
    2>"$tmp/err"
rc=$?
set -e
check_rc "an unknown card, in a locale the system lacks" 1
check "its error is Dutch all the same" has "$tmp/err" "x/y: deze kaart bestaat niet"
set +e
(unset LOCPATH; LANGUAGE=en LC_ALL=nl_ZZ.UTF-8 rh --db "$db" show x/y) \
    2>"$tmp/err"
set -e
check "the user's LANGUAGE=en wins" has "$tmp/err" "x/y: no such card"

# Weekday names follow the interface's language, not the locale's
# (which C.UTF-8 is then): Friday 2026-07-10, Wednesday 2026-07-01.
run $T interview 2026-07-10
set +e
(unset LOCPATH LANGUAGE; printf '\n4\n:quit\n' | LC_ALL=nl_ZZ.UTF-8 \
    rh --db "$db" $T drill --new 1) >"$tmp/out" 2>"$tmp/err"
set -e
check "readiness names the weekday in Dutch" has "$tmp/out" "Paraat voor vrijdag:"
set +e
(unset LOCPATH LANGUAGE; LC_ALL=nl_ZZ.UTF-8 rh --db "$db" $T stats) \
    >"$tmp/out" 2>"$tmp/err"
set -e
check "the forecast's weekdays are Dutch" grep -q '^  wo  2026-07-01 ' "$tmp/out"
run $T stats
check "the forecast's weekdays stay English in C" grep -q '^  Wed 2026-07-01 ' "$tmp/out"
run $T interview --clear

# The C locale: English, as always.
run $T show second-round/aim
check "the C locale stays English" has "$tmp/out" "EF 2."
run show x/y
check "C locale errors are English" has "$tmp/err" "x/y: no such card"

# At 80 columns the Dutch headings leave a front at least 25 characters
# (or all of it) in every bundled deck, a date in the DUE column too, and
# no row is wider than the terminal.
nl $T grade preparation/first-round-notes 4
: >"$tmp/rows"
for d in $(cd "$top_srcdir/decks/nl" && ls *.yaml | sed 's/\.yaml$//'); do
	COLUMNS=80 nl $T list "$d"
	check_rc "list $d in Dutch" 0
	tail -n +2 "$tmp/out" >>"$tmp/rows"
done
COLUMNS=80 nl $T list
cat "$tmp/out" >>"$tmp/rows"
check "Dutch list fits 80 columns, fronts show 25 characters or more" python3 -c '
import sys
rows = open(sys.argv[1], encoding="utf-8").read().splitlines()
bad = [r for r in rows if len(r) > 80]
# A card row ends in two blanks then the front, "\u2026" when cut.
short = [r for r in rows if r.endswith("\u2026") and len(r.rsplit("  ", 1)[-1]) < 26]
for r in bad + short:
    print("# " + r)
sys.exit(1 if bad or short or len(rows) < 60 else 0)' "$tmp/rows"

done_testing
