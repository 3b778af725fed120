/* cmd-forget.c: reset the progress of a deck or of one card. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "rehearse.h"
#include "xmalloc.h"

/* Ask on a terminal; anything but yes is a no. */
static bool
confirm(const char *what, int64_t n)
{
	char *q = xasprintf(ngettext("Reset the progress of %s (%lld card "
	    "with progress)? [y/N] ", "Reset the progress of %s (%lld cards "
	    "with progress)? [y/N] ", (unsigned long)n), what, (long long)n);
	bool yes = cmd_confirm(q);

	free(q);
	return yes;
}

static int
forget(struct store *st, const struct options *o, const char *what,
    const char *deck, const char *card)
{
	int64_t n = store_forget_count(st, deck, card);

	if (n < 0)
		return cmd_store_error(st);
	if (!(o->given & O_YES) && isatty(STDIN_FILENO) && n > 0 &&
	    !confirm(what, n)) {
		fputs(_("Nothing changed.\n"), stdout);
		return EXIT_OK;
	}
	if ((n = store_forget(st, deck, card, o->today)) < 0 ||
	    store_failed(st))
		return cmd_store_error(st);
	printf(ngettext("%s: progress reset for %lld card (your stories and "
	    "the review log are kept).\n", "%s: progress reset for %lld cards "
	    "(your stories and the review log are kept).\n",
	    (unsigned long)n), what, (long long)n);
	return EXIT_OK;
}

static int
cmd_forget_exec(const struct options *o, int argc, char **argv)
{
	struct store *st;
	struct card_view v;
	char *decks;
	int rc;

	(void)argc;
	if ((st = cmd_open_store(o)) == NULL)
		return EXIT_FAIL;
	if (strchr(argv[0], '/') != NULL) {
		if ((rc = cmd_get_card(st, argv[0], &v)) == EXIT_OK) {
			rc = forget(st, o, argv[0], v.deck, v.id);
			card_view_free(&v);
		}
	} else if ((rc = cmd_check_deck(st, argv[0], &decks)) == EXIT_OK) {
		rc = forget(st, o, argv[0], argv[0], NULL);
		free(decks);
	}
	store_close(st);
	return rc;
}

const struct cmd_entry cmd_forget_entry = {
	"forget", "DECK[/CARD] [--yes]", 1, 1, O_YES, cmd_forget_exec,
};
