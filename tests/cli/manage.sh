#!/bin/sh
# manage.sh: export, forget, suspend and stats.
. "${top_srcdir:-.}/tests/setup"

# Export: the deck comes back as YAML that imports to the same cards.
cat >"$tmp/odd.yaml" <<'YAML'
deck: odd
title: "Odd: text # with marks"
language: en
kind: practice
description: |
  Two lines
  of description.
tags: [x, y-z]
cards:
  - id: a
    front: "Quotes \" and 'single', colon: here, hash # there"
    back: |
      Line one
        indented line
      Line three
    hint: '~'
    tags: [t1]
  - id: b
    kind: recall
    front: "  leading spaces and trailing  "
    back: "ümlaut — dash, 日本語, emoji 🙂"
    example: "An example\nover two lines"
  - id: c
    front: "123"
    back: "yes"
YAML
run import "$tmp/odd.yaml"
run export odd
check_rc "export" 0
cp "$tmp/out" "$tmp/exported.yaml"
run lint "$tmp/exported.yaml"
check_rc "the export lints clean" 0
check "no warnings in the export" has "$tmp/out" ", 0 warnings"
rh --db "$tmp/copy.db" import "$tmp/exported.yaml" >/dev/null
for c in a b c; do
	run show odd/$c --json
	python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); [j.pop(k) for k in ("due",)]; print(json.dumps(j, sort_keys=True))' "$tmp/out" >"$tmp/orig.$c"
	set +e
	rh --db "$tmp/copy.db" show odd/$c --json >"$tmp/out"
	set -e
	python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); [j.pop(k) for k in ("due",)]; print(json.dumps(j, sort_keys=True))' "$tmp/out" >"$tmp/copy.$c"
	check "card $c round-trips through export" same_file "$tmp/orig.$c" "$tmp/copy.$c"
done
run list --json
cp "$tmp/out" "$tmp/orig.decks"
set +e
rh --db "$tmp/copy.db" list --json >"$tmp/copy.decks"
set -e
check "deck title and language round-trip" same_file "$tmp/orig.decks" "$tmp/copy.decks"
run export nosuch
check_rc "export of an unknown deck" 1

# --with-stories puts your story in as the card's example, under its title.
printf '#!/bin/sh\nprintf "Title: Own story\\nMy own story.\\n" >"$1"\n' \
    >"$tmp/editor"
chmod +x "$tmp/editor"
VISUAL="$tmp/editor" run story odd/a
check_rc "a story for odd/a" 0
run export odd --with-stories
check_rc "export --with-stories" 0
cp "$tmp/out" "$tmp/with-stories.yaml"
rh --db "$tmp/stories.db" import "$tmp/with-stories.yaml" >/dev/null
set +e
rh --db "$tmp/stories.db" show odd/a --json >"$tmp/out"
set -e
check "the story becomes the example, under its title" \
    json 'j["example"] == "Own story\nMy own story."'
run export odd
check "without the option it does not" hasnt "$tmp/out" "My own story."

# Forget: progress reset, log and stories kept.
write_deck "$tmp/deck.yaml"
run import "$tmp/deck.yaml"
run --today 2026-10-01 grade sample/first 5
run --today 2026-10-01 grade sample/second 4
run forget sample/first --yes
check_rc "forget one card" 0
check "one card reset" has "$tmp/out" "progress reset for 1 card"
run show sample/first --json
check "its progress is gone" json 'j["due"] is None and j["reps"] == 0'
run show sample/second --json
check "the other card keeps its progress" json 'j["reps"] == 1'
run_in '' forget sample
check_rc "forget a deck (not a terminal: no question)" 0
run show sample/second --json
check "the deck is reset" json 'j["due"] is None'
python3 - "$db" >"$tmp/log" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("select count(*) from review where mode = 'forget'").fetchone()[0],
      c.execute("select count(*) from review where mode = 'review'").fetchone()[0])
PY
check "the reviews and the resets are in the log" has "$tmp/log" "2 2"
run show odd/a --json
check "stories survive a forget elsewhere" json 'j["story"] == "My own story."'
run forget nosuch --yes
check_rc "forget an unknown deck" 1

