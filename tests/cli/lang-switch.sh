#!/bin/sh
# lang-switch.sh: drill --lang switches the bundled decks only when the
# drill goes on, and says so when a bundled file did not import.
. "${top_srcdir:-.}/tests/setup"

# langs: the languages of the decks in the database, one per line.
langs() {
	rh --db "$db" list --json | python3 -c 'import json, sys
for d in json.load(sys.stdin): print(d["language"])' | sort -u
}

run_in '' drill --lang en
check_rc "a first run in English" 0
check "the decks are English" test "$(langs)" = en

run drill --lang nl nosuchdeck
check_rc "--lang nl with an unknown deck" 1
check "the deck is named" has "$tmp/err" "nosuchdeck: no such deck"
check "nothing said of a switch" hasnt "$tmp/out" "Dutch"
check "the decks stay English" test "$(langs)" = en

run drill --lang nl --tag nope
check_rc "--lang nl with an unknown tag" 1
check "the tag is named" has "$tmp/err" "'nope'"
check "no switch said" hasnt "$tmp/out" "Dutch"
check "the decks still English" test "$(langs)" = en

# A bundled file that does not import: said, exit 1, the others switch.
mkdir -p "$tmp/decks"
cp -R "$top_srcdir/decks/en" "$top_srcdir/decks/nl" "$tmp/decks/"
chmod -R u+w "$tmp/decks"
echo 'deck: [broken' >"$tmp/decks/nl/closing.yaml"
set +e
REHEARSE_DECKS=$tmp/decks rh --db "$db" drill --lang nl </dev/null \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
check_rc "--lang nl with a broken bundled file" 1
check "the file's error is shown" has "$tmp/err" "closing.yaml"
check "the failure is counted" has "$tmp/err" "1 bundled deck could not be read, so it is not in Dutch; your progress is kept."
check "no claim that the decks are Dutch" hasnt "$tmp/out" "now in Dutch"

run_in '' drill --lang nl
check_rc "--lang nl with the decks whole" 0
check "the switch is said" has "$tmp/out" "Bundled decks now in Dutch; your progress is kept."
check "the decks are Dutch" test "$(langs)" = nl

done_testing
