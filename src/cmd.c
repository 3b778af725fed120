/* cmd.c: the command table and what several commands share. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"
#include "deck.h"
#include "rehearse.h"
#include "xmalloc.h"

const struct cmd_entry *const cmd_table[] = {
	&cmd_drill_entry,
	&cmd_import_entry,
	&cmd_lint_entry,
	&cmd_list_entry,
	&cmd_show_entry,
	&cmd_grade_entry,
	&cmd_stats_entry,
	&cmd_story_entry,
	&cmd_interview_entry,
	&cmd_export_entry,
	&cmd_forget_entry,
	NULL,
};

const struct cmd_entry *
cmd_find(const char *name)
{
	int i;

	for (i = 0; cmd_table[i] != NULL; i++)
		if (strcmp(cmd_table[i]->name, name) == 0)
			return cmd_table[i];
	return NULL;
}

/* mkdir -p, the last component with mode 0700 (progress is private). */
static int
make_dirs(char *path)
{
	char *p;

	for (p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0755) != 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

char *
cmd_data_dir(void)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char *dir;

	if (xdg != NULL && *xdg == '/')
		dir = xasprintf("%s/rehearse", xdg);
	else if (home != NULL && *home != '\0')
		dir = xasprintf("%s/.local/share/rehearse", home);
	else {
		warnx_("neither XDG_DATA_HOME nor HOME is set: use --db PATH");
		return NULL;
	}
	if (make_dirs(dir) != 0) {
		warnx_("%s: cannot create directory: %s", dir,
		    strerror(errno));
		free(dir);
		return NULL;
	}
	return dir;
}

/* The default database: $XDG_DATA_HOME/rehearse/rehearse.db. */
static char *
default_db(void)
{
	char *dir = cmd_data_dir(), *path;

	if (dir == NULL)
		return NULL;
	path = xasprintf("%s/rehearse.db", dir);
	free(dir);
	return path;
}

struct store *
cmd_open_store(const struct options *o)
{
	char *path, *err;
	struct store *st;

	path = o->db != NULL ? xstrdup(o->db) : default_db();
	if (path == NULL)
		return NULL;
	st = store_open(path, &err);
	if (st == NULL) {
		warnx_("%s", err);
		free(err);
	}
	free(path);
	return st;
}

bool
cmd_split_card(const char *arg, char **deck, char **card)
{
	const char *slash = strchr(arg, '/');

	*deck = *card = NULL;
	if (slash == NULL || slash == arg || slash[1] == '\0' ||
	    strchr(slash + 1, '/') != NULL)
		return false;
	*deck = xstrndup(arg, (size_t)(slash - arg));
	*card = xstrdup(slash + 1);
	return true;
}

