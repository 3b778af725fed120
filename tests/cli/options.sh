#!/bin/sh
# options.sh: the command line: help, version, usage errors and exit status.
. "${top_srcdir:-.}/tests/setup"

run --help
check_rc "--help" 0
check "--help lists the commands" has "$tmp/out" "import"
run -h
check_rc "-h" 0
run --version
check_rc "--version" 0
check "--version prints the version" grep -q '^rehearse [0-9]' "$tmp/out"
run -V
check_rc "-V" 0

run frobnicate
check_rc "unknown command" 2
check "unknown command is named" has "$tmp/err" "unknown command 'frobnicate'"
run list --frobnicate
check_rc "unknown option" 2
check "unknown option is named" has "$tmp/err" "--frobnicate"
run -x
check_rc "unknown short option" 2
run grade
check_rc "missing arguments" 2
check "usage shown for missing arguments" has "$tmp/err" "usage: rehearse grade"
run grade sample/first 7
check_rc "grade 7" 2
check "grade 7 is named" has "$tmp/err" "'7' is not a grade"
run grade sample/first x
check_rc "grade x" 2
run --new abc
check_rc "--new abc" 2
check "--new abc is named" has "$tmp/err" "--new: 'abc'"
run --new -1
check_rc "--new -1" 2
run --today 2026-13-01 list
check_rc "--today with month 13" 2
check "bad date is named" has "$tmp/err" "2026-13-01"
run --today yesterday list
check_rc "--today not a date" 2
set +e
REHEARSE_TODAY=2026-02-30 "$REHEARSE" --db "$db" list >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
check_rc "REHEARSE_TODAY not a date" 2
run list --db
check_rc "--db without a value" 2
check "missing value is named" has "$tmp/err" "needs a value"
run show sample/first --new 3
check_rc "an option of another command" 2
check "the misplaced option is named" has "$tmp/err" "--new does not apply"
run list a b
check_rc "too many operands" 2
run --lang fr drill
check_rc "--lang with an unknown language" 2

# Options before or after operands (GNU permutation), and -- ending them.
write_deck "$tmp/deck.yaml"
run import "$tmp/deck.yaml"
check_rc "import" 0
run list sample --json
check_rc "option after the operand" 0
cp "$tmp/out" "$tmp/after"
run --json list sample
check_rc "option before the command" 0
check "same output either way" same_file "$tmp/out" "$tmp/after"
run list -- --json
check_rc "-- makes --json an operand" 1
check "--json taken as a deck name" has "$tmp/err" "--json: no such deck"

# The database comes from --db, then REHEARSE_DB, then XDG_DATA_HOME.
set +e
REHEARSE_DB="$tmp/env.db" "$REHEARSE" import "$tmp/deck.yaml" >/dev/null 2>&1
set -e
check "REHEARSE_DB names the database" test -f "$tmp/env.db"
set +e
"$REHEARSE" import "$tmp/deck.yaml" >/dev/null 2>&1
set -e
check "default database under XDG_DATA_HOME" test -f "$XDG_DATA_HOME/rehearse/rehearse.db"
check "data directory is private (0700)" \
    test "$(stat -c %a "$XDG_DATA_HOME/rehearse")" = 700
run --db "$tmp/no/such/dir/x.db" list
check_rc "database in a missing directory" 1
check "the database path is named" has "$tmp/err" "$tmp/no/such/dir/x.db"

# A tag no card has is an error, as an unknown deck is (not "nothing due").
write_deck "$tmp/tags.yaml"
run import "$tmp/tags.yaml"
run --today 2026-07-01 drill --tag nope </dev/null
check_rc "drill --tag with a tag no card has" 1
check "the tag is named" has "$tmp/err" "no card has the tag 'nope'"
check "nothing is drilled" hasnt "$tmp/out" "Nothing to drill"
run --today 2026-07-01 drill sample --tag nope </dev/null
check_rc "drill DECK --tag with a tag no card of it has" 1
check "the deck searched is named" has "$tmp/err" "no card in sample has the tag 'nope'"
run --today 2026-07-01 drill sample --tag story </dev/null
check_rc "a card's own tag" 0
run --today 2026-07-01 drill sample --tag test </dev/null
check_rc "a tag given through the deck" 0
# rehearse help [COMMAND] works like --help.
run --help
cp "$tmp/out" "$tmp/help"
run help
check_rc "help" 0
check "help prints what --help prints" same_file "$tmp/out" "$tmp/help"
check "--help lists help among the commands" has "$tmp/help" "  help     [COMMAND]"
run help list
check_rc "help list" 0
check "help list gives its synopsis" has "$tmp/out" "usage: rehearse list [DECK] [--json]"
run help frob
check_rc "help with an unknown command" 2
check "the unknown command is named" has "$tmp/err" "help: unknown command 'frob'"
run help list show
check_rc "help with two commands" 2

# COMMAND --help prints what help COMMAND prints, wherever --help is.
for cmd in interview story drill help; do
	run help $cmd
	cp "$tmp/out" "$tmp/help"
	run $cmd --help
	check_rc "$cmd --help" 0
	check "$cmd --help is help $cmd" same_file "$tmp/out" "$tmp/help"
done
run help interview
cp "$tmp/out" "$tmp/help"
run --help interview --for acme
check "--help before the command and an option after it" same_file "$tmp/out" "$tmp/help"
run --today 2026-01-01 interview --help --frob
check_rc "an unknown option after --help" 0
check "it is not read: the command's help" same_file "$tmp/out" "$tmp/help"
run frob --help
check_rc "an unknown command with --help" 0
check "the whole --help" has "$tmp/out" "  help     [COMMAND]"
done_testing
