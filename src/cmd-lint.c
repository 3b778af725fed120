/* cmd-lint.c: check deck files without touching the database. */
#include <sys/stat.h>

#include <stdio.h>
#include <string.h>

#include "deck.h"
#include "i18n.h"
#include "rehearse.h"

/* Without a database, the ids are kept in memory: all, and the derived. */
struct lint_ids {
	struct deck_ids	 all;
	struct deck_ids	 derived;
};

static long
check_id(void *arg, const struct deck_card *c)
{
	struct lint_ids *t = arg;
	size_t first;

	if (c->lookup)
		return (long)deck_ids_find(c->id_derived ? &t->derived :
		    &t->all, c->id);
	if ((first = deck_ids_add(&t->all, c->id, c->id_line)) == 0 &&
	    c->id_derived)
		deck_ids_add(&t->derived, c->id, c->id_line);
	return (long)first;
}

/* What a file holds; two counts, so the frame takes them as phrases. */
static void
summary(const char *path, const struct deck_info *info,
    const struct deck_result *res)
{
	char cards[64], warnings[64];

	snprintf(cards, sizeof cards, ngettext("%zu card", "%zu cards",
	    info->cards), info->cards);
	snprintf(warnings, sizeof warnings, ngettext("%zu warning",
	    "%zu warnings", res->warnings), res->warnings);
	/* TRANSLATORS: the file, the deck id, "3 cards", "1 warning". */
	printf(_("%s: deck %s, %s, %s\n"), path, info->id, cards, warnings);
}

/* Lint one file; -1 when it has errors. */
static int
lint_file(const char *path)
{
	struct deck_info info;
	struct deck_result res;
	struct lint_ids ids;
	int rc = 0;

	memset(&ids, 0, sizeof ids);
	if (deck_load(path, &deck_default_limits, check_id, &ids, &info,
	    &res, stderr) != 0)
		rc = -1;
	else
		summary(path, &info, &res);
	deck_info_free(&info);
	deck_ids_free(&ids.all);
	deck_ids_free(&ids.derived);
	return rc;
}

/* A file, or every deck file under a directory, as import takes them. */
static int
cmd_lint_exec(const struct options *o, int argc, char **argv)
{
	struct stat sb;
	char **paths;
	size_t j, n;
	int i, rc = EXIT_OK;

	(void)o;
	for (i = 0; i < argc; i++) {
		if (stat(argv[i], &sb) != 0 || !S_ISDIR(sb.st_mode)) {
			if (lint_file(argv[i]) != 0)
				rc = EXIT_FAIL;
			continue;
		}
		if (deck_files(argv[i], &paths, &n) != 0)
			rc = EXIT_FAIL;
		for (j = 0; j < n; j++)
			if (lint_file(paths[j]) != 0)
				rc = EXIT_FAIL;
		deck_files_free(paths, n);
	}
	return rc;
}

const struct cmd_entry cmd_lint_entry = {
	"lint", "FILE|DIR...", 1, -1, 0, cmd_lint_exec,
};
