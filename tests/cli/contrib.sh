#!/bin/sh
# contrib.sh: the bash and zsh completions and the deck pre-commit hook.
. "${top_srcdir:-.}/tests/setup"

contrib=$top_srcdir/contrib
export REHEARSE

# skip DESCRIPTION: a TAP assertion that could not run here.
skip() { ok "$1 # SKIP $2"; }
# replies LINE...: $tmp/out holds exactly these lines, in any order.
replies() {
	if [ $# -eq 0 ]; then
		[ ! -s "$tmp/out" ]
		return
	fi
	printf '%s\n' "$@" | sort >"$tmp/want"
	sort "$tmp/out" | cmp -s - "$tmp/want"
}
# reply LINE: $tmp/out has this line among others.
reply() { grep -qxF -- "$1" "$tmp/out"; }

# Two decks to complete from; the second one's text tries to get run.
write_deck "$tmp/deck.yaml"
run import "$tmp/deck.yaml"
check_rc "import a deck to complete from" 0
sed -e 's/^deck: sample/deck: second-deck/' \
    -e 's/^title: .*/title: "$(touch pwned) `touch pwned`"/' \
    "$tmp/deck.yaml" >"$tmp/second.yaml"
run import "$tmp/second.yaml"
check_rc "import a second deck" 0
printf 'stories:\n  - title: A story\n  - title: Another one\n' >"$tmp/bank.yaml"
run story import "$tmp/bank.yaml"
check_rc "two stories to complete from" 0
mkdir -p "$tmp/files/sub"
: >"$tmp/files/a.yaml"
: >"$tmp/files/a.txt"

## bash

if command -v bash >/dev/null 2>&1; then
	# The words as bash splits them; the last is the one completed,
	# unless CWORD says otherwise.
	cat >"$tmp/comp.bash" <<'EOF'
. "$1" || exit 1
shift
complete -p rehearse >/dev/null || exit 1
COMP_WORDS=("$@")
COMP_CWORD=${CWORD:-$(($# - 1))}
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
_rehearse
((${#COMPREPLY[@]} == 0)) || printf '%s\n' "${COMPREPLY[@]}"
EOF
	# bcomp WORD...: complete "rehearse WORD..." into $tmp/out.
	bcomp() {
		set +e
		(cd "$tmp/files" && bash --norc --noprofile "$tmp/comp.bash" \
		    "$contrib/rehearse.bash" "$REHEARSE" "$@") \
		    >"$tmp/out" 2>"$tmp/err"
		rc=$?
		set -e
	}

	bcomp ""
	check "bash: the commands" replies drill import convert new lint \
	    list show grade stats mock story interview export forget suspend \
	    unsuspend config help
	bcomp mock --
	check "bash: mock's options" replies --db --today --help --version \
	    --minutes --seed --speak --speak-to --history --last --json
	bcomp mock --minutes ""
	check "bash: mock's lengths" replies 45 60 90
	bcomp --db "$db" mock --minutes 60 s
	check "bash: mock takes decks after --minutes N" replies sample second-deck
	bcomp mock --speak-to s
	check "bash: --speak-to takes a directory" replies sub
	bcomp --db "$db" unsuspend sample/f
	check "bash: unsuspend completes a card" replies sample/first
	bcomp --db "$db" interview 2026-12-20 --for sample,s
	check "bash: --for completes the last deck of its list" replies \
	    sample,sample sample,second-deck
	bcomp config sch
	check "bash: config completes a setting" replies scheduler
	bcomp config scheduler ''
	check "bash: config completes a scheduler" replies sm2 fsrs
	bcomp help gr
	check "bash: help completes a command" replies grade
	check "bash: it runs cleanly" test "$rc" -eq 0 -a ! -s "$tmp/err"
	bcomp gr
	check "bash: a command from its start" replies grade
	bcomp --db "$db" list --
	check "bash: list options" replies --db --today --help --version \
	    --json
	bcomp --db "$db" drill --
	check "bash: drill options" replies --db --today --help --version \
	    --new --tag --limit --cram --lang --time-limit --in-order \
	    --stories
	bcomp export --w
	check "bash: export --with-stories" replies --with-stories
	bcomp export --format ""
	check "bash: export's formats" replies yaml anki
	bcomp forget --y
	check "bash: forget --yes" replies --yes
	bcomp interview --c
	check "bash: interview --clear" replies --clear
	bcomp stats --j
	check "bash: stats --json" replies --json
	bcomp drill --lang ""
	check "bash: languages" replies en nl
	bcomp --db "$tmp/tes"
	check "bash: --db takes a file" reply "$tmp/test.db"
	bcomp import a
	check "bash: import completes deck files only" replies a.yaml
	bcomp lint ""
	check "bash: lint offers directories too" replies a.yaml sub
	bcomp convert ""
	check "bash: convert offers question lists" replies a.txt sub
	bcomp convert --format ""
	check "bash: convert's formats" replies md csv tsv anki
	bcomp convert --kind p
	check "bash: kinds" replies practice
	bcomp convert --f
	check "bash: convert --format" replies --format
	bcomp convert --a
	check "bash: convert --all" replies --all
	bcomp new x --
	check "bash: new's options" replies --db --today --help --version \
	    --title --lang

	bcomp --db "$db" list ""
	check "bash: deck ids" replies sample second-deck
	bcomp --db "$db" drill sample s
	check "bash: drill takes several decks" replies sample second-deck
	bcomp --db "$db" list sample ""
	check "bash: list takes one deck" replies
	bcomp --db "$db" show sa
	check "bash: a deck, then a slash" replies sample/
	bcomp --db "$db" show sample/
	check "bash: card ids" replies sample/first sample/second \
	    sample/third
	bcomp --db "$db" story sample/t
	check "bash: story takes DECK/CARD" replies sample/third
	bcomp --db "$db" story ""
	check "bash: story takes a subcommand or a card" replies new edit \
	    show delete link unlink list check matrix export import sample/ \
	    second-deck/
	bcomp --db "$db" story show ""
	check "bash: story show takes a story's id" replies a-story \
	    another-one
	bcomp --db "$db" story link a-story sample/f
	check "bash: story link: cards after the story" replies sample/first
	bcomp --db "$db" story matrix s
	check "bash: story matrix takes decks" replies sample second-deck
	bcomp --db "$db" story sample/first --story an
	check "bash: --story takes a story's id" replies another-one
	bcomp story new --ta
	check "bash: story new --tags" replies --tags
	bcomp story matrix --
	check "bash: story matrix's options" replies --db --today --help \
	    --version --json --tag
	bcomp drill --st
	check "bash: drill --stories" replies --stories
	bcomp --db "$db" forget s
	check "bash: forget takes a bare deck" replies sample second-deck
	bcomp --db "$db" forget second-deck/f
	check "bash: or a card" replies second-deck/first
	bcomp --db "$db" grade sample/first ""
	check "bash: grades after DECK/CARD" replies 0 1 2 3 4 5
	bcomp --db "$db" grade sample/first 3 ""
	check "bash: nothing after the grade" replies

	# The database named on the line, wherever it is, or the default.
	bcomp list --db "$db" s
	check "bash: --db after the command" replies sample second-deck
	CWORD=2 bcomp show sample/s --db "$db"
	check "bash: --db after the word completed" replies sample/second
	bcomp --db = "$db" list s
	check "bash: --db=PATH" replies sample second-deck
	REHEARSE_DB=$db bcomp show sample/f
	check "bash: \$REHEARSE_DB" replies sample/first
	bcomp --db "$tmp/none.db" list ""
	check "bash: no ids from a missing database" replies
	check "bash: Tab does not create a database" test ! -e "$tmp/none.db"
	bcomp --db "$db" -- list --
	check "bash: after --, no options" replies
else
	skip "bash completion" "bash not installed"
fi

## zsh

if command -v zsh >/dev/null 2>&1; then
	check "zsh: the completion parses" zsh -n "$contrib/_rehearse"
	# Type each line and Tab into an interactive zsh on a pty; a key
	# bound to 'dump' then appends the edited line to a file.
	cat >"$tmp/comp.zsh" <<'EOF'
zmodload zsh/zpty || exit 77
dir=$1 out=$2
shift 2
zpty z env TERM=vt100 zsh -f -i || exit 1
zpty -w z "fpath=(${(q)dir} \$fpath); autoload -Uz compinit;" \
    "compinit -u -D; dump() { print -r -- \"\$BUFFER\" >>${(q)out};" \
    "BUFFER=; }; zle -N dump; bindkey '^T' dump;" \
    "bindkey '^I' complete-word; print RE''ADY"
zpty -r z ready '*READY*' || exit 1
for l in "$@"; do
	zpty -w -n z "$l"$'\t\x14'
done
zpty -w z exit
while zpty -r z chunk; do :; done
zpty -d z
exit 0
EOF
	r=$REHEARSE
	set +e
	(cd "$tmp/files" && REHEARSE_DB=$db timeout 120 zsh -f \
	    "$tmp/comp.zsh" "$contrib" "$tmp/zsh.out" \
	    "$r --db $db gr" \
	    "$r --db $db show sa" \
	    "$r --db $db show sample/fi" \
	    "$r --db $db list --js" \
	    "$r --db $db export --w" \
	    "$r --db $db list se" \
	    "$r --db=$db grade sample/th" \
	    "$r import $tmp/files/a" \
	    "$r story sample/se" \
	    "$r --db $tmp/none.db list s" \
	    "$r conv" \
	    "$r export --format an" \
	    "$r --db $db story sh" \
	    "$r --db $db story show ano" \
	    "$r --db $db story link a-story sample/th" \
	    "$r mo" \
	    "$r mock --his" \
	    "$r mock --minutes 9" \
	    "$r convert --al") >/dev/null 2>"$tmp/err"
	rc=$?
	set -e
	if [ "$rc" -eq 77 ]; then
		skip "zsh completion" "no zsh/zpty module"
	else
		check "zsh: the pty session ends" test "$rc" -eq 0
		cp "$tmp/zsh.out" "$tmp/out" 2>/dev/null || : >"$tmp/out"
		check "zsh: every line completed" test "$(wc -l <"$tmp/out")" -eq 19
		check "zsh: a command" reply "$r --db $db grade "
		check "zsh: a deck, then a slash" reply "$r --db $db show sample/"
		check "zsh: a card id" reply "$r --db $db show sample/first "
		check "zsh: list --json" reply "$r --db $db list --json "
		check "zsh: export --with-stories" \
		    reply "$r --db $db export --with-stories "
		check "zsh: a deck id" reply "$r --db $db list second-deck "
		check "zsh: --db=PATH" reply "$r --db=$db grade sample/third "
		check "zsh: deck files only" reply "$r import $tmp/files/a.yaml "
		check "zsh: \$REHEARSE_DB" reply "$r story sample/second "
		check "zsh: no ids from a missing database" \
		    reply "$r --db $tmp/none.db list s"
		check "zsh: Tab does not create a database" \
		    test ! -e "$tmp/none.db"
		check "zsh: convert" reply "$r convert "
		check "zsh: convert --all" reply "$r convert --all "
		check "zsh: export's formats" reply "$r export --format anki "
		check "zsh: a story subcommand" reply "$r --db $db story show "
		check "zsh: a story's id" reply "$r --db $db story show another-one "
		check "zsh: story link: a card after the story" \
		    reply "$r --db $db story link a-story sample/third "
		check "zsh: mock" reply "$r mock "
		check "zsh: mock --history" reply "$r mock --history "
		check "zsh: mock's lengths" reply "$r mock --minutes 90 "
	fi
else
	skip "zsh completion" "zsh not installed"
fi
check "deck text is never run" test ! -e "$tmp/pwned" -a \
    ! -e "$tmp/files/pwned"

## pre-commit

if command -v git >/dev/null 2>&1; then
	unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY || :
	export GIT_CONFIG_NOSYSTEM=1
	repo=$tmp/repo
	git init -q "$repo"
	git -C "$repo" config user.name "Test"
	git -C "$repo" config user.email "test@example.org"
	git -C "$repo" config commit.gpgsign false
	cp "$contrib/pre-commit" "$repo/.git/hooks/pre-commit"
	chmod +x "$repo/.git/hooks/pre-commit"
	mkdir "$repo/decks" "$repo/notes"

	# hook: run the installed hook as git would, from the top.
	hook() {
		set +e
		(cd "$repo" && .git/hooks/pre-commit) >"$tmp/out" 2>"$tmp/err"
		rc=$?
		set -e
	}
	commits() { git -C "$repo" rev-list --count HEAD 2>/dev/null || echo 0; }
	bad_deck() {
		printf '%s\n' 'deck: x' 'cards:' '  - id: a' '    front: A' \
		    '    back: B' '    colour: red' >"$1"
	}
	good_deck() {
		printf '%s\n' 'deck: x' 'cards:' '  - id: a' '    front: A' \
		    '    back: B' >"$1"
	}

	write_deck "$repo/decks/good.yaml"
	git -C "$repo" add decks/good.yaml
	hook
	check_rc "pre-commit: a good deck passes" 0
	set +e
	git -C "$repo" commit -q -m "good deck" >/dev/null 2>&1
	rc=$?
	set -e
	check_rc "pre-commit: git commit runs it and commits" 0
	check "pre-commit: one commit" test "$(commits)" -eq 1

	bad_deck "$repo/decks/x.yaml"
	git -C "$repo" add decks/x.yaml
	hook
	check_rc "pre-commit: a deck with an error fails" 1
	check "pre-commit: error named by the real path" \
	    has "$tmp/err" "decks/x.yaml:6:5: error:"
	check "pre-commit: no temporary path shown" \
	    hasnt "$tmp/err" "rehearse-pre-commit"
	set +e
	git -C "$repo" commit -q -m "bad deck" >/dev/null 2>&1
	rc=$?
	set -e
	check "pre-commit: git commit refuses it" test "$rc" -ne 0
	check "pre-commit: still one commit" test "$(commits)" -eq 1

	good_deck "$repo/decks/x.yaml"
	hook
	check_rc "pre-commit: lints the staged copy, not the fixed file" 1
	git -C "$repo" add decks/x.yaml
	hook
	check_rc "pre-commit: passes once the fix is staged" 0

	# Outside decks/, only files with a top-level deck: line are decks.
	printf 'list: [unclosed\n' >"$repo/notes/config.yaml"
	git -C "$repo" add notes/config.yaml
	hook
	check_rc "pre-commit: other YAML files are left alone" 0
	bad_deck "$repo/notes/y.yaml"
	git -C "$repo" add notes/y.yaml
	hook
	check_rc "pre-commit: a deck outside decks/ is linted" 1
	check "pre-commit: it is named" has "$tmp/err" "notes/y.yaml:6:5: error:"
	git -C "$repo" rm -q --cached notes/y.yaml
	git -C "$repo" rm -q decks/good.yaml
	hook
	check_rc "pre-commit: a deleted deck is fine" 0

	bad_deck "$repo/decks/x.yaml"
	git -C "$repo" add decks/x.yaml
	set +e
	(cd "$repo" && REHEARSE="$tmp/no-such-rehearse" .git/hooks/pre-commit) \
	    >/dev/null 2>"$tmp/err"
	rc=$?
	set -e
	check_rc "pre-commit: no rehearse, no commit" 1
	check "pre-commit: it says why" has "$tmp/err" "REHEARSE"
else
	skip "pre-commit hook" "git not installed"
fi

## shellcheck, when installed

if command -v shellcheck >/dev/null 2>&1; then
	check "shellcheck: rehearse.bash" \
	    shellcheck -S warning -s bash "$contrib/rehearse.bash"
	check "shellcheck: pre-commit" \
	    shellcheck -S warning -s sh "$contrib/pre-commit"
else
	skip "shellcheck" "shellcheck not installed"
fi

done_testing
