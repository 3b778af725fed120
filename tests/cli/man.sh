#!/bin/sh
# man.sh: the manual pages are clean mdoc and cover every command and option.
. "${top_srcdir:-.}/tests/setup"

page1="$top_srcdir/doc/rehearse.1"
page5="$top_srcdir/doc/rehearse-deck.5"

# The commands as --help lists them: the first word of each line under
# "commands:", up to the blank line after them (a synopsis's
# continuation lines start further in).
run --help
check_rc "--help" 0
commands=$(sed -n '/^commands:$/,/^$/p' "$tmp/out" |
    awk '/^  [^ ]/ { print $1 }')
# The long options as main.c declares them to getopt_long.
options=$(sed -n '/long_options\[\] = {/,/^};/p' "$top_srcdir/src/main.c" |
    sed -n 's/^[[:space:]]*{ "\([a-z][a-z-]*\)",.*/\1/p')
# Guard against the extraction itself breaking and checking nothing.
check "--help lists drill and forget among its commands" \
    sh -c 'echo "$1" | grep -qx drill && echo "$1" | grep -qx forget' \
    sh "$commands"
check "long_options in main.c yield db and time-limit" \
    sh -c 'echo "$1" | grep -qx db && echo "$1" | grep -qx time-limit' \
    sh "$options"

if ! command -v mandoc >/dev/null 2>&1; then
	for what in lint lint $commands $options; do
		ok "# SKIP mandoc not installed"
	done
	done_testing
	exit
fi

for page in "$page1" "$page5"; do
	mandoc -Tlint -W warning "$page" >"$tmp/lint" 2>&1 || true
	if [ -s "$tmp/lint" ]; then
		not_ok "mandoc -Tlint -W warning $(basename "$page") is silent"
		sed 's/^/# /' "$tmp/lint"
	else
		ok "mandoc -Tlint -W warning $(basename "$page") is silent"
	fi
done

# The page as text, wide enough that no line breaks inside a word, with
# the overstrike of bold and underline removed.
bs=$(printf '\b')
if command -v col >/dev/null 2>&1; then
	mandoc -Tascii -O width=1000 "$page1" | col -b >"$tmp/page"
else
	mandoc -Tascii -O width=1000 "$page1" | sed "s/.$bs//g" >"$tmp/page"
fi

# A command is documented when the page has an entry for it: a line that
# starts with its name, as the tags of the list of commands do.
for name in $commands; do
	check "rehearse(1) has an entry for the command $name" \
	    grep -Eq "^ +$name( |\$)" "$tmp/page"
done
for name in $options; do
	check "rehearse(1) mentions the option --$name" \
	    has "$tmp/page" "--$name"
done

done_testing
