#!/bin/sh
# transcripts.sh: replays every drill transcript in tests/transcripts and
# compares what was shown with what was recorded, one TAP result each.
# tests/transcripts/README describes a transcript.  In the environment,
# TRANSCRIPTS='NAME...' runs only those, and TRANSCRIPTS_UPDATE=1 writes
# the text shown into NAME.out, .err and .after instead of comparing (read
# every changed line before committing it).
. "${top_srcdir:-.}/tests/setup"

dir=$top_srcdir/tests/transcripts
typer=$top_srcdir/tests/repl/transcript.exp
: "${EXPECT:=expect}"
if [ "${REHEARSE_VALGRIND:-0}" = 1 ]; then
	: "${TRANSCRIPT_TIMEOUT:=60}"
fi
export TRANSCRIPT_TIMEOUT="${TRANSCRIPT_TIMEOUT:-10}"
unset COLUMNS || true
set -f			# arguments are split on blanks, never globbed

# problem TEXT: note why the transcript in hand fails.
problem() { printf '%s\n' "$*" >>"$w/diag"; }

# subst VALUE: a header value with $TRANSCRIPTS and $TMP filled in.
subst() {
	printf '%s\n' "$1" | sed -e "s|\\\$TRANSCRIPTS|$dir|g" \
	    -e "s|\\\$TMP|$w|g" -e "s|\\\$TEST_LOCPATH|${TEST_LOCPATH:-}|g"
}

# parse NAME: NAME.in's header into h_mode, h_args, h_exit, h_continue
# and h_desc, its steps, checks, environment and input into $w/NAME.*.
parse() {
	h_mode=pipe h_args= h_exit=0 h_continue= h_desc=
	: >"$w/$1.steps"
	: >"$w/$1.checks"
	: >"$w/$1.env"
	: >"$w/$1.input"
	if [ ! -f "$dir/$1.in" ]; then
		problem "no transcript $1.in"
		return 1
	fi
	body=0
	while IFS= read -r line || [ -n "$line" ]; do
		case $body$line in
		0'#'*) ;;
		*)
			body=1
			printf '%s\n' "$line" >>"$w/$1.input"
			continue
			;;
		esac
		key=${line#'# '}
		key=${key%%:*}
		case $key in
		''|*[!a-z]*)	# a comment; the first says what is checked
			[ -n "$h_desc" ] || h_desc=$(printf '%s\n' "$line" |
			    sed 's/^#* *//')
			continue
			;;
		esac
		val=$(subst "${line#*:}")
		val=${val# }
		case $key in
		mode)
			case $val in
			pipe|tty) h_mode=$val ;;
			*) problem "$1.in: mode is pipe or tty, not '$val'"
			   return 1 ;;
			esac
			;;
		args) h_args=$val ;;
		exit) h_exit=$val ;;
		continue) h_continue=$val ;;
		deck|setup) printf '%s %s\n' "$key" "$val" >>"$w/$1.steps" ;;
		after) printf '%s\n' "$val" >>"$w/$1.checks" ;;
		env) printf '%s\n' "$val" >>"$w/$1.env" ;;
		*)
			problem "$1.in: unknown header line '$line'"
			return 1
			;;
		esac
	done <"$dir/$1.in"
}

# deck_path FILE: where a deck named in a header is.
deck_path() {
	for d in "$w" "$dir/decks" "$top_srcdir/tests/data/good"; do
		if [ -f "$d/$1" ]; then
			printf '%s\n' "$d/$1"
			return 0
		fi
	done
	return 1
}

# steps NAME: NAME's decks and setup commands, in their order.
steps() {
	while IFS= read -r step; do
		case $step in
		deck\ *)
			if ! path=$(deck_path "${step#deck }"); then
				problem "$1.in: no deck ${step#deck }"
				return 1
			fi
			rh --db "$db" import "$path" </dev/null \
			    >"$w/step.log" 2>&1
			;;
		setup\ *)
			rh --db "$db" ${step#setup } </dev/null \
			    >"$w/step.log" 2>&1
			;;
		esac
		if [ $? -ne 0 ]; then
			problem "$1.in: '$step' failed:"
			sed 's/^/  /' "$w/step.log" >>"$w/diag"
			return 1
		fi
	done <"$w/$1.steps"
}

# prepare NAME [DEPTH]: the database NAME starts from: the one the
# transcript it continues left, then NAME's own steps.
prepare() {
	if [ "${2:-0}" -gt 20 ]; then
		problem "$1.in: transcripts continue each other in a loop"
		return 1
	fi
	parse "$1" || return 1
	if [ -n "$h_continue" ]; then
		prepare "$h_continue" $((${2:-0} + 1)) || return 1
		parse "$1"
		session "$h_continue" "$w/continued.out" "$w/continued.err"
		parse "$1"
	fi
	steps "$1"
}

