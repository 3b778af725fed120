#!/bin/sh
# mock-speak.sh: rehearse mock --speak-to DIR writes one WAV file per
# question and per follow-up, named NN-DECK-CARD.wav and
# NN-DECK-CARD-probe.wav, each a valid PCM file that is not silent, in
# the voice of its deck's language (the same speech as the espeak-ng
# program's in that voice).  Skipped, loudly, only when espeak-ng is
# not installed at all.
. "${top_srcdir:-.}/tests/setup"

T="--today 2026-08-01"
cat >"$tmp/en.yaml" <<'YAML'
deck: english
language: en
kind: practice
cards:
  - id: deadline
    section: competency
    front: Tell me about a time you met a very tight deadline.
    probes: [What exactly did you decide yourself?]
  - id: team-goals
    kind: ask
    front: The team's goals for the coming quarter
    back: Ask what the team must achieve.
YAML
cat >"$tmp/nl.yaml" <<'YAML'
deck: dutch
language: nl
kind: practice
cards:
  - id: eerste-gesprek
    section: opening
    front: Hoe vond je het eerste gesprek met ons?
    probes: [Wat is je sindsdien bijgebleven?]
  - id: nog-iets
    section: closing
    front: Wil je nog iets toevoegen?
YAML
run import "$tmp/en.yaml"
run import "$tmp/nl.yaml"
cp "$db" "$tmp/before.db"

printf '%s\n' a b 4 a b 4 a 4 a 4 >"$tmp/in"
set +e
rh --db "$db" $T mock --seed 1 --speak-to "$tmp/wav" <"$tmp/in" \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
if grep -q "built without" "$tmp/err"; then
	if pkg-config --exists espeak-ng 2>/dev/null ||
	    [ -f /usr/include/espeak-ng/speak_lib.h ]; then
		not_ok "espeak-ng is installed, but rehearse was built without it (configure --with-espeak)"
		check "--speak without espeak-ng names the package" has "$tmp/err" "espeak-ng"
		done_testing
		exit
	fi
	echo "# espeak-ng is not installed: apt-get install espeak-ng libespeak-ng-dev" >&2
	check_rc "--speak-to without espeak-ng fails at once" 1
	check "and names the package" has "$tmp/err" "install the packages espeak-ng and libespeak-ng-dev"
	check "and the option given" has "$tmp/err" "rehearse: --speak-to needs espeak-ng"
	check "having changed nothing" same_file "$db" "$tmp/before.db"
	for what in files valid silent voice-en voice-nl unknown-voice \
	    no-library-speak-to no-library-speak no-library-db no-sound \
	    no-sound-db no-dir-xx no-dir-facts; do
		ok "# SKIP espeak-ng is not installed ($what)"
	done
	done_testing
	exit
fi
check_rc "a mock read aloud into files" 0
check "nothing on standard error" test ! -s "$tmp/err"
run mock --last --json
cp "$tmp/out" "$tmp/report.json"
check "four questions" json 'len(j["questions"]) == 4'

# The names: NN-DECK-CARD.wav in the order asked, -probe for a follow-up.
python3 - "$tmp/report.json" >"$tmp/want" <<'PY'
import json, sys
for n, q in enumerate(json.load(open(sys.argv[1]))["questions"], 1):
    name = "%02d-%s" % (n, q["card"].replace("/", "-"))
    print(name + ".wav")
    if q["probe"] is not None:
        print(name + "-probe.wav")
PY
(cd "$tmp/wav" && ls) | sort >"$tmp/got"
sort "$tmp/want" -o "$tmp/want"
check "one file per question and per follow-up, named NN-DECK-CARD" same_file "$tmp/got" "$tmp/want"
sed 's/^/# /' "$tmp/got"

check "every file is a valid PCM WAV file" python3 - "$tmp/wav" <<'PY'
import os, sys, wave
d = sys.argv[1]
for f in sorted(os.listdir(d)):
    p = os.path.join(d, f)
    raw = open(p, "rb").read()
    w = wave.open(p)
    ok = (raw[:4] == b"RIFF" and raw[8:16] == b"WAVEfmt " and
          int.from_bytes(raw[4:8], "little") == len(raw) - 8 and
          w.getnchannels() == 1 and w.getsampwidth() == 2 and
          w.getcomptype() == "NONE" and w.getframerate() >= 8000 and
          w.getnframes() * 2 == len(raw) - 44)
    if not ok:
        print("# " + f + ": not a valid file")
        sys.exit(1)
PY
check "none is silent: at least half a second of speech, loud enough" python3 - "$tmp/wav" <<'PY'
import array, math, os, sys, wave
d = sys.argv[1]
for f in sorted(os.listdir(d)):
    w = wave.open(os.path.join(d, f))
    s = array.array("h", w.readframes(w.getnframes()))
    if sys.byteorder == "big":
        s.byteswap()
    rms = math.sqrt(sum(x * x for x in s) / max(len(s), 1))
    loud = sum(1 for x in s if abs(x) > 1000)
    if len(s) < w.getframerate() // 2 or rms < 300 or loud < len(s) // 20:
        print("# %s: %d samples, rms %.0f" % (f, len(s), rms))
        sys.exit(1)
PY

