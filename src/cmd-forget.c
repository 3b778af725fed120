/* cmd-forget.c: reset the progress of a deck or of one card. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "deck.h"
#include "rehearse.h"
#include "xmalloc.h"

/* Ask on a terminal; anything but y or yes is a no. */
static bool
confirm(const char *what, int64_t n)
{
	char line[64];

	printf("Reset the progress of %s (%lld card%s with progress)? "
	    "[y/N] ", what, (long long)n, n == 1 ? "" : "s");
	fflush(stdout);
	if (fgets(line, sizeof line, stdin) == NULL)
		return false;
	line[strcspn(line, "\n")] = '\0';
	return strcmp(line, "y") == 0 || strcmp(line, "Y") == 0 ||
	    strcmp(line, "yes") == 0;
}

static int
forget(struct store *st, const struct options *o, const char *what,
    const char *deck, const char *card)
{
	int64_t n = store_forget_count(st, deck, card);

	if (n < 0) {
		warnx_("%s", store_error(st));
		return EXIT_FAIL;
	}
	if (!(o->given & O_YES) && isatty(STDIN_FILENO) && n > 0 &&
	    !confirm(what, n)) {
		printf("Nothing changed.\n");
		return EXIT_OK;
	}
	if ((n = store_forget(st, deck, card, o->today)) < 0) {
		warnx_("%s", store_error(st));
		return EXIT_FAIL;
	}
	if (cmd_check_store(st) != EXIT_OK)
		return EXIT_FAIL;
	printf("%s: progress reset for %lld card%s (your stories and the "
	    "review log are kept).\n", what, (long long)n, n == 1 ? "" : "s");
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
