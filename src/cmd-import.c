/* cmd-import.c: load or refresh decks from files and directories, a transaction a file. */
#include "rehearse.h"

static int
cmd_import_exec(const struct options *o, int argc, char **argv)
{
	struct store *st;
	int i, rc = EXIT_OK;

	if ((st = cmd_open_store(o)) == NULL)
		return EXIT_FAIL;
	/*
	 * A file with errors leaves the others to go in; a database that
	 * failed (it stays failed) stops them.
	 */
	for (i = 0; i < argc && !store_failed(st); i++)
		if (import_path(st, argv[i]) != 0)
			rc = EXIT_FAIL;
	store_close(st);
	return rc;
}

const struct cmd_entry cmd_import_entry = {
	"import", "FILE|DIR...", 1, -1, 0, cmd_import_exec,
};
