#!/bin/sh
# catalogue.sh: po/nl.po keeps up with the sources: every message marked
# in src/ is in it, translated, with no fuzzy entry, and every source file
# with messages is listed in po/POTFILES.in.
. "${top_srcdir:-.}/tests/setup"

cd "$top_srcdir"
xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 --no-location \
    -o "$tmp/sources.pot" src/*.c src/*.h 2>"$tmp/err"
check "xgettext reads the sources" test -s "$tmp/sources.pot"
check "the sources have messages to translate" \
    test "$(grep -c '^msgid ' "$tmp/sources.pot")" -gt 100

# Files whose messages po/Makefile would miss.
for f in $(grep -l -E '\b(N?_|ngettext)\(' src/*.c | sort); do
	check "$f is listed in po/POTFILES.in" grep -qx "$f" po/POTFILES.in
done

set +e
msgcmp po/nl.po "$tmp/sources.pot" >"$tmp/out" 2>&1
rc=$?
set -e
check_rc "every message of the sources is in po/nl.po (msgcmp)" 0
sed 's/^/# /' "$tmp/out" | head -20

set +e
msgfmt --check --statistics -o /dev/null po/nl.po >"$tmp/out" 2>&1
rc=$?
set -e
check_rc "po/nl.po compiles (msgfmt --check)" 0
sed 's/^/# /' "$tmp/out"
check "no untranslated message" hasnt "$tmp/out" "untranslated"
check "no fuzzy message" hasnt "$tmp/out" "fuzzy"

done_testing
