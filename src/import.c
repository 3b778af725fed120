/* import.c: a deck file into the database, for import and the bundled decks. */
#include <stdio.h>
#include <stdlib.h>

#include "config.h"
#include "deck.h"
#include "i18n.h"
#include "rehearse.h"

/* The program's version: how it reads a file is part of each fingerprint. */
#define HASH_SALT "rehearse " PACKAGE_VERSION

static long
stage_card(void *arg, const struct deck_card *c)
{
	return store_import_card(arg, c);
}

/*
 * Whether another file of this import has taken the deck id already: an
 * error naming both, true.  Otherwise the id is this file's from now on.
 */
static bool
taken(struct import_taken *t, const char *path, const char *id)
{
	size_t first;

	if (t == NULL || (first = deck_ids_add(t->ids, id, t->at + 1)) == 0 ||
	    first == t->at + 1)
		return false;
	warnx_(_("%s: not imported: deck %s is already imported from %s"),
	    path, id, t->paths[first - 1]);
	return true;
}

static int
import_one(struct store *st, const char *path, bool bundled,
    struct import_taken *t)
{
	struct deck_info info;
	struct deck_result res;
	struct import_stats is;
	char source[DECK_HASH_SIZE], *known;
	bool hashed;
	int rc;

	/* A file imported before, byte for byte: nothing to read again. */
	hashed = deck_file_hash(path, HASH_SALT, source);
	if (hashed && (known = store_deck_by_source(st, source)) != NULL) {
		if (taken(t, path, known)) {
			free(known);
			return -1;
		}
		if (!bundled)
			printf(_("%s: deck %s unchanged since its last "
			    "import\n"), path, known);
		free(known);
		return 0;
	}
	/* Not found, or not looked for; unless the lookup itself failed. */
	if (store_failed(st) || store_import_begin(st) != 0) {
		warnx_("%s", store_error(st));
		return -1;
	}
	rc = deck_load(path, &deck_default_limits, stage_card, st, &info,
	    &res, stderr);
	if (rc == 0 && taken(t, path, info.id)) {
		store_import_abort(st);
		deck_info_free(&info);
		return -1;
	}
	if (rc == 0)
		rc = store_import_commit(st, &info, path, hashed ? source :
		    NULL, bundled, &is);
	else
		store_import_abort(st);
	if (rc < 0)
		warnx_("%s: %s", path, store_error(st));
	else if (rc > 0)
		warnx_(ngettext("%s: not imported (%zu error)",
		    "%s: not imported (%zu errors)", res.errors), path,
		    res.errors);
	else if (!bundled)
		/* TRANSLATORS: the file, the deck id, then counts of cards. */
		printf(ngettext("%s: deck %s, %lld card (%lld new, %lld "
		    "changed, %lld retired)\n", "%s: deck %s, %lld cards "
		    "(%lld new, %lld changed, %lld retired)\n",
		    (unsigned long)is.cards), path, info.id,
		    (long long)is.cards, (long long)is.added,
		    (long long)is.changed, (long long)is.retired);
	deck_info_free(&info);
	return rc == 0 ? 0 : -1;
}

int
import_file(struct store *st, const char *path, bool bundled)
{
	return import_one(st, path, bundled, NULL);
}

int
import_file_once(struct store *st, const char *path, struct import_taken *t)
{
	return import_one(st, path, false, t);
}
