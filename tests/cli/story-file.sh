#!/bin/sh
# story-file.sh: the story bank as a YAML file: import merges by title in
# one transaction, keeps links to cards not imported yet, and refuses
# every bad file in tests/data/stories/bad with its expected diagnostics;
# export writes what import reads back, whole, and private.
. "${top_srcdir:-.}/tests/setup"

data="$top_srcdir/tests/data/stories"
write_deck "$tmp/deck.yaml"
run import "$tmp/deck.yaml"

## import

(cd "$data" && rh --db "$db" story import bank.yaml) >"$tmp/out" 2>"$tmp/err" && rc=0 || rc=$?
check_rc "import a story bank" 0
check "its summary" has "$tmp/out" "bank.yaml: 3 stories (3 new, 0 changed, 0 unchanged), 4 links to cards (4 new)"
check "a link to a card not imported yet is reported" has "$tmp/err" "bank.yaml:18:28: warning: no card later/card (yet): the link is kept for when its deck is imported"
run story show migration-deadline --json
check "the parts, a literal block trimmed" json 'j["action"] == "I listed what we truly needed on day one and moved two features to a\nsecond release. I set up a daily fifteen-minute check-in." and j["tags"] == ["deadline", "pressure"]'
check "the cards, in the file's order" json '[(c["deck"], c["id"], c["found"]) for c in j["linked"]] == [("sample", "second", True), ("sample", "first", True)]'
run story show the-quarrel --json
check "the kept link" json '[(c["deck"], c["id"], c["found"]) for c in j["linked"]] == [("sample", "second", True), ("later", "card", False)]'
run story show druk --json
check "a Dutch story" json 'j["language"] == "nl" and j["text"].startswith("Situatie: De release liep uit.\nTaak: ")'
run story show the-quarrel
check "show says which card is not there" has "$tmp/out" "later/card  (no such card: its deck is not imported)"

# The kept link comes to life when its deck arrives.
printf 'deck: later\nkind: practice\ncards:\n  - id: card\n    front: Later?\n    back: Yes.\n' >"$tmp/later.yaml"
run import "$tmp/later.yaml"
run show later/card --json
check "the card has its story once its deck is imported" json '[s["id"] for s in j["stories"]] == ["the-quarrel"]'

# Merging by title: the file's text wins, schedule and other links stay.
cat >"$tmp/more.yaml" <<'YAML'
stories:
  - title: THE QUARREL
    situation: Two colleagues disagreed.
    result: We shipped a week later.
    cards: [sample/first]
  - title: Druk
    language: nl
    situation: De release liep uit.
    task: Ik moest op tijd leveren.
    action: Ik schrapte twee functies.
    result: Op tijd, en de helft sneller.
    reflection: Eerder alarm slaan.
  - title: New one
YAML
run story import "$tmp/more.yaml"
check_rc "a second import" 0
check "what it did" has "$tmp/out" "more.yaml: 3 stories (1 new, 1 changed, 1 unchanged), 1 link to a card (1 new)"
run story show the-quarrel --json
check "merged by title: the file's text and title" json 'j["title"] == "THE QUARREL" and j["situation"] == "Two colleagues disagreed." and j["action"] == "" and j["tags"] == []'
check "its links added to" json '[c["id"] for c in j["linked"]] == ["second", "card", "first"]'

# export --with-stories: a card's stories as its example, each under
# its title, in the order they were linked.
run export sample --with-stories
check_rc "export --with-stories" 0
cp "$tmp/out" "$tmp/with.yaml"
rh --db "$tmp/with.db" import "$tmp/with.yaml" >/dev/null
set +e
rh --db "$tmp/with.db" show sample/second --json >"$tmp/out"
set -e
check "two stories as the example" json 'j["example"] == "Migration deadline\nSituation: Two weeks before the launch, our payment supplier pulled out.\nTask: As project lead I had to keep the launch date.\nAction:\nI listed what we truly needed on day one and moved two features to a\nsecond release. I set up a daily fifteen-minute check-in.\nResult: We went live on the planned day; 98% of payments went through.\nReflection: I now ask for a fallback supplier at the start.\n\nTHE QUARREL\nSituation: Two colleagues disagreed.\nResult: We shipped a week later."'
rh --db "$tmp/with.db" show sample/third --json >"$tmp/out"
check "a card without a story keeps no example" json 'j["example"] is None'

## refusals: each bad file, its diagnostics, nothing changed

