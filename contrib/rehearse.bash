# rehearse.bash: bash completion for rehearse(1).
#
# Install as $(datadir)/bash-completion/completions/rehearse, or source it
# from ~/.bashrc.  Deck and card ids come from the first column of
# 'rehearse list', run on the database named on the line (or the default
# one); only ids that look like ids are kept, and nothing read from the
# database is ever expanded or evaluated.

# Print the database a command line uses: the last --db given, else the
# default that rehearse itself would pick.
_rehearse_db()
{
	local db="" i w

	for ((i = 1; i < ${#_rh_words[@]}; i++)); do
		((i == _rh_cword)) && continue
		w=${_rh_words[i]}
		case $w in
		--) break ;;
		--db=*) db=${w#--db=} ;;
		--db) ((i + 1 != _rh_cword)) && db=${_rh_words[i + 1]-} ;;
		esac
	done
	if [[ -z $db ]]; then
		if [[ -n ${REHEARSE_DB-} ]]; then
			db=$REHEARSE_DB
		elif [[ ${XDG_DATA_HOME-} == /* ]]; then
			db=$XDG_DATA_HOME/rehearse/rehearse.db
		else
			db=${HOME-}/.local/share/rehearse/rehearse.db
		fi
	fi
	# The line holds the word as typed: expand a leading ~/ by hand,
	# never with eval.
	[[ $db == \~/* ]] && db=${HOME-}/${db#\~/}
	printf '%s\n' "$db"
}

# Print the first column of a listing: rehearse run with the arguments
# after $1 on the line's database, when its heading starts with a word of
# $1 ("DECK|CARD").  Completion must not create a database, so a missing
# file gives no ids.
_rehearse_column()
{
	local prog=${_rh_words[0]} db heads=$1

	shift
	[[ $prog == \~/* ]] && prog=${HOME-}/${prog#\~/}
	command -v -- "$prog" >/dev/null 2>&1 || return 0
	db=$(_rehearse_db)
	[[ -f $db ]] || return 0
	"$prog" --db "$db" "$@" </dev/null 2>/dev/null |
	    awk -v heads="^($heads)\$" 'NR == 1 { ok = $1 ~ heads; next }
		ok && $1 ~ /^[a-z0-9][a-z0-9-]*$/ { print $1 }'
}

# Print the ids of the decks, or of the cards of deck $1.
_rehearse_ids()
{
	_rehearse_column "DECK|CARD" list -- "$@"
}

# Print the ids of the stories (the listing's heading in English).
_rehearse_story_ids()
{
	LC_ALL=C _rehearse_column STORY story list
}

# Add to COMPREPLY each line of standard input, prefixed with $2, that
# begins with $1.  A plain prefix test, where compgen -W would expand.
_rehearse_add()
{
	local cur=$1 pre=${2-} w

	while IFS= read -r w; do
		[[ $pre$w == "$cur"* ]] && COMPREPLY+=("$pre$w")
	done
}

# Complete a deck id, or DECK/CARD once a slash is typed.  With $2 set
# ("deck-only" is allowed, as for forget) a bare deck id ends the word;
# otherwise the deck is followed by a slash.
_rehearse_cards()
{
	local cur=$1 deck

	if [[ $cur == */* ]]; then
		deck=${cur%%/*}
		[[ $deck =~ ^[a-z0-9][a-z0-9-]*$ ]] || return 0
		_rehearse_add "$cur" "$deck/" < <(_rehearse_ids "$deck")
	elif [[ -n ${2-} ]]; then
		_rehearse_add "$cur" < <(_rehearse_ids)
	else
		_rehearse_add "$cur" < <(_rehearse_ids | sed 's,$,/,')
		compopt -o nospace 2>/dev/null
	fi
}

# Complete deck files: *.yaml, and directories to reach them.
_rehearse_files()
{
	compopt -o filenames 2>/dev/null
	_rehearse_add "" < <(compgen -f -X '!*.yaml' -- "$1"; compgen -d -- "$1")
}

# Complete the files convert reads: question lists, and directories.
_rehearse_sources()
{
	local ext

	compopt -o filenames 2>/dev/null
	_rehearse_add "" < <(for ext in md markdown csv tsv txt; do
		compgen -f -X "!*.$ext" -- "$1"
	done; compgen -d -- "$1")
}

# Complete the value $2 of option $1 (of command $3).
_rehearse_value()
{
	case $1 in
	--db)
		compopt -o filenames 2>/dev/null
		_rehearse_add "" < <(compgen -f -- "$2")
		;;
	--for)
		# A comma-separated list: the last deck in it is completed.
		_rehearse_add "$2" "${2%"${2##*,}"}" < <(_rehearse_ids)
		;;
	--lang)
		_rehearse_add "$2" <<-EOF
		en
		nl
		EOF
		;;
	--kind)
		_rehearse_add "$2" < <(printf '%s\n' recall practice ask) ;;
	--minutes)
		_rehearse_add "$2" < <(printf '%s\n' 45 60 90) ;;
	--speak-to)
		compopt -o filenames 2>/dev/null
		_rehearse_add "" < <(compgen -d -- "$2")
		;;
	--format)
		if [[ ${3-} == export ]]; then
			_rehearse_add "$2" < <(printf '%s\n' yaml anki)
		else
			_rehearse_add "$2" < <(printf '%s\n' md csv tsv anki)
		fi
		;;
	--story)
		_rehearse_add "$2" < <(_rehearse_story_ids)
		;;
	esac
}

# Print the options of command $1 (with its first operand $2), one per
# line.
_rehearse_options()
{
	printf '%s\n' --db --today --help --version
	case $1 in
	''|drill)
		printf '%s\n' --new --tag --limit --cram --lang --time-limit \
		    --in-order --stories ;;
	list|show|stats|config) echo --json ;;
	export) printf '%s\n' --with-stories --format ;;
	convert) printf '%s\n' --deck --title --lang --kind --format --all ;;
	new) printf '%s\n' --title --lang ;;
	story)
		case $2 in
		new) echo --tags ;;
		show|list) echo --json ;;
		matrix) printf '%s\n' --json --tag ;;
		delete) echo --yes ;;
		*/*|'') echo --story ;;
		esac
		;;
	forget) echo --yes ;;
	interview) printf '%s\n' --clear --for ;;
	mock)
		printf '%s\n' --minutes --seed --speak --speak-to --history \
		    --last --json ;;
	esac
}

