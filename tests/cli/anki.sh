#!/bin/sh
# anki.sh: export --format anki, and the round trip: convert reads the
# notes back to the same fronts and tags, each back holding the original.
. "${top_srcdir:-.}/tests/setup"

# A deck whose text has everything HTML, tabs and CSV quoting care about.
cat >"$tmp/awkward.yaml" <<'YAML'
deck: awkward
title: "Awkward: <tags> & \"quotes\""
kind: recall
tags: [deck-tag]
cards:
  - id: markup
    front: Is 1 < 2 && 3 > 2, "really"?
    back: "Yes.\tA tab,\nthen a new line; &amp; stays as typed."
    hint: Think <b>twice</b>.
    tags: [html, c++]
  - id: multi
    front: |
      A front
      on two lines?
    back: |
      First paragraph.

      Second paragraph, after a blank line.
    example: A model answer.
  - id: no-back
    kind: practice
    front: Why should we hire you?
  - id: hash
    front: "# not a comment, a front"
    back: "#1"
YAML
run import "$tmp/awkward.yaml"
check_rc "import the awkward deck" 0

run export awkward --format anki
check_rc "export --format anki" 0
cp "$tmp/out" "$tmp/awkward.txt"
printf '%s\n' '#separator:tab' '#html:true' '#notetype:Basic' \
    '#deck:Awkward: <tags> & "quotes"' '#tags:deck-tag' '#tags column:4' \
    '#guid column:1' >"$tmp/want"
head -7 "$tmp/awkward.txt" >"$tmp/head"
check "Anki's header lines, the deck's tags for every note" \
    same_file "$tmp/head" "$tmp/want"
check "one note a line" test "$(sed 1,7d "$tmp/awkward.txt" | wc -l)" -eq 4
check "four fields each" test "$(sed 1,7d "$tmp/awkward.txt" |
    awk -F '\t' 'NF != 4' | wc -l)" -eq 0
check "DECK/CARD as the guid" grep -q "^awkward/markup	" "$tmp/awkward.txt"
check "markup escaped, quotes as entities" has "$tmp/awkward.txt" \
    "Is 1 &lt; 2 &amp;&amp; 3 &gt; 2, &quot;really&quot;?"
check "tabs and line breaks as HTML" has "$tmp/awkward.txt" \
    "Yes.&#9;A tab,<br>then a new line; &amp;amp; stays as typed."
check "the hint on the back" has "$tmp/awkward.txt" \
    "<br><br><b>Hint</b><br>Think &lt;b&gt;twice&lt;/b&gt;."
check "the example answer too" has "$tmp/awkward.txt" \
    "<b>Example answer</b><br>A model answer."
check "tags separated by spaces" grep -q "	html c++\$" "$tmp/awkward.txt"
check "a front starting with # is not at the start of a line" \
    hasnt_line "$tmp/awkward.txt" "# not a comment, a front"

# The round trip, on the awkward deck, the bundled decks and the
# examples: convert gives the same ids, fronts and tags, and each back
# begins with the original back.
roundtrip() {
	deck=$1
	run export "$deck" --format anki
	check_rc "$deck: export --format anki" 0
	cp "$tmp/out" "$tmp/$deck.txt"
	run convert --deck "rt-$deck" "$tmp/$deck.txt"
	check_rc "$deck: convert reads it back" 0
	check "$deck: without a message" test ! -s "$tmp/err"
	cp "$tmp/out" "$tmp/rt-$deck.yaml"
	run lint "$tmp/rt-$deck.yaml"
	check_rc "$deck: what convert wrote lints" 0
	# The hint and the example answer come back inside the back, which
	# may then be taller than a screen: that warning, and no other.
	tall=$(grep -c ": warning: 'back' and 'hint' take " "$tmp/err" || :)
	check "$deck: what convert wrote lints clean but for tall cards" \
	    has "$tmp/out" ", $tall warning"
	check "$deck: every message is a tall card's" \
	    test "$(wc -l <"$tmp/err")" -eq "$tall"
	run import "$tmp/rt-$deck.yaml"
	check_rc "$deck: and imports" 0
	run list "$deck" --json
	cp "$tmp/out" "$tmp/a.json"
	run list "rt-$deck" --json
	cp "$tmp/out" "$tmp/b.json"
	python3 - "$tmp/a.json" "$tmp/b.json" >"$tmp/diff" <<'PY'
import json, re, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
b = json.load(open(sys.argv[2], encoding="utf-8"))
def norm(s):
    lines = [l.rstrip() for l in (s or "").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
if len(a) != len(b):
    print("cards:", len(a), len(b))
for x, y in zip(a, b):
    if x["id"] != y["id"]:
        print("id:", x["id"], y["id"])
    if norm(x["front"]) != norm(y["front"]):
        print("front:", repr(x["front"]), repr(y["front"]))
    if sorted(x.get("tags") or []) != sorted(y.get("tags") or []):
        print("tags:", x["id"], x.get("tags"), y.get("tags"))
    if not norm(y["back"]).startswith(norm(x["back"])):
        print("back:", x["id"], repr(x["back"]), repr(y["back"]))
print(len(a), "cards compared")
PY
	if [ "$(wc -l <"$tmp/diff")" -eq 1 ] &&
	    grep -qx "[1-9][0-9]* cards compared" "$tmp/diff"; then
		ok "$deck: same ids, fronts and tags, backs kept"
	else
		not_ok "$deck: same ids, fronts and tags, backs kept"
		sed 's/^/# /' "$tmp/diff" | head -5
	fi
}
roundtrip awkward
check "the title comes back" grep -qx \
    "title: 'Awkward: <tags> & \"quotes\"'" "$tmp/rt-awkward.yaml"
check "the deck's tags come back as the deck's" grep -qx \
    "tags: \[deck-tag\]" "$tmp/rt-awkward.yaml"
check "not as each card's" test "$(grep -c deck-tag "$tmp/rt-awkward.yaml")" -eq 1
# The bundled decks of each language, in a database of their own (the
# English and the Dutch ones share their deck ids).
for lang in en nl; do
	db_save=$db
	db=$tmp/$lang.db
	for f in "$top_srcdir"/decks/$lang/*.yaml; do
		run import "$f"
		roundtrip "$(sed -n 's/^deck: *//p' "$f")"
	done
	db=$db_save
done
run import "$top_srcdir/contrib/example-company.en.yaml"
roundtrip example-company

# Stories go on the back with --with-stories only.
cat >"$tmp/editor" <<'SH'
#!/bin/sh
printf 'Situation: the <big> launch.\n' >"$1"
SH
chmod +x "$tmp/editor"
VISUAL=$tmp/editor run story awkward/markup
check_rc "a story for a card" 0
run export awkward --format anki
check "no story without --with-stories" hasnt "$tmp/out" "Your stor"
run export awkward --format anki --with-stories
check "the card's stories, under their titles, with --with-stories" \
    grep -q "<b>Your stories</b><br>[^<]*<br>Situation: the &lt;big&gt; launch." "$tmp/out"

# yaml stays the default; other formats and decks are refused.
run export awkward
cp "$tmp/out" "$tmp/default.yaml"
run export awkward --format yaml
check_rc "export --format yaml" 0
check "is the default" same_file "$tmp/out" "$tmp/default.yaml"
run export awkward --format md
check_rc "export --format md" 2
check "says which formats there are" has "$tmp/err" \
    "--format: 'md' is not a format export writes (yaml, anki)"
run export nosuch --format anki
check_rc "an unknown deck" 1
check "named" has "$tmp/err" "nosuch: no such deck"
check "and nothing written" test ! -s "$tmp/out"

done_testing
