#!/bin/sh
# new.sh: rehearse new DECK: a starter deck for a company, in English and
# Dutch, that lints and imports, and never writes over a file.
. "${top_srcdir:-.}/tests/setup"

work=$tmp/work
mkdir -p "$work"
# in_work ARGS...: rehearse run in $work, as run does.
in_work() {
	set +e
	(cd "$work" && rh --db "$db" "$@") >"$tmp/out" 2>"$tmp/err"
	rc=$?
	set -e
}

in_work new acme
check_rc "new acme" 0
check "acme.yaml is written in the current directory" test -f "$work/acme.yaml"
check "it says what to do next" has "$tmp/out" \
    "acme.yaml: written. Fill in the backs of its cards, then:"
check "the commands on lines of their own" grep -qx "  rehearse lint acme.yaml" "$tmp/out"
check "the deck id is the one given" grep -qx "deck: acme" "$work/acme.yaml"
check "English by default in the C locale" grep -qx "language: en" \
    "$work/acme.yaml"
check "a default title" grep -qx "title: Second interview at acme" \
    "$work/acme.yaml"
check "commented for the one who fills it in" \
    has "$work/acme.yaml" "#   2. Check the file:   rehearse lint acme.yaml"
for front in "latest quarterly figures" "news or product launch" \
    "vision of the CEO" "what is their background" \
    "Why do you want to work at this company" "Why this role"; do
	check "a card on: $front" has "$work/acme.yaml" "$front"
done
check "practice cards" test "$(grep -c 'kind: practice' "$work/acme.yaml")" -ge 3
check "two or three questions to ask" \
    test "$(grep -c 'kind: ask' "$work/acme.yaml")" -ge 2
run lint "$work/acme.yaml"
check_rc "it lints" 0
check "a warning for each back still to fill in" has "$tmp/out" \
    "deck acme, 12 cards, 5 warnings"
check "each at its back, by line and column" test "$(grep -c \
    "acme.yaml:[0-9]*:[0-9]*: warning: 'back' still holds the starter deck's placeholder (\"Write here ...\"): replace it with your own text" \
    "$tmp/err")" -eq 5
run import "$work/acme.yaml"
check_rc "it imports" 0
check "every card goes in" has "$tmp/out" "12 cards (12 new"
check "import warns too" test "$(grep -c "warning: 'back' still holds" \
    "$tmp/err")" -eq 5
sed 's/Write here[,:]/I found:/' "$work/acme.yaml" >"$tmp/filled.yaml"
run lint "$tmp/filled.yaml"
check "filled in, no warning" has "$tmp/out" "deck acme, 12 cards, 0 warnings"

# Never over an existing file, whatever it is.
cp "$work/acme.yaml" "$tmp/acme.before"
echo "# my notes" >>"$work/acme.yaml"
cp "$work/acme.yaml" "$tmp/acme.before"
in_work new acme
check_rc "new over an existing file" 1
check "says so" has "$tmp/err" \
    "rehearse: acme.yaml: already exists; 'rehearse new' never writes over a file"
check "the file is left alone" same_file "$work/acme.yaml" "$tmp/acme.before"
check "nothing on stdout" test ! -s "$tmp/out"
mkdir "$work/dir.yaml"
in_work new dir
check_rc "new over a directory" 1
ln -s "$tmp/elsewhere.yaml" "$work/link.yaml"
in_work new link
check_rc "new over a dangling symbolic link" 1
check "the link's target is not created" test ! -e "$tmp/elsewhere.yaml"

# Dutch: by --lang, or by the locale.
in_work new beta --lang nl
check_rc "new --lang nl" 0
check "Dutch cards" grep -qx "language: nl" "$work/beta.yaml"
check "Dutch comments" has "$work/beta.yaml" \
    "#   2. Controleer het bestand:   rehearse lint beta.yaml"
check "a Dutch default title" grep -qx "title: Tweede gesprek bij beta" \
    "$work/beta.yaml"
check "a Dutch front" has "$work/beta.yaml" \
    "front: Wat zeggen de laatste kwartaalcijfers van het bedrijf?"
run lint "$work/beta.yaml"
check_rc "the Dutch deck lints" 0
check "a warning for each back still to fill in" has "$tmp/out" \
    "deck beta, 12 cards, 5 warnings"
check "naming the Dutch placeholder" test "$(grep -c \
    "warning: 'back' still holds the starter deck's placeholder (\"Schrijf hier ...\")" \
    "$tmp/err")" -eq 5
run import "$work/beta.yaml"
check_rc "the Dutch deck imports" 0
set +e
(cd "$work" && LOCPATH="$TEST_LOCPATH" LC_ALL=nl_NL.UTF-8 rh new gamma) \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
check_rc "new in a Dutch locale" 0
check "the deck is Dutch" grep -qx "language: nl" "$work/gamma.yaml"
in_work new delta --lang en
check "--lang en" grep -qx "language: en" "$work/delta.yaml"

# A title of your own, quoted where YAML needs it.
in_work new epsilon --title 'Acme B.V.: "round 2" #data'
check_rc "new --title" 0
check "the title written as YAML" grep -qx \
    "title: 'Acme B.V.: \"round 2\" #data'" "$work/epsilon.yaml"
run import "$work/epsilon.yaml"
run list --json
check "it reads back as given" \
    json '[d["title"] for d in j if d["deck"] == "epsilon"] == ["Acme B.V.: \"round 2\" #data"]'

# The command line itself: exit 2, nothing written.
in_work new
check_rc "no deck id" 2
in_work new Acme
check_rc "an invalid deck id" 2
check "named" has "$tmp/err" "new: 'Acme' is not a deck id"
check "no file for it" test ! -e "$work/Acme.yaml"
in_work new ../escape
check_rc "a path is not a deck id" 2
check "nothing outside" test ! -e "$tmp/escape.yaml"
in_work new one two
check_rc "two deck ids" 2
in_work new zeta --kind ask
check_rc "an option new does not take" 2
in_work new zeta --title "$(printf 'caf\351')"
check_rc "a title that is not UTF-8" 2
check "no file then" test ! -e "$work/zeta.yaml"

# Only the starter's own words, up to their ':' or ',', are its placeholder.
cat >"$tmp/own.yaml" <<'YAML'
deck: own
cards:
  - id: one
    front: What do you write on the whiteboard?
    back: Write here the three steps, then explain them.
  - id: two
    front: Still to fill in?
    back: "Write here: the figures."
YAML
run lint "$tmp/own.yaml"
check "a back that only begins with the same words is not flagged" \
    hasnt "$tmp/err" "own.yaml:5:"
check "the starter's 'Write here:' is" has "$tmp/err" "own.yaml:8:11: warning: 'back' still holds the starter deck's placeholder"

done_testing
