/* session-story.c: your stories during a drill: :edit writes the card's story. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "repl.h"
#include "session.h"
#include "story.h"
#include "xmalloc.h"

/* The words after a command (":edit Migration deadline"), or NULL. */
static char *
argument(const char *line)
{
	char *arg;

	line += strcspn(line, " \t");
	arg = story_title_clean(line);
	if (*arg == '\0') {
		free(arg);
		return NULL;
	}
	return arg;
}

/* Which of the card's stories :edit is for, asked at a prompt of its own. */
static int
choose(void *arg, const struct story_ref *refs, size_t n)
{
	char prompt[128], *line;
	int at;

	(void)arg;
	reveal_say("", ngettext("This card has %zu story:", "This card has %zu "
	    "stories:", n), n);
	story_choices(refs, n);
	/* TRANSLATORS: a prompt; "> " is added. */
	snprintf(prompt, sizeof prompt, "%s> ", _("which story (number or "
	    "title; Enter: none)"));
	for (;;) {
		if (repl_read(prompt, &line, NULL, NULL) != REPL_LINE)
			return -1;
		at = story_choice(line, refs, n);
		free(line);
		if (at != -2)
			return at;
		reveal_say("", "%s", _("No such story here: give its number or "
		    "its title."));
	}
}

/* The card's stories read again, for the reveal to list. */
static void
reread(struct session *s, struct card_view *v)
{
	struct card_view fresh;
	int rc = store_card_get(s->st, v->deck, v->id, &fresh);

	if (rc < 0) {
		warnx_("%s", store_error(s->st));
		s->failed = true;
	} else if (rc == 0) {
		free(v->stories);
		v->stories = fresh.stories;
		fresh.stories = NULL;
		card_view_free(&fresh);
	}
}

void
session_story_edit(struct session *s, struct card_view *v, const char *line)
{
	char *name = argument(line);
	int rc;

	rc = story_edit_card(s->st, v, name, choose, NULL);
	free(name);
	/* A database error was said, and ends the session. */
	if (rc != EXIT_OK && store_failed(s->st))
		s->failed = true;
	else
		reread(s, v);
}
