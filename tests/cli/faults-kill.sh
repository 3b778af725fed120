#!/bin/sh
# faults-kill.sh: a drill killed with SIGKILL at random moments loses no
# answer it confirmed, and leaves a sound database whose schedule is the
# replay of its review log.  REHEARSE_LONG=1: 50 kills, else 10.
. "${top_srcdir:-.}/tests/setup"

faults="$top_srcdir/tests/faults/faults.py"
if [ "${REHEARSE_LONG:-0}" = 1 ]; then
	kills=50
	echo "# long version: $kills kills of 200-answer drills (REHEARSE_LONG=1)"
else
	kills=10
	echo "# short version: $kills kills of 200-answer drills" \
	    "(REHEARSE_LONG=1 runs 50)"
fi

python3 "$faults" deck "$tmp/deck.yaml" gen 240
run import "$tmp/deck.yaml"
check_rc "a generated deck of 240 cards" 0

# The seed fixes where the kills fall (in answers; timing adds the rest).
python3 "$faults" kill "$REHEARSE" "$db" gen "$kills" 200 20261128 \
    >"$tmp/out" 2>"$tmp/err" || true
sed 's/^/# /' "$tmp/err" | head -20
check "the driver ran" json 'j["runs"] > 0'
check "every drill was killed ($kills)" json "j['killed'] == $kills"
check "answers were confirmed before the kills" json 'j["acked"] > 0'
check "no confirmed answer lost" json 'j["lost"] == 0'
check "the log holds the confirmed answers, in order" \
    json 'j["order_mismatches"] == 0'
check "integrity_check ok after every kill" json 'j["integrity_failures"] == 0'
check "the schedule is the replay of the log" json 'j["replay_mismatches"] == 0'
python3 -c 'import json, sys
j = json.load(open(sys.argv[1]))
print("# kills survived: %d of %d; answers confirmed: %d, logged: %d, lost: %d"
      % (j["killed"], j["runs"], j["acked"], j["logged"], j["lost"]))
print("# kills fell: before the answer was saved %d, saved but not yet shown"
      " %d, after it was shown %d" % (j["kill_before_save"],
      j["kill_before_shown"], j["kill_after_shown"]))' "$tmp/out" || true

# The program itself carries on with the database.
run --today 2030-01-01 list gen
check_rc "the database still opens" 0
run --today 2030-01-01 grade gen/c0000 5
check_rc "and takes a grade" 0
python3 "$faults" replay "$db" >"$tmp/out" || true
check "and still replays exactly" json 'j["mismatches"] == [] and j["integrity"] == "ok"'

done_testing