int
cmd_get_card(struct store *st, const char *arg, struct card_view *v)
{
	char *deck, *card;
	int rc;

	if (!cmd_split_card(arg, &deck, &card)) {
		warnx_("'%s' is not DECK/CARD", arg);
		return EXIT_USAGE;
	}
	rc = store_card_get(st, deck, card, v);
	if (rc == 1)
		warnx_("%s: no such card (see 'rehearse list %s')", arg, deck);
	else if (rc < 0)
		warnx_("%s", store_error(st));
	free(deck);
	free(card);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

int
cmd_check_deck(struct store *st, const char *id, char **json)
{
	char *missing;

	*json = xasprintf("[\"%s\"]", deck_valid_id(id) ? id : "");
	if (store_decks_exist(st, *json, &missing))
		return EXIT_OK;
	warnx_("%s: no such deck (see 'rehearse list')", id);
	free(missing);
	free(*json);
	*json = NULL;
	return EXIT_FAIL;
}

static int
stage_card(void *arg, const struct deck_card *c)
{
	return store_import_card(arg, c);
}

static bool
span_open(void *arg, const char *deck)
{
	return store_span_open(arg, deck);
}

static bool
span_next(void *arg, struct deck_span *sp)
{
	return store_span_next(arg, sp);
}

/*
 * How a file is read into the store: first with the spans of the deck's
 * last import, so that unchanged cards are not parsed again; in full
 * when that does not hold; staged when the deck's kind comes late.
 */
enum how { HOW_SPANS, HOW_FULL, HOW_STAGED };

/* The program's version: how it reads a file is part of each hash. */
#define HASH_SALT "rehearse " PACKAGE_VERSION

/* Read a deck file into an open import: 0 when it has no errors, 1 to
 * read it again the next way, -1 when it cannot be imported. */
static int
load_into(struct store *st, const char *path, enum how how,
    struct deck_hash *hash, struct deck_info *info)
{
	/*
	 * Read in full, the file's spans are still kept for the next time.
	 * The first read leaves repeated ids to the database's indexes; a
	 * read that must report them keeps the ids itself.
	 */
	struct deck_spans spans = { HASH_SALT, hash,
	    how == HOW_SPANS ? span_open : NULL, span_next, st,
	    how == HOW_SPANS };
	struct deck_result res;
	int rc;

	if (hash != NULL)
		deck_hash_init(hash, HASH_SALT);
	if (store_import_begin(st, how == HOW_STAGED) != 0) {
		warnx_("%s", store_error(st));
		return -1;
	}
	rc = deck_load_spans(path, &deck_default_limits, stage_card, st,
	    &spans, info, &res, stderr);
	if (rc == 0)
		return 0;
	store_import_abort(st);
	deck_info_free(info);
	if (rc == DECK_AGAIN)
		return 1;
	if (rc < 0)
		warnx_("%s: %s", path, store_error(st));
	else
		warnx_("%s: not imported (%zu error%s)", path, res.errors,
		    res.errors == 1 ? "" : "s");
	return -1;
}

int
cmd_import_file(struct store *st, const char *path, bool quiet)
{
	struct deck_info info;
	struct import_stats is;
	char source[DECK_HASH_SIZE], *known;
	struct deck_hash later, *hash = NULL;
	struct stat sb;
	enum how how;
	bool hashed = false;
	int rc;

	memset(&info, 0, sizeof info);
	/*
	 * A file imported before, byte for byte: nothing to read again.  A
	 * file of a length no deck came from cannot be one: its fingerprint
	 * is taken as it is read for the import, not in a pass of its own.
	 */
	if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    !store_source_size(st, (long long)sb.st_size))
		hash = &later;
	else if ((hashed = deck_file_hash(path, HASH_SALT, source)) &&
	    (known = store_deck_by_source(st, source)) != NULL) {
		if (!quiet)
			printf("%s: deck %s unchanged since its last import\n",
			    path, known);
		free(known);
		return 0;
	}
	for (how = HOW_SPANS;;) {
		if ((rc = load_into(st, path, how, hash, &info)) < 0)
			return -1;
		if (rc == 1) {
			how = HOW_FULL;
			continue;
		}
		if (hash != NULL) {
			deck_hash_end(hash, source);
			hashed = true;
		}
		rc = store_import_commit(st, &info, path, hashed ? source :
		    NULL, &is);
		if (rc <= 0 || how == HOW_STAGED)
			break;
		deck_info_free(&info);
		/* 1: the kind came late, stage; 2: kept cards saw it change. */
		how = rc == 1 ? HOW_STAGED : HOW_FULL;
	}
	if (rc != 0) {
		warnx_("%s: %s", path, store_error(st));
		deck_info_free(&info);
		return -1;
	}
	if (!quiet)
		printf("%s: deck %s, %lld card%s (%lld new, %lld changed, "
		    "%lld retired)\n", path, info.id, (long long)is.cards,
		    is.cards == 1 ? "" : "s",
		    (long long)is.added, (long long)is.changed,
		    (long long)is.retired);
	deck_info_free(&info);
	return 0;
}