cp "$db" "$tmp/before.db"
for f in "$data"/bad/*.yaml; do
	name=$(basename "$f")
	set +e
	(cd "$data/bad" && rh --db "$db" story import "$name") >"$tmp/out" 2>"$tmp/err"
	rc=$?
	set -e
	check_rc "import $name" 1
	check "import $name: its diagnostics" same_file "$tmp/err" "${f%.yaml}.err"
	check "import $name: nothing printed on stdout" test ! -s "$tmp/out"
done
check "the database is unchanged by all of them" same_file "$db" "$tmp/before.db"

# A good story before an error in the same file goes in with nothing.
printf 'stories:\n  - title: Good one\n  - title: Bad one\n    colour: red\n' >"$tmp/half.yaml"
run story import "$tmp/half.yaml"
check_rc "a file with an error after a good story" 1
check "nothing of it is imported" same_file "$db" "$tmp/before.db"
run story import "$tmp/nothing.yaml"
check_rc "a missing file" 1
check "named" has "$tmp/err" "$tmp/nothing.yaml: error: cannot open: No such file or directory"
mkdir "$tmp/dir.yaml"
run story import "$tmp/dir.yaml"
check "a directory" has "$tmp/err" "$tmp/dir.yaml: error: is a directory"
python3 -c 'import sys; open(sys.argv[1], "w").write("stories:\n  - title: x\n    notes: " + "y" * (17 << 20) + "\n")' "$tmp/huge.yaml"
run story import "$tmp/huge.yaml"
check_rc "a file over 16 MiB" 1
check "refused for its size" has "$tmp/err" "file too large"
python3 -c 'import sys; open(sys.argv[1], "w").write("stories:\n  - title: x\n    notes: " + "y" * (2 << 20) + "\n")' "$tmp/long.yaml"
run story import "$tmp/long.yaml"
check "a value over 1 MiB" has "$tmp/err" "'notes' is longer than 1 MiB"
check "the database is still unchanged" same_file "$db" "$tmp/before.db"

## export

run story export
check_rc "export to standard output" 0
cp "$tmp/out" "$tmp/exported.yaml"
check "a comment says what it is" has "$tmp/exported.yaml" "# A rehearse story bank: 'rehearse story import FILE' reads it."
check "links as DECK/CARD" has "$tmp/exported.yaml" "cards: [sample/second, later/card, sample/first]"
run story export "$tmp/bank.yaml"
check_rc "export to a file" 0
check "the same text" same_file "$tmp/bank.yaml" "$tmp/exported.yaml"
check "private: mode 0600" test "$(stat -c %a "$tmp/bank.yaml")" = 600
check "no temporary file left" test "$(ls "$tmp" | grep -c '^bank.yaml')" -eq 1
run story export "$tmp/no-such-dir/bank.yaml"
check_rc "export where it cannot write" 1
check "said" has "$tmp/err" "$tmp/no-such-dir/bank.yaml: cannot write: No such file or directory"

# Into another database and out again: the same file.
rh --db "$tmp/copy.db" story import "$tmp/bank.yaml" >/dev/null 2>&1
rh --db "$tmp/copy.db" story export >"$tmp/again.yaml"
check "export, import, export: the same file" same_file "$tmp/again.yaml" "$tmp/exported.yaml"
rh --db "$tmp/copy.db" story list --json >"$tmp/a.json"
run story list --json
check "the same stories" python3 -c 'import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
strip = lambda l: [{k: v for k, v in s.items() if k != "cards"} for s in l]
sys.exit(0 if strip(a) == strip(b) else 1)' "$tmp/a.json" "$tmp/out"

# Odd text survives the trip: quotes, colons, hashes, leading blanks.
cat >"$tmp/odd.yaml" <<'YAML'
stories:
  - title: "Odd: text # with 'marks'"
    notes: "  indented notes"
    situation: "~"
    task: "- a dash"
    action: |
      Line one
        indented line
YAML
rh --db "$tmp/odd.db" story import "$tmp/odd.yaml" >/dev/null
rh --db "$tmp/odd.db" story export >"$tmp/odd-out.yaml"
rh --db "$tmp/odd2.db" story import "$tmp/odd-out.yaml" >/dev/null
rh --db "$tmp/odd.db" story show odd-text-with-marks --json >"$tmp/one.json"
rh --db "$tmp/odd2.db" story show odd-text-with-marks --json >"$tmp/out"
check "odd text round-trips" same_file "$tmp/one.json" "$tmp/out"
check "as it was written" json 'j["notes"] == "  indented notes" and j["situation"] == "~" and j["task"] == "- a dash" and j["action"] == "Line one\n  indented line"'

done_testing
