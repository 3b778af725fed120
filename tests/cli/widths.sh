#!/bin/sh
# widths.sh: in an 80-column terminal nothing rehearse prints is wider
# than 80 columns, in English and in Dutch: stats, story show, new,
# interview, --help, the drill's :help and :stats, the story template.
. "${top_srcdir:-.}/tests/setup"

export COLUMNS=80
T="--today 2026-07-01"
# Lines of file $1 wider than 80 columns that hold more than one word:
# none (each named on stderr as a TAP comment).
fits() {
	python3 -c 'import sys, unicodedata
def cols(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
bad = [l for l in open(sys.argv[1], encoding="utf-8").read().splitlines()
       if cols(l) > 80 and len(l.split()) > 1]
for l in bad:
    print("# too wide (%d): %s" % (cols(l), l))
sys.exit(1 if bad else 0)' "$1"
}

# A story editor that keeps a copy of the file it is given.
cat >"$tmp/editor" <<'SH'
#!/bin/sh
cp "$1" "$(dirname "$0")/template.txt"
SH
chmod +x "$tmp/editor"
export VISUAL="$tmp/editor"

# The bundled decks, three grades, a story with a long title, and an
# interview date.
run_in '
4

2

5
' $T drill --new 3
check_rc "a first session" 0
run $T grade competency/convince-colleague 3
check_rc "a grade" 0
cat >"$tmp/bank.yaml" <<'YAML'
stories:
  - title: The release we shipped a week early although the client had doubts
    situation: The launch slipped and the client had promised the date.
    cards: [competency/tight-deadline]
YAML
run story import "$tmp/bank.yaml"
check_rc "a story" 0
run $T interview 2026-07-20
check_rc "an interview date" 0
story=the-release-we-shipped-a-week-early-although-the

# r ARGS...: rehearse in the locale $lc, both streams in $tmp/out.
r() {
	set +e
	env LOCPATH="$TEST_LOCPATH" LC_ALL=$lc "$REHEARSE" --db "$db" "$@" \
	    >"$tmp/out" 2>&1
	set -e
}
for lc in C.UTF-8 nl_NL.UTF-8; do
	lang=${lc%%_*}
	r $T stats
	check "$lang: stats fits" fits "$tmp/out"
	r story show $story
	check "$lang: story show shows it" has "$tmp/out" "(the-release"
	check "$lang: story show fits" fits "$tmp/out"
	(cd "$tmp" && r new acme && rm acme.yaml)
	check "$lang: new's message fits" fits "$tmp/out"
	r $T interview
	check "$lang: interview fits" fits "$tmp/out"
	r --help
	check "$lang: --help fits" fits "$tmp/out"
	check "$lang: a synopsis goes on under its first column" \
	    grep -qx "           \[--time-limit S\] \[--in-order\]" "$tmp/out"
	r help mock
	check "$lang: help mock fits" fits "$tmp/out"
	# The drill's :help and :stats need no wrapping at 80 columns: the
	# same lines as in a terminal of 200.
	for cols in 80 200; do
		printf '\n:help\n:stats\n' | COLUMNS=$cols r $T drill --new 2
		sed -n '/^\(At a question\|Bij een vraag\)/,/^\[/p' "$tmp/out" \
		    >"$tmp/help$cols"
	done
	check "$lang: the drill's :help and :stats are there" \
	    grep -q ":hint" "$tmp/help80"
	check "$lang: the drill's :help and :stats fit 80 columns unwrapped" \
	    cmp -s "$tmp/help80" "$tmp/help200"
	diff "$tmp/help80" "$tmp/help200" | sed 's/^/# /' || true
	r story competency/convince-colleague
	check "$lang: the story template fits" fits "$tmp/template.txt"
	rm "$tmp/template.txt"
	r story new "A story of my own ($lang)"
	check "$lang: a new story's template fits" fits "$tmp/template.txt"
done
done_testing
