#!/bin/sh
# errors.sh: every bad deck in tests/data/bad is refused by lint and
# import with its expected diagnostics, exit 1, and the database untouched.
. "${top_srcdir:-.}/tests/setup"

write_deck "$tmp/deck.yaml"
run import "$tmp/deck.yaml"
run --today 2026-05-01 grade sample/first 4
cp "$db" "$tmp/before.db"

bad="$top_srcdir/tests/data/bad"
for f in "$bad"/*.yaml; do
	name=$(basename "$f")
	case $name in warn-*) continue ;; esac
	[ -f "${f%.yaml}.err" ] || continue
	set +e
	(cd "$bad" && rh lint "$name") >"$tmp/out" 2>"$tmp/err"
	rc=$?
	set -e
	check_rc "lint $name" 1
	check "lint $name: diagnostics as expected" same_file "$tmp/err" "${f%.yaml}.err"
	set +e
	(cd "$bad" && rh --db "$db" import "$name") >"$tmp/out" 2>"$tmp/err"
	rc=$?
	set -e
	check_rc "import $name" 1
	grep -v "^rehearse: $name: not imported" "$tmp/err" >"$tmp/err2" || true
	check "import $name: same diagnostics" same_file "$tmp/err2" "${f%.yaml}.err"
	check "import $name: database unchanged" same_file "$db" "$tmp/before.db"
done

# A card taller than a screen is advice: lint and import warn, and go on.
set +e
(cd "$bad" && rh lint warn-tall-card.yaml) >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
check_rc "lint of tall cards" 0
check "a tall card only warns" has "$tmp/out" "deck tall, 4 cards, 2 warnings"
check "lint names the tall cards" same_file "$tmp/err" "$bad/warn-tall-card.err"
set +e
(cd "$bad" && rh --db "$tmp/tall.db" import warn-tall-card.yaml) \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
check_rc "import of tall cards" 0
check "import warns the same way" same_file "$tmp/err" "$bad/warn-tall-card.err"
check "and imports every card" has "$tmp/out" "4 cards (4 new"

# Files that are not there, or not files.
run import "$tmp/missing.yaml"
check_rc "missing file" 1
check "missing file named" has "$tmp/err" "$tmp/missing.yaml: error: cannot open: No such file or directory"
mkdir "$tmp/dir.yaml"
run lint "$tmp/dir.yaml"
check_rc "lint of a directory without decks in it" 1
check "directory named" has "$tmp/err" "$tmp/dir.yaml: no deck files (*.yaml) in this directory"
run import "$tmp/dir.yaml"
check_rc "import of a directory without deck files" 1
check "says so" has "$tmp/err" "$tmp/dir.yaml: no deck files"
: >"$tmp/empty.yaml"
run import "$tmp/empty.yaml"
check_rc "an empty file" 1
check "empty file named" has "$tmp/err" "$tmp/empty.yaml:1:1: error: empty file"

# Hostile files, made here: a 50 MB value, deep nesting.
python3 - "$tmp/huge.yaml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("deck: huge\ncards:\n  - front: big\n    back: ")
    f.write("x" * (50 * 1024 * 1024))
    f.write("\n")
PY
run import "$tmp/huge.yaml"
check_rc "a 50 MB value" 1
check "the long value is reported" has "$tmp/err" "value too long"
python3 -c 'import sys; open(sys.argv[1], "w").write("deck: deep\ncards: " + "[" * 100000)' "$tmp/deep.yaml"
run import "$tmp/deep.yaml"
check_rc "100000 levels of nesting" 1
check "the nesting is reported" has "$tmp/err" "nesting deeper than"
check "database unchanged by all of it" same_file "$db" "$tmp/before.db"

# lint DIR reads a directory as import does: every *.yaml below it, in
# path order, hidden directories skipped.
mkdir -p "$tmp/lintdir/b" "$tmp/lintdir/.hidden"
cp "$top_srcdir/tests/data/good/full.yaml" "$tmp/lintdir/b/full.yaml"
cp "$top_srcdir/tests/data/bad/several-errors.yaml" "$tmp/lintdir/a.yaml"
cp "$top_srcdir/tests/data/bad/several-errors.yaml" "$tmp/lintdir/.hidden/x.yaml"
run lint "$tmp/lintdir"
check_rc "lint DIR with a broken deck in it" 1
check "the broken file is named" has "$tmp/err" "$tmp/lintdir/a.yaml:4:5: error:"
check "the good one is summed up" has "$tmp/out" "$tmp/lintdir/b/full.yaml: deck "
check "a hidden directory is not read" hasnt "$tmp/err" ".hidden"
rm "$tmp/lintdir/a.yaml"
run lint "$tmp/lintdir"
check_rc "lint DIR with good decks only" 0
mkdir "$tmp/lintempty"
run lint "$tmp/lintempty"
check_rc "lint of a directory without decks" 1
check "it says so" has "$tmp/err" "lintempty: no deck files (*.yaml) in this directory"

done_testing
