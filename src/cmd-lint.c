/* cmd-lint.c: check deck files without touching the database. */
#include <stdio.h>
#include <string.h>

#include "deck.h"
#include "rehearse.h"

/* Without a database, the ids are kept in memory. */
static long
check_id(void *arg, const struct deck_card *c)
{
	return (long)deck_ids_add(arg, c->id, c->id_line);
}

static int
cmd_lint_exec(const struct options *o, int argc, char **argv)
{
	struct deck_info info;
	struct deck_result res;
	struct deck_ids ids;
	int i, rc = EXIT_OK;

	(void)o;
	for (i = 0; i < argc; i++) {
		memset(&ids, 0, sizeof ids);
		if (deck_load(argv[i], &deck_default_limits, check_id, &ids,
		    &info, &res, stderr) != 0)
			rc = EXIT_FAIL;
		else
			printf("%s: deck %s, %zu card%s, %zu warning%s\n",
			    argv[i], info.id, info.cards,
			    info.cards == 1 ? "" : "s", res.warnings,
			    res.warnings == 1 ? "" : "s");
		deck_info_free(&info);
		deck_ids_free(&ids);
	}
	return rc;
}

const struct cmd_entry cmd_lint_entry = {
	"lint", "FILE...", 1, -1, 0, cmd_lint_exec,
};