# The voice: a question is what the espeak-ng program says in its deck's
# language, sample for sample, and not what it says in the other one.
# (espeak-ng carries a little state from one text to the next, so a
# mock is run for each language: its first question is compared.)
voice() {
	db="$tmp/$1.db"
	run import "$tmp/$2.yaml"
	printf '%s\n' a b 4 >"$tmp/one.in"
	set +e
	rh --db "$db" $T mock --seed 1 --speak-to "$tmp/wav-$2" <"$tmp/one.in" \
	    >/dev/null 2>&1
	set -e
	python3 - "$tmp/wav-$2" "$2" <<'PY'
import os, subprocess, sys, tempfile, wave
d, lang = sys.argv[1:]
other = "en" if lang == "nl" else "nl"
texts = {"en": "Tell me about a time you met a very tight deadline.",
         "nl": "Hoe vond je het eerste gesprek met ons?"}
def frames(p):
    w = wave.open(p)
    return w.readframes(w.getnframes())
def said(text, voice):
    with tempfile.TemporaryDirectory() as t:
        p = os.path.join(t, "ref.wav")
        subprocess.run(["espeak-ng", "-v", voice, "-w", p, text], check=True)
        return frames(p)
first = sorted(f for f in os.listdir(d) if not f.endswith("-probe.wav"))[0]
ours = frames(os.path.join(d, first))
sys.exit(0 if ours == said(texts[lang], lang) and
         ours != said(texts[lang], other) else 1)
PY
}
if command -v espeak-ng >/dev/null 2>&1; then
	check "an English deck's question in the English voice" voice en-only en
	check "a Dutch deck's question in the Dutch voice" voice nl-only nl
else
	not_ok "the espeak-ng program (package espeak-ng) is missing beside its library"
fi

# A language espeak-ng has no voice for: refused before anything is asked.
cat >"$tmp/xx.yaml" <<'YAML'
deck: nowhere
language: xq
kind: practice
section: competency
cards:
  - id: q
    front: A question in no known language?
YAML
db="$tmp/xx.db"
run import "$tmp/xx.yaml"
cp "$db" "$tmp/xx-before.db"
run $T mock --seed 1 --speak-to "$tmp/wav-xx" </dev/null
check_rc "a deck in a language without a voice" 1
check "says which language" has "$tmp/err" "espeak-ng has no voice for the language 'xq'"
check "nothing changed" same_file "$db" "$tmp/xx-before.db"
check "and no directory made" test ! -e "$tmp/wav-xx"

# No card to ask: refused, and the directory is not made either.
cat >"$tmp/facts.yaml" <<'YAML'
deck: facts
language: en
kind: recall
cards:
  - id: f
    front: A fact to know?
    back: This one.
YAML
db="$tmp/facts.db"
run import "$tmp/facts.yaml"
cp "$db" "$tmp/facts-before.db"
run $T mock --seed 1 --speak-to "$tmp/wav-facts" </dev/null
check_rc "a mock without a card to ask" 1
check "says so" has "$tmp/err" "no card to ask"
check "nothing changed" same_file "$db" "$tmp/facts-before.db"
check "and no directory made" test ! -e "$tmp/wav-facts"

# --speak where no sound can play (no playback device, no PulseAudio or
# PipeWire server): refused at once, before the database is opened,
# instead of a silent mock in a flood of ALSA messages.
# REHEARSE_SND_DIR (for the tests only) stands for /dev/snd.
db="$tmp/test.db"
cp "$db" "$tmp/before.db"
mkdir "$tmp/snd" "$tmp/run"
set +e
env -u PULSE_SERVER REHEARSE_SND_DIR="$tmp/snd" XDG_RUNTIME_DIR="$tmp/run" \
    "$REHEARSE" --db "$db" $T mock --seed 1 --speak </dev/null \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
check_rc "--speak without any sound" 1
check "says so, and names --speak-to (no-sound)" has "$tmp/err" \
    "rehearse: --speak: no sound (no playback device in $tmp/snd and no PulseAudio or PipeWire server); --speak-to DIR writes the questions to files instead"
check "only that line" test "$(wc -l <"$tmp/err")" -eq 1
check "nothing asked" test ! -s "$tmp/out"
check "the database unchanged (no-sound-db)" same_file "$db" "$tmp/before.db"

# espeak-ng is loaded when a mock speaks: where the library is missing,
# the mock fails at once and names the Debian package and the option
# given.  REHEARSE_ESPEAK_LIB (for the tests only) names a library file
# that is not there.
db="$tmp/test.db"
cp "$db" "$tmp/before.db"
set +e
REHEARSE_ESPEAK_LIB=/nonexistent/libespeak-ng.so.1 rh --db "$db" $T mock \
    --seed 1 --speak-to "$tmp/wav-none" </dev/null >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
check_rc "--speak-to without the espeak-ng library" 1
check "names the option and the package (no-library-speak-to)" has "$tmp/err" \
    "rehearse: --speak-to: espeak-ng cannot be loaded ("
check "the package is espeak-ng" has "$tmp/err" \
    "install the Debian package espeak-ng"
set +e
REHEARSE_ESPEAK_LIB=/nonexistent/libespeak-ng.so.1 rh --db "$db" $T mock \
    --seed 1 --speak </dev/null >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
check_rc "--speak without the espeak-ng library" 1
check "names --speak (no-library-speak)" has "$tmp/err" \
    "rehearse: --speak: espeak-ng cannot be loaded ("
check "the database unchanged (no-library-db)" same_file "$db" "$tmp/before.db"

done_testing
