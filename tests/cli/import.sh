#!/bin/sh
# import.sh: importing decks: idempotent, progress kept by id, retirement.
. "${top_srcdir:-.}/tests/setup"

write_deck "$tmp/deck.yaml"
run import "$tmp/deck.yaml"
check_rc "first import" 0
check "import reports three new cards" has "$tmp/out" "3 cards (3 new, 0 changed, 0 retired)"
run list --json
check "one deck of three cards" json 'len(j) == 1 and j[0]["deck"] == "sample" and j[0]["cards"] == 3 and j[0]["new"] == 3'

# The same file again changes nothing, not even the file's bytes.
cp "$db" "$tmp/before.db"
run import "$tmp/deck.yaml"
check_rc "second import" 0
check "second import recognises the file" has "$tmp/out" "deck sample unchanged since its last import"
check "database byte-for-byte unchanged" same_file "$db" "$tmp/before.db"
# The same cards in different bytes (a comment) are read, and nothing changes.
echo "# a comment" >>"$tmp/deck.yaml"
run import "$tmp/deck.yaml"
check "a changed file with the same cards reports no change" has "$tmp/out" "(0 new, 0 changed, 0 retired)"
run import "$tmp/deck.yaml"
check "and is recognised the next time" has "$tmp/out" "unchanged since its last import"

# Progress follows the id when the text is edited.
run --today 2026-02-01 grade sample/first 5
run --today 2026-02-02 grade sample/first 4
sed -i 's/What is the first card?/What is the very first card?/' "$tmp/deck.yaml"
run import "$tmp/deck.yaml"
check "edited card reported as changed" has "$tmp/out" "(0 new, 1 changed, 0 retired)"
run show sample/first --json
check "edited text is in" json 'j["front"] == "What is the very first card?"'
check "progress kept after the edit" json 'j["reps"] == 2 and j["interval"] == 6'

# A card gone from the file is retired, and comes back with its progress.
python3 - "$tmp/deck.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
start = s.index("  - id: first")
end = s.index("  - id: second")
open(p + ".first", "w").write(s[start:end])
open(p, "w").write(s[:start] + s[end:])
PY
run import "$tmp/deck.yaml"
check "removed card reported as retired" has "$tmp/out" "1 retired"
run list sample --json
check "retired card not listed" json '[c["id"] for c in j] == ["second", "third"]'
run show sample/first --json
check "retired card still has its history" json 'j["retired"] is True and j["reps"] == 2'
run --today 2026-02-03 drill </dev/null
check "retired card not drilled" hasnt "$tmp/out" "first card"
cat "$tmp/deck.yaml.first" >>"$tmp/deck.yaml"
run import "$tmp/deck.yaml"
check "returning card reported as changed" has "$tmp/out" "1 changed"
run show sample/first --json
check "returning card has its progress" json 'j["retired"] is False and j["reps"] == 2 and j["interval"] == 6'

# The deck id, not the path, says which deck a file refreshes.
cp "$tmp/deck.yaml" "$tmp/moved.yaml"
run import "$tmp/moved.yaml"
run list --json
check "same deck from another path" json 'len(j) == 1'

# A file with errors changes nothing; other files of the import go in.
cat >"$tmp/bad.yaml" <<'YAML'
deck: sample
cards:
  - id: first
    front: Replaced?
    back: This must not be stored.
  - id: broken
    front: ""
    back: x
YAML
write_deck "$tmp/other.yaml"
sed -i 's/^deck: sample/deck: other/' "$tmp/other.yaml"
cp "$db" "$tmp/before.db"
run import "$tmp/bad.yaml" "$tmp/other.yaml"
check_rc "import of a bad and a good file" 1
check "the error names file, line and column" has "$tmp/err" "bad.yaml:7:12: error:"
run show sample/first --json
check "nothing from the bad file stored" json 'j["front"] != "Replaced?" and j["retired"] is False'
run list --json
check "the good file went in" json '[d["deck"] for d in j] == ["sample", "other"]'

