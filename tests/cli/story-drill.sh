#!/bin/sh
# story-drill.sh: drill --stories: stories scheduled by SM-2 apart from
# cards, the day's first rehearsal moving the schedule, :undo, --cram,
# --new, --limit, --tag and DECK, and stats counting the rehearsals.
. "${top_srcdir:-.}/tests/setup"

write_deck "$tmp/deck.yaml"
run import "$tmp/deck.yaml"
cat >"$tmp/bank.yaml" <<'YAML'
stories:
  - title: One
    tags: [deadline]
    situation: S1.
    cards: [sample/second]
  - title: Two
    situation: S2.
  - title: Three
    tags: [deadline]
    situation: S3.
YAML
run story import "$tmp/bank.yaml"
check_rc "a bank of three" 0
sql() {
	python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchall())' "$db" "$1"
}

run_in '' --today 2026-09-01 drill --stories --new 0
check_rc "no new story allowed" 0
check "nothing to rehearse" has "$tmp/out" "No story to rehearse today."
rh --db "$tmp/empty.db" drill --stories </dev/null >"$tmp/out"
check "an empty bank says how to start one" has "$tmp/out" "No story to rehearse: 'rehearse story new TITLE' writes one."

# Day 1: new stories in the order written, at most --new.
run_in '
5

4
' --today 2026-09-01 drill --stories --new 2
check_rc "two new stories" 0
check "the oldest first" has "$tmp/out" "[story 1/2]
One"
check "graded 5, SM-2's first interval" has "$tmp/out" "Graded 5: next rehearsal 2026-09-02 (in 1 day)."
check "the summary" has "$tmp/out" "Session over: 2 rehearsed, 0 again later; next rehearsal due 2026-09-02."
check "cards are untouched" test "$(sql 'SELECT count(*) FROM review')" = "[(0,)]"
check "two rehearsals logged" test "$(sql 'SELECT count(*) FROM story_review')" = "[(2,)]"

# Counted against the day: without --new, the day's rest of 10.
run_in '
3
' --today 2026-09-01 drill --stories
check "the third is new today" has "$tmp/out" "1 story to rehearse."
check "a grade below 4 comes back" has "$tmp/out" "Graded 3: next rehearsal 2026-09-02 (in 1 day); again later this session."

# Day 2: SM-2 as for cards: 1, then 6 days, EF kept as a double.
run_in '
5

5

4
' --today 2026-09-02 drill --stories
check "three due" has "$tmp/out" "3 stories to rehearse."
check "the second interval is 6 days" has "$tmp/out" "Graded 5: next rehearsal 2026-09-08 (in 6 days)."
run story show one --json
check "its schedule" json 'j["reps"] == 2 and j["interval"] == 6 and j["ef"] == 2.7 and j["due"] == "2026-09-08" and j["rehearsals"] == 2 and j["last_rehearsed"] == "2026-09-02"'
run story show three --json
check "graded 3, then 5: its EF from both" json 'j["reps"] == 2 and j["interval"] == 6 and j["ef"] == 2.46 and j["lapses"] == 0'

# :undo takes the grade back and shows the story again.
run_in '
1
:undo

5
' --today 2026-09-08 drill --stories sample
check "undone" has "$tmp/out" "Undone: the story is back as it was."
check "shown again, then graded" has "$tmp/out" "Graded 5: next rehearsal 2026-09-24 (in 16 days)."
check "the undone rehearsal is gone from the log" test "$(sql "SELECT count(*) FROM story_review WHERE quality = 1")" = "[(0,)]"
run story show one --json
check "the schedule is the grade kept" json 'j["reps"] == 3 and j["interval"] == 16 and j["lapses"] == 0'

# --cram: every story (by title), schedule untouched.
run_in '
5

5

5
' --today 2026-09-08 drill --stories --cram
check "cram" has "$tmp/out" "3 stories to rehearse (cram: schedule untouched)."
check "logged, not scheduled" has "$tmp/out" "Graded 5: cram, schedule untouched."
run story show one --json
check "the schedule is as it was" json 'j["due"] == "2026-09-24" and j["interval"] == 16'

# --tag and DECK filter, --limit caps.
run_in '' --today 2026-09-30 drill --stories --tag deadline
check "--tag: the stories with that tag" has "$tmp/out" "2 stories to rehearse."
run_in '' --today 2026-09-30 drill --stories --tag deadlin
check_rc "--tag that no story has" 1
check "named, as for cards" has "$tmp/err" "no story has the tag 'deadlin' (see 'rehearse story list' for tags)"
check "and nothing else said" test ! -s "$tmp/out"
run_in '' --today 2026-09-30 drill --stories sample
check "DECK: the stories of its cards" has "$tmp/out" "1 story to rehearse."
run_in '' --today 2026-09-30 drill --stories --limit 1
check "--limit" has "$tmp/out" "1 story to rehearse."
run_in '' --today 2026-09-30 drill --stories nodeck
check_rc "an unknown deck" 1
run --today 2026-09-30 drill --stories --lang nl
check_rc "--lang does not apply" 2
check "said" has "$tmp/err" "drill --stories: option --lang does not apply to this command"

# stats counts them, apart from the cards.
run --today 2026-09-08 stats --json
check "stats --json: the stories" json 'j["stories"] == {"total": 3, "due": 2, "new": 0, "rehearsals": 10}'
run --today 2026-09-08 stats
check "stats: a line for them" has "$tmp/out" "Stories  3 in your bank: 2 due, 0 never rehearsed; 10 rehearsals in the last"
check "stats: wrapped to 80 columns under the text" grep -qx "  30 days" "$tmp/out"
run --today 2026-09-08 stats sample --json
check "stats DECK: the stories of its cards" json 'j["stories"]["total"] == 1'

done_testing
