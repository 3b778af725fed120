/* cmd-story.c: the story bank: your STARR stories, written, linked to cards, checked and rehearsed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "i18n.h"
#include "story.h"

/*
 * A card with several stories: ask which on a terminal; elsewhere there
 * is nobody to ask, so say how to name one.
 */
static int
choose(void *arg, const struct story_ref *refs, size_t n)
{
	const struct card_view *v = arg;
	char line[512];
	int at;

	if (!isatty(STDIN_FILENO)) {
		warnx_(ngettext("%s/%s has %zu story: name it with --story "
		    "STORY (see 'rehearse show %s/%s')", "%s/%s has %zu "
		    "stories: name one with --story STORY (see 'rehearse show "
		    "%s/%s')", n), v->deck, v->id, n, v->deck, v->id);
		return -2;
	}
	printf(ngettext("%s/%s has %zu story:\n", "%s/%s has %zu stories:\n",
	    n), v->deck, v->id, n);
	story_choices(refs, n);
	for (;;) {
		printf(_("Edit which (1-%zu, or a title; Enter for none)? "), n);
		fflush(stdout);
		if (fgets(line, sizeof line, stdin) == NULL)
			return -1;
		line[strcspn(line, "\n")] = '\0';
		if ((at = story_choice(line, refs, n)) != -2)
			return at;
	}
}

/* rehearse story DECK/CARD [--story STORY] */
static int
story_card(struct store *st, const struct options *o, const char *arg)
{
	struct card_view v;
	int rc;

	if ((rc = cmd_get_card(st, arg, &v)) != EXIT_OK)
		return rc;
	rc = story_edit_card(st, &v, o->story, choose, &v);
	card_view_free(&v);
	return rc;
}

static int
cmd_story_exec(const struct options *o, int argc, char **argv)
{
	struct store *st;
	int rc;

	(void)argc;
	if ((st = cmd_open_store(o)) == NULL)
		return EXIT_FAIL;
	rc = story_card(st, o, argv[0]);
	if (rc == EXIT_OK)
		rc = cmd_check_store(st);
	store_close(st);
	return rc;
}

const struct cmd_entry cmd_story_entry = {
	"story", "DECK/CARD [--story STORY]", 1, 1, O_STORY, cmd_story_exec,
};