# A directory: every *.yaml under it, recursively, in path order, hidden
# directories and files skipped, one transaction a file.
db=$tmp/dir.db
g=$tmp/group
mkdir -p "$g/company" "$g/general" "$g/deep/1/2/3" "$g/.git" "$g/broken"
# mini ID TITLE FILE: a one-card deck.
mini() {
	printf '%s\n' "deck: $1" "title: $2" 'cards:' '  - id: one' \
	    "    front: What about $1?" '    back: This.' >"$3"
}
mini acme Acme "$g/company/acme.yaml"
mini beta Beta "$g/company/beta.yaml"
mini first First "$g/general/a-first.yaml"
mini deep Deep "$g/deep/1/2/3/x.yaml"
mini hidden Hidden "$g/.git/config.yaml"
mini dotfile Dotfile "$g/.dotfile.yaml"
mini yml Yml "$g/notes.yml"
echo "# Our group's decks" >"$g/README.md"
printf '%s\n' 'deck: broken' 'cards:' '  - id: one' '    front: ""' \
    '    back: x' >"$g/broken/bad.yaml"
ln -s "$g/company" "$g/general/link"
run import "$g"
check_rc "a directory with one bad file" 1
sed -n 's/: deck .*//p' "$tmp/out" >"$tmp/order"
printf '%s\n' "$g/company/acme.yaml" "$g/company/beta.yaml" \
    "$g/deep/1/2/3/x.yaml" "$g/general/a-first.yaml" >"$tmp/want"
check "every deck file, recursively, in path order" \
    same_file "$tmp/order" "$tmp/want"
check "the bad file is reported" has "$tmp/err" "$g/broken/bad.yaml:4:12: error:"
check "and not imported" has "$tmp/err" "$g/broken/bad.yaml: not imported"
run list --json
check "hidden directories and files, other names and links skipped" \
    json '[d["deck"] for d in j] == ["acme", "beta", "deep", "first"]'
cp "$db" "$tmp/before.db"
run import "$g"
check "the same directory again: each file unchanged" \
    test "$(grep -c 'unchanged since its last import' "$tmp/out")" -eq 4
check "and the database untouched" same_file "$db" "$tmp/before.db"
rm -r "$g/broken"
sed -i 's/What about beta?/What about Beta now?/' "$g/company/beta.yaml"
run import "$g" "$tmp/other.yaml"
check_rc "a directory and a file, all good" 0
check "an edited file in it is refreshed" has "$tmp/out" \
    "$g/company/beta.yaml: deck beta, 1 card (0 new, 1 changed, 0 retired)"
check "the file named after it goes in too" has "$tmp/out" \
    "$tmp/other.yaml: deck other, 3 cards (3 new"
# Two files of one import with the same deck id (as decks/en and
# decks/nl have): the first goes in, the second is an error, not a
# silent replacement of the first.
mkdir -p "$tmp/langs/en" "$tmp/langs/nl"
mini twin English "$tmp/langs/en/twin.yaml"
mini twin Nederlands "$tmp/langs/nl/twin.yaml"
mini solo Solo "$tmp/langs/nl/solo.yaml"
run import "$tmp/langs"
check_rc "two files with one deck id" 1
check "the second is named, with the first" has "$tmp/err" \
    "rehearse: $tmp/langs/nl/twin.yaml: not imported: deck twin is already imported from $tmp/langs/en/twin.yaml"
run list --json
check "the first one's deck is kept, the other files imported" \
    json 'sorted((d["deck"], d["title"]) for d in j if d["deck"] in ("twin", "solo")) == [("solo", "Solo"), ("twin", "English")]'
mkdir "$tmp/nodecks"
echo "notes" >"$tmp/nodecks/a.txt"
run import "$tmp/nodecks"
check_rc "a directory without deck files" 1
check "says so" has "$tmp/err" \
    "rehearse: $tmp/nodecks: no deck files (*.yaml) in this directory"
# Root reads every directory: as root, the import runs as nobody, on a
# database and files of its own that nobody may write and read.
mkdir -p "$tmp/locked/in"
mini locked Locked "$tmp/locked/ok.yaml"
chmod 000 "$tmp/locked/in"
as_user=
if [ "$(id -u)" -eq 0 ]; then
	chmod 755 "$tmp" "$tmp/locked"
	chmod 644 "$tmp/locked/ok.yaml"
	mkdir "$tmp/nobody" && chmod 777 "$tmp/nobody"
	db="$tmp/nobody/db"
	as_user="setpriv --reuid 65534 --regid 65534 --clear-groups"
fi
set +e
HOME="$tmp/nobody" $as_user "$REHEARSE" --db "$db" import "$tmp/locked" \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
chmod 755 "$tmp/locked/in"
check_rc "an unreadable directory inside" 1
check "is named" has "$tmp/err" "$tmp/locked/in: cannot read"
check "the rest still goes in" has "$tmp/out" "$tmp/locked/ok.yaml: deck locked"

done_testing
