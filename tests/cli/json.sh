#!/bin/sh
# json.sh: the --json outputs have the fields and types scripts rely on.
. "${top_srcdir:-.}/tests/setup"

write_deck "$tmp/deck.yaml"
run import "$tmp/deck.yaml"

run list --json --today 2026-06-01
check_rc "list --json" 0
check "list --json: deck fields" json 'set(j[0]) >= {"deck", "title", "language", "cards", "due_today", "new"}'
check "list --json: values" json 'j[0]["title"] == "Sample deck" and j[0]["language"] == "en" and j[0]["due_today"] == 0'

run show sample/first --json
check_rc "show --json" 0
check "show --json: fields" json 'set(j) >= {"deck", "id", "kind", "front", "reps", "interval", "ef", "due", "lapses", "leech", "suspended"}'
check "show --json: a new card" json 'j["due"] is None and j["reps"] == 0 and j["ef"] == 2.5 and j["leech"] is False and j["suspended"] is False'
check "show --json: kind from the deck" json 'j["kind"] == "recall"'
run show sample/second --json
check "show --json: kind from the card" json 'j["kind"] == "practice" and j["tags"] == ["story"]'

run --today 2026-06-01 grade sample/first 3
run --today 2026-06-02 list --json
check "due_today counts a due card" json 'j[0]["due_today"] == 1 and j[0]["new"] == 2'
run list sample --json
check "list DECK --json: an array of cards in deck order" json '[c["id"] for c in j] == ["first", "second", "third"]'
check "list DECK --json: schedule fields" json 'j[0]["due"] == "2026-06-02" and j[0]["interval"] == 1 and abs(j[0]["ef"] - 2.36) < 1e-9'

# Counts are per deck.
write_deck "$tmp/two.yaml"
sed -i 's/^deck: sample/deck: two/' "$tmp/two.yaml"
python3 - "$tmp/two.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
open(p, "w").write(s[:s.index("  - id: third")])
PY
run import "$tmp/two.yaml"
run --today 2026-06-02 list --json
check "each deck counts its own cards" json '[(d["deck"], d["cards"], d["new"], d["due_today"]) for d in j] == [("sample", 3, 2, 1), ("two", 2, 2, 0)]'

# Text with quotes, backslashes and control characters stays valid JSON.
cat >"$tmp/odd.yaml" <<'YAML'
deck: odd
cards:
  - id: quotes
    front: "She said \"no\" \\ then \t left\e[2J"
    back: "line one\nline two"
YAML
run import "$tmp/odd.yaml"
check_rc "import odd text" 0
run show odd/quotes --json
check "odd text round-trips through JSON" json 'j["front"] == "She said \"no\" \\ then \t left\x1b[2J" and j["back"] == "line one\nline two"'

done_testing