# :suspend in a drill, and :undo of it.
run_in ':suspend
:quit
' --today 2026-10-02 drill sample
check "suspend is confirmed" has "$tmp/out" "Suspended sample/first"
run show sample/first --json
check "the card is suspended" json 'j["suspended"] is True'
run_in '' --today 2026-10-02 drill sample
check "a suspended card is not drilled" hasnt "$tmp/out" "first card"
run_in ':suspend
:undo
:quit
' --today 2026-10-02 drill sample
run show sample/second --json
check ":undo takes a suspension back" json 'j["suspended"] is False'

# suspend and unsuspend on the command line.
run show sample/first --json
check "before: first is suspended (from the drill above)" json 'j["suspended"] is True'
reps=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["reps"])' "$tmp/out")
run unsuspend sample/first sample/nosuch
check_rc "unsuspend with an unknown card" 1
check "the unknown card is named" has "$tmp/err" "sample/nosuch: no such card"
run show sample/first --json
check "an unknown card changes nothing" json 'j["suspended"] is True'
run unsuspend sample/first nonsense
check_rc "unsuspend with a malformed card" 2
run unsuspend sample/first sample/second
check_rc "unsuspend" 0
check "unsuspend says so" has "$tmp/out" "sample/first: drilled again, its progress as it was"
check "a card not suspended is said to be so" has "$tmp/out" "sample/second: not suspended"
run show sample/first --json
check "unsuspended, progress kept" json "j['suspended'] is False and j['reps'] == $reps"
run_in '' --today 2026-10-02 drill sample
check "an unsuspended card is drilled again" has "$tmp/out" "first card"
run suspend sample/first sample/third
check_rc "suspend" 0
check "suspend says so" has "$tmp/out" "sample/third: suspended"
run suspend sample/third
check "suspend twice" has "$tmp/out" "sample/third: already suspended"
run show sample/third --json
check "suspend sets it" json 'j["suspended"] is True'
run_in '' --today 2026-10-02 --cram drill sample
check "a card suspended by the command is not drilled, even with --cram" hasnt "$tmp/out" "third card"
run suspend
check_rc "suspend without a card" 2

# Stats, as JSON and as text.
rm -f "$db"
run import "$tmp/deck.yaml"
run --today 2026-10-01 stats --json
check "before any grade, every card counts, as new" json 'j["cards"] == {"total": 3, "new": 3, "learning": 0, "mature": 0, "leech": 0, "suspended": 0}'
for d in 01 02 03; do
	run --today 2026-10-$d grade sample/first 4
done
run --today 2026-10-03 grade sample/second 1
run --today 2026-10-03 stats --json
check_rc "stats --json" 0
check "card counts" json 'j["cards"] == {"total": 3, "new": 1, "learning": 2, "mature": 0, "leech": 0, "suspended": 0}'
check "14-day forecast" json 'len(j["forecast"]) == 14 and j["forecast"][0]["day"] == "2026-10-03" and j["forecast"][1]["due"] == 1'
check "30 days of reviews" json 'len(j["reviews"]) == 30 and [r["count"] for r in j["reviews"][-3:]] == [1, 1, 2]'
check "retention" json 'j["retention"]["young"] == {"reviews": 2, "passed": 2}'
check "streak of three days" json 'j["streak"] == 3'
run --today 2026-10-05 stats --json
check "the streak ends after a day off" json 'j["streak"] == 0'
run --today 2026-10-03 stats
check_rc "stats as text" 0
check "text has the card line" has "$tmp/out" "3 in all: 1 new, 2 learning"
check "text has Unicode bars" has "$tmp/out" "█"
LC_ALL=C run --today 2026-10-03 stats
check "ASCII bars without UTF-8" has "$tmp/out" "#"
check "no block characters without UTF-8" hasnt "$tmp/out" "█"
run stats nosuch
check_rc "stats of an unknown deck" 1

# First sightings are grades but not returns: the labels say which is
# which, so "2 in all" never meets "no reviews yet".
rm -f "$db"
run import "$tmp/deck.yaml"
run --today 2026-10-01 grade sample/first 4
run --today 2026-10-01 grade sample/second 4
run --today 2026-10-01 stats
check "grades given count first sightings, and say so" has "$tmp/out" "2 in all (first sightings too)"
check "recall counts cards that came back, and says so" has "$tmp/out" "Recall when cards came back"
check "no card came back yet, said as such" has "$tmp/out" "learning no card came back yet"
check "no bare 'no reviews yet' beside the count of grades" hasnt "$tmp/out" "no reviews yet"

done_testing
