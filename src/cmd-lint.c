/* cmd-lint.c: check deck files without touching the database. */
#include <stdio.h>
#include <string.h>

#include "deck.h"
#include "rehearse.h"

static int
count_card(void *arg, const struct deck_card *c)
{
	(void)arg;
	(void)c;
	return 0;
}

static int
cmd_lint_exec(const struct options *o, int argc, char **argv)
{
	struct deck_info info;
	struct deck_result res;
	int i, rc = EXIT_OK;

	(void)o;
	for (i = 0; i < argc; i++) {
		memset(&info, 0, sizeof info);
		if (deck_load(argv[i], &deck_default_limits, count_card, NULL,
		    &info, &res, stderr) != 0)
			rc = EXIT_FAIL;
		else
			printf("%s: deck %s, %zu card%s, %zu warning%s\n",
			    argv[i], info.id, info.cards,
			    info.cards == 1 ? "" : "s", res.warnings,
			    res.warnings == 1 ? "" : "s");
		deck_info_free(&info);
	}
	return rc;
}

const struct cmd_entry cmd_lint_entry = {
	"lint", "FILE...", 1, -1, 0, cmd_lint_exec,
};
