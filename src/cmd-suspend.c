/* cmd-suspend.c: put cards aside for good, or bring them back. */
#include <stdio.h>
#include <stdlib.h>

#include "config.h"
#include "i18n.h"
#include "rehearse.h"
#include "xmalloc.h"

/*
 * Every card named is looked up before anything is written, so that one
 * wrong name changes nothing; then all change in one transaction.
 */
static int
set_suspended(const struct options *o, int argc, char **argv, bool on)
{
	struct store *st;
	struct card_view *v;
	int i, rc = EXIT_OK;

	if ((st = cmd_open_store(o)) == NULL)
		return EXIT_FAIL;
	v = xcalloc((size_t)argc, sizeof *v);
	for (i = 0; i < argc && rc == EXIT_OK; i++)
		rc = cmd_get_card(st, argv[i], &v[i]);
	if (rc == EXIT_OK && store_begin(st) == 0) {
		for (i = 0; i < argc; i++)
			if (v[i].suspended != on)
				store_suspend(st, v[i].deck, v[i].id, on);
		if (store_failed(st))
			store_rollback(st);
		else
			store_commit(st);
	}
	if (rc == EXIT_OK)
		rc = cmd_check_store(st);
	for (i = 0; i < argc && rc == EXIT_OK; i++) {
		if (v[i].suspended == on)
			printf(on ? _("%s: already suspended\n") :
			    _("%s: not suspended\n"), argv[i]);
		else
			printf(on ? _("%s: suspended; it is not drilled until "
			    "'rehearse unsuspend' brings it back\n") :
			    _("%s: drilled again, its progress as it was\n"),
			    argv[i]);
	}
	for (i = 0; i < argc; i++)
		card_view_free(&v[i]);
	free(v);
	store_close(st);
	return rc;
}

static int
cmd_suspend_exec(const struct options *o, int argc, char **argv)
{
	return set_suspended(o, argc, argv, true);
}

static int
cmd_unsuspend_exec(const struct options *o, int argc, char **argv)
{
	return set_suspended(o, argc, argv, false);
}

const struct cmd_entry cmd_suspend_entry = {
	"suspend", "DECK/CARD...", 1, -1, 0, cmd_suspend_exec,
};

const struct cmd_entry cmd_unsuspend_entry = {
	"unsuspend", "DECK/CARD...", 1, -1, 0, cmd_unsuspend_exec,
};
