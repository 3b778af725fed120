#!/bin/sh
# faults-legacy-v4-stories.sh: a database written by schema version 4, with a
# story for five cards (and for two that are gone), opens with every
# story in the story bank, linked to its card, its text byte for byte;
# cards, progress and the review log are untouched.
. "${top_srcdir:-.}/tests/setup"

load_sql "$top_srcdir/tests/data/schema-v4-stories.sql"
cp "$db" "$tmp/v4.db"

q() {
	python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchall())' "$@"
}

run --today 2026-11-05 show kept/one --json
check_rc "show a card of the version 4 database" 0
check "one: its progress" json 'j["reps"] == 0 and j["interval"] == 1 and j["lapses"] == 1 and j["due"] == "2026-11-03"'
check "one: its story, titled after its front" json 'j["stories"] == [{"id": "tell-me-about-a-deadline", "title": "Tell me about a deadline."}]'
check "the schema is version 7 or later" python3 -c 'import sqlite3, sys
sys.exit(0 if sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0] >= 7 else 1)' "$db"
check "the old story table is gone" test "$(q "$db" "SELECT count(*) FROM sqlite_master WHERE name IN ('story_v4')")" = "[(0,)]"

# Every old story, byte for byte, as the card's story; and each is its
# own story in the bank, linked to that card alone.
check "every story came through, byte for byte, linked to its card" \
    python3 - "$tmp/v4.db" "$REHEARSE" "$db" <<'PY'
import json, sqlite3, subprocess, sys
old, prog, db = sys.argv[1:]
rows = sqlite3.connect(old).execute("SELECT deck, card, text FROM story").fetchall()
bank = sqlite3.connect(db)
assert len(rows) == 7
assert bank.execute("SELECT count(*) FROM story").fetchone()[0] == 7
for deck, card, text in rows:
    links = bank.execute("SELECT story FROM story_link WHERE deck = ? AND card = ?", (deck, card)).fetchall()
    assert len(links) == 1, (deck, card)
    n = bank.execute("SELECT count(*) FROM story_link WHERE story = ?", links[0]).fetchone()[0]
    assert n == 1, (deck, card)
    if deck == "lost":
        continue  # no card to show it on: checked below
    out = subprocess.run([prog, "--db", db, "show", deck + "/" + card, "--json"],
                         capture_output=True, check=True).stdout
    assert json.loads(out)["story"] == text, (deck, card)
PY

# How each was taken in: split into its parts when it was written in
# them exactly, kept whole as notes otherwise.
cols="SELECT l.deck || '/' || l.card, t.title, t.slug, t.language, t.notes, t.situation, t.task, t.action, t.result, t.reflection, t.created_ms, t.updated_ms FROM story t JOIN story_link l ON l.story = t.id"
row() { q "$db" "$cols WHERE l.deck || '/' || l.card = '$1'"; }
check "one: its five parts" test "$(row kept/one)" = "[('kept/one', 'Tell me about a deadline.', 'tell-me-about-a-deadline', 'en', '', 'the launch slipped.', 'I had to ship on the day.', 'I cut the scope with the client.', 'live on time, 98% of orders fine.', 'plan a fallback earlier.', 1796514950768, 1796514950768)]"
check "two: free text, kept as notes, in its deck's language" test "$(row kept/two)" = "[('kept/two', 'What went wrong once?', 'what-went-wrong-once', 'en', 'My story, written with version 4.', '', '', '', '', '', 1796514950769, 1796514950769)]"
check "three: a title already taken gets a number; text not in canonical form kept whole" test "$(row kept/three)" = "[('kept/three', 'Tell me about a deadline. (2)', 'tell-me-about-a-deadline-2', 'en', 'Situation:\\n\\n  the same deadline, told twice\\n\\nResult: fine', '', '', '', '', '', 1796514950770, 1796514950770)]"
check "four: escapes kept in the text, byte for byte" test "$(q "$db" "SELECT hex(situation) FROM story WHERE title = 'Describe a conflict in your team.'")" = "$(q "$db" "SELECT hex('a quarrel' || char(27) || ']0;pwned' || char(7) || ' about the ' || char(27) || '[31mred' || char(27) || '[0m release.')")"
check "gone: the retired card keeps its story" test "$(row kept/gone)" = "[('kept/gone', 'A card that leaves the deck.', 'a-card-that-leaves-the-deck', 'en', 'A story for a card that left its deck.\\nSecond line.', '', '', '', '', '', 1796514950772, 1796514950772)]"
check "een: Dutch headings, a Dutch story" test "$(row nlkept/een)" = "[('nlkept/een', 'Vertel over een keer dat je onder druk stond.', 'vertel-over-een-keer-dat-je-onder-druk-stond', 'nl', '', 'de release liep uit.', 'ik moest op tijd leveren.', 'ik schrapte functies.', 'op tijd, 30% sneller.', 'eerder alarm slaan.', 1796514950773, 1796514950773)]"
check "lost: a deck never imported: titled DECK/CARD, the link kept" test "$(row lost/card)" = "[('lost/card', 'lost/card', 'lost-card', None, 'A story for a deck that was never imported.', '', '', '', '', '', 1796514950774, 1796514950774)]"