# Complete operand number $1 of story, whose first operand is $_rh_first:
# a subcommand or a card, then what the subcommand takes.
_rehearse_story()
{
	local n=$1 cur=$2

	if ((n == 0)); then
		_rehearse_add "$cur" <<-EOF
		new
		edit
		show
		delete
		link
		unlink
		list
		check
		matrix
		export
		import
		EOF
		_rehearse_cards "$cur"
		return 0
	fi
	case $_rh_first in
	edit|show|delete) ((n == 1)) && _rehearse_add "$cur" < <(_rehearse_story_ids) ;;
	check) _rehearse_add "$cur" < <(_rehearse_story_ids) ;;
	link|unlink)
		if ((n == 1)); then
			_rehearse_add "$cur" < <(_rehearse_story_ids)
		else
			_rehearse_cards "$cur"
		fi
		;;
	matrix) _rehearse_add "$cur" < <(_rehearse_ids) ;;
	export|import) ((n == 1)) && _rehearse_files "$cur" ;;
	esac
	return 0
}

# Complete operand number $2 (0 is the first after the command) of
# command $1.
_rehearse_operand()
{
	local cur=$3

	case $1 in
	'')
		_rehearse_add "$cur" <<-EOF
		drill
		import
		convert
		new
		lint
		list
		show
		grade
		stats
		mock
		story
		interview
		export
		forget
		suspend
		unsuspend
		config
		help
		EOF
		;;
	help) (($2 == 0)) && _rehearse_operand '' 0 "$cur" ;;
	drill|mock) _rehearse_add "$cur" < <(_rehearse_ids) ;;
	import|lint) _rehearse_files "$cur" ;;
	convert) (($2 == 0)) && _rehearse_sources "$cur" ;;
	list|stats|export)
		(($2 == 0)) && _rehearse_add "$cur" < <(_rehearse_ids) ;;
	show) (($2 == 0)) && _rehearse_cards "$cur" ;;
	story) _rehearse_story "$2" "$cur" ;;
	suspend|unsuspend) _rehearse_cards "$cur" ;;
	config)
		if (($2 == 0)); then
			_rehearse_add "$cur" < <(printf '%s\n' scheduler \
			    retention max-reviews)
		elif (($2 == 1)); then
			case ${_rh_words[_rh_cword - 1]} in
			scheduler)
				_rehearse_add "$cur" < <(printf '%s\n' sm2 fsrs) ;;
			max-reviews) _rehearse_add "$cur" <<<none ;;
			esac
		fi
		;;
	forget) (($2 == 0)) && _rehearse_cards "$cur" deck-only ;;
	grade)
		if (($2 == 0)); then
			_rehearse_cards "$cur"
		elif (($2 == 1)); then
			_rehearse_add "$cur" < <(printf '%s\n' 0 1 2 3 4 5)
		fi
		;;
	esac
	return 0
}

