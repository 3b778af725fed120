/* cmd-story.c: write your own prepared answer to a card. */
#include "rehearse.h"

static int
cmd_story_exec(const struct options *o, int argc, char **argv)
{
	struct store *st;
	struct card_view v;
	int rc;

	(void)argc;
	if ((st = cmd_open_store(o)) == NULL)
		return EXIT_FAIL;
	if ((rc = cmd_get_card(st, argv[0], &v)) == EXIT_OK) {
		if (story_edit(st, &v) != 0)
			rc = EXIT_FAIL;		/* story.c said why */
		else
			rc = cmd_check_store(st);
		card_view_free(&v);
	}
	store_close(st);
	return rc;
}

const struct cmd_entry cmd_story_entry = {
	"story", "DECK/CARD", 1, 1, 0, cmd_story_exec,
};