# session NAME OUT ERR: the drill itself, piped or in a pseudo-terminal,
# with NAME's environment; returns its exit status.
session() {
	parse "$1" || return 125
	(
		if [ "$h_mode" = tty ]; then
			export TERM=xterm NO_COLOR=1 INPUTRC=/dev/null
		fi
		while IFS= read -r kv; do
			export "$kv"
		done <"$w/$1.env"
		if [ "$h_mode" = pipe ]; then
			rh --db "$db" $h_args <"$w/$1.input" >"$2" 2>"$3"
		elif [ "${REHEARSE_VALGRIND:-0}" = 1 ]; then
			"$EXPECT" "$typer" "$w/$1.input" "$2" valgrind -q \
			    --error-exitcode=99 --leak-check=full \
			    --show-leak-kinds=definite \
			    --errors-for-leak-kinds=definite \
			    "--log-file=$w/valgrind.%p" "$REHEARSE" \
			    --db "$db" $h_args </dev/null 2>"$3"
		else
			"$EXPECT" "$typer" "$w/$1.input" "$2" "$REHEARSE" \
			    --db "$db" $h_args </dev/null 2>"$3"
		fi
	)
}

# canon_json FILE: FILE with each line that is JSON written out again by
# Python.  SQLite prints a REAL with up to 17 digits worked out in long
# double, whose precision is not the same on every machine (nor under
# valgrind): this way a number compares as the double it stands for.
canon_json() {
	python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8", newline=""):
    try:
        v = json.loads(line)
    except ValueError:
        sys.stdout.write(line)
        continue
    sys.stdout.write(json.dumps(v, ensure_ascii=False,
                                separators=(",", ":")) + "\n")
' "$1"
}

# checks NAME: each 'after' command and what it printed, as in NAME.after.
checks() {
	while IFS= read -r cmd; do
		printf '$ %s\n' "$cmd"
		rh --db "$db" $cmd </dev/null >"$w/check.out" 2>&1
		rc=$?
		canon_json "$w/check.out"
		[ "$rc" -eq 0 ] || echo "[exit $rc]"
	done <"$w/$1.checks"
}

# The time a practice card has taken is not the same from run to run.
mask_clock() {
	sed -e 's/\(\(practice\|oefenen\) 0:0\)[0-9]>/\1?>/g' \
	    -e 's/\([Yy]ou took 0:0\)[0-9]\([. ,]\|$\)/\1?\2/g' \
	    -e 's/\(je deed er 0:0\)[0-9] over/\1? over/g' "$1" >"$1.masked"
	mv "$1.masked" "$1"
}

# compare WANT GOT WHAT: GOT against WANT (a missing WANT is empty).
compare() {
	[ -f "$1" ] || set -- /dev/null "$2" "$3"
	if ! cmp -s "$1" "$2"; then
		problem "$3 differs:"
		diff -u "$1" "$2" | sed 's/^/  /' >>"$w/diag"
	fi
}

# update NAME.EXT GOT: write what was shown as the expected text.
update() {
	if [ -s "$2" ] || [ "${1##*.}" = out ]; then
		cp "$2" "$dir/$1"
	else
		rm -f "$dir/$1"
	fi
}

# run_one NAME: replay one transcript in its own home and database;
# exits 0 when all matched, with what did not in $w/diag.
run_one() {
	set +e
	export HOME="$w/home" XDG_DATA_HOME="$w/data" \
	    XDG_CONFIG_HOME="$w/config" XDG_STATE_HOME="$w/state" \
	    XDG_CACHE_HOME="$w/cache"
	mkdir -p "$HOME"
	db=$w/test.db
	write_deck "$w/sample.yaml"
	prepare "$1" || exit 1
	if [ "$h_mode" = tty ] && ! command -v "$EXPECT" >/dev/null; then
		problem "expect is needed for a tty transcript"
		exit 1
	fi
	session "$1" "$w/out" "$w/err"
	rc=$?
	mask_clock "$w/out"
	checks "$1" >"$w/after"
	if [ "${TRANSCRIPTS_UPDATE:-0}" = 1 ]; then
		update "$1.out" "$w/out"
		update "$1.err" "$w/err"
		update "$1.after" "$w/after"
	else
		compare "$dir/$1.out" "$w/out" "the output"
		compare "$dir/$1.err" "$w/err" "standard error"
		compare "$dir/$1.after" "$w/after" "the database afterwards"
	fi
	[ "$rc" -eq "$h_exit" ] || problem "exit status $rc, want $h_exit"
	set +f
	for log in "$w"/valgrind.*; do
		if [ -s "$log" ]; then
			problem "valgrind:"
			sed 's/^/  /' "$log" >>"$w/diag"
		fi
	done
	[ ! -s "$w/diag" ]
}

names=${TRANSCRIPTS:-$(cd "$dir" && set +f && ls -- *.in | sed 's/\.in$//')}
for name in $names; do
	w=$tmp/$name
	mkdir -p "$w"
	parse "$name" 2>/dev/null || true
	desc=${h_desc:+": $h_desc"}
	: >"$w/diag"
	if (run_one "$name"); then
		ok "$name$desc"
	else
		not_ok "$name$desc"
		sed 's/^/# /' "$w/diag"
	fi
done

done_testing