# The rest is as it was.
log="SELECT * FROM review ORDER BY id"
check "the logged reviews are unchanged" test "$(q "$db" "$log")" = "$(q "$tmp/v4.db" "$log")"
# The columns version 4 had; later versions add their own.
cards="SELECT deck, id, pos, kind, front, back, hint, example, tags, retired FROM card ORDER BY deck, pos"
check "the cards are unchanged" test "$(q "$db" "$cards")" = "$(q "$tmp/v4.db" "$cards")"
states="SELECT * FROM state ORDER BY deck, card"
check "the schedules are unchanged" test "$(q "$db" "$states")" = "$(q "$tmp/v4.db" "$states")"
check "integrity and foreign keys" test "$(q "$db" "PRAGMA integrity_check")$(q "$db" "PRAGMA foreign_key_check")" = "[('ok',)][]"

# contains FILE TEXT: TEXT, several lines of it maybe, is in FILE.
contains() {
	python3 -c 'import sys
sys.exit(0 if sys.argv[2] in open(sys.argv[1], encoding="utf-8").read() else 1)' "$1" "$2"
}
# A story kept whole as notes is shown whole where stories are told:
# the back of drill --stories, and :story in a drill of cards.
run_in '
5
' --today 2026-11-05 drill --stories --cram --limit 1
check_rc "rehearse a story kept as notes" 0
check "its back shows the notes" contains "$tmp/out" "Notes
  A story for a card that left its deck.
  Second line.
You took"
run_in '
0

:story
:quit
' --today 2026-11-05 drill kept --cram
check ":story shows the notes" contains "$tmp/out" "What went wrong once?
  My story, written with version 4.
"
check "nor hides them under empty parts" hasnt "$tmp/out" "(not written yet)"

# Stories from the old schema show safely, and can be edited.
run show kept/four
check_rc "show a card whose story holds escapes" 0
check "no escape reaches the terminal" python3 -c 'import sys; sys.exit(0 if b"\x1b" not in open(sys.argv[1], "rb").read() else 1)' "$tmp/out"
printf '#!/bin/sh\nexit 0\n' >"$tmp/editor"
chmod +x "$tmp/editor"
VISUAL="$tmp/editor" run story kept/one
check_rc "edit a migrated story" 0
check "an untouched file leaves it unchanged" has "$tmp/out" "Story unchanged."
three="$(row kept/three)"
VISUAL="$tmp/editor" run story kept/three
check_rc "edit a story kept whole as notes" 0
check "an untouched file says so" has "$tmp/out" "Story unchanged."
check "and leaves its notes as they were" test "$(row kept/three)" = "$three"
run show kept/one --json
check "still byte for byte" json 'j["story"] == "Situation: the launch slipped.\nTask: I had to ship on the day.\nAction: I cut the scope with the client.\nResult: live on time, 98% of orders fine.\nReflection: plan a fallback earlier."'

done_testing