_rehearse()
{
	local -a _rh_words=()
	local _rh_cword=0 i w cur cmd="" n=0 value="" ddash=0 opt _rh_first=""

	# Bash splits "--db=x" into "--db" "=" "x": join the pieces again so
	# the words are those rehearse will see.
	local last=-1 join=0
	for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
		w=${COMP_WORDS[i]}
		if ((join)) || [[ $w == = && ${_rh_words[last]-} == --?* &&
		    ${_rh_words[last]} != *=* ]]; then
			_rh_words[last]+=$w
			join=0
			[[ $w == = ]] && join=1
		else
			_rh_words+=("$w")
			last=$((last + 1))
		fi
		((i == COMP_CWORD)) && _rh_cword=$last
	done
	cur=${_rh_words[_rh_cword]-}

	# Options may come anywhere (GNU permutation) until "--".
	for ((i = 1; i < _rh_cword; i++)); do
		w=${_rh_words[i]}
		if [[ -n $value ]]; then
			value=
		elif ((!ddash)) && [[ $w == -- ]]; then
			ddash=1
		elif ((!ddash)) && [[ $w == -?* ]]; then
			case $w in
			--db|--today|--new|--tag|--limit|--lang|--time-limit|--for|\
			--deck|--title|--kind|--format|--story|--tags|--minutes|--seed|\
			--speak-to)
				value=$w ;;
			esac
		elif [[ -z $cmd ]]; then
			cmd=$w
		else
			((n == 0)) && _rh_first=$w
			n=$((n + 1))
		fi
	done

	COMPREPLY=()
	if [[ -n $value ]]; then
		_rehearse_value "$value" "$cur" "$cmd"
	elif ((!ddash)) && [[ $cur == --?*=* ]]; then
		opt=${cur%%=*}
		_rehearse_value "$opt" "${cur#*=}" "$cmd"
		# When '=' breaks words, readline replaces only the value.
		if [[ $COMP_WORDBREAKS != *=* ]]; then
			for i in "${!COMPREPLY[@]}"; do
				COMPREPLY[i]=$opt=${COMPREPLY[i]}
			done
		fi
	elif ((!ddash)) && [[ $cur == -* ]]; then
		_rehearse_add "$cur" < <(_rehearse_options "$cmd" "$_rh_first")
	else
		_rehearse_operand "$cmd" "$n" "$cur"
	fi
	return 0
}

complete -F _rehearse rehearse
