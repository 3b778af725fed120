/* cmd-stats.c: the stats command: how the drilling goes, in all or one deck. */
#include <stdlib.h>

#include "rehearse.h"

static int
cmd_stats_exec(const struct options *o, int argc, char **argv)
{
	struct store *st;
	char *decks = NULL;
	int rc = EXIT_OK;

	if ((st = cmd_open_store(o)) == NULL)
		return EXIT_FAIL;
	if (argc > 0)
		rc = cmd_check_deck(st, argv[0], &decks);
	if (rc == EXIT_OK)
		rc = report_stats(st, decks, o->today, o->given & O_JSON ?
		    REPORT_JSON : REPORT_TEXT);
	free(decks);
	store_close(st);
	return rc;
}

const struct cmd_entry cmd_stats_entry = {
	"stats", "[DECK] [--json]", 0, 1, O_JSON, cmd_stats_exec,
};
