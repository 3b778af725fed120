/* session-story.c: your stories in a drill: :story shows their beats, :link picks one, :edit writes one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "repl.h"
#include "session.h"
#include "story.h"
#include "term.h"
#include "xmalloc.h"

/* The commands whose argument is a story's title, completed with Tab. */
static const char *const title_commands[] = { ":link", ":edit", NULL };

/* What a session keeps of the bank: its stories' titles, for Tab. */
struct session_stories {
	struct story_ref	*refs;
	size_t			 n;
	const char		**titles;	/* refs' titles, NULL last */
	bool			 nudged;	/* the competency nudge was said */
};

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

/* A database error ends the session; it is said here. */
static void
fail(struct session *s)
{
	warnx_("%s", store_error(s->st));
	s->failed = true;
}

/* The bank's titles read (again), for the line editor to complete. */
static void
load_titles(struct session *s)
{
	struct session_stories *ss = s->stories;
	size_t i;

	repl_complete_args(NULL, NULL);
	story_refs_free(ss->refs, ss->n);
	free(ss->titles);
	ss->n = store_story_refs(s->st, NULL, NULL, &ss->refs);
	ss->titles = xcalloc(ss->n + 1, sizeof *ss->titles);
	for (i = 0; i < ss->n; i++)
		ss->titles[i] = ss->refs[i].title;
	if (store_failed(s->st))
		fail(s);
	else
		repl_complete_args(title_commands, ss->titles);
}

void
session_story_start(struct session *s)
{
	s->stories = xcalloc(1, sizeof *s->stories);
	load_titles(s);
}

void
session_story_free(struct session *s)
{
	if (s->stories == NULL)
		return;
	repl_complete_args(NULL, NULL);
	story_refs_free(s->stories->refs, s->stories->n);
	free(s->stories->titles);
	free(s->stories);
	s->stories = NULL;
}

/*
 * Which story of refs, asked at a prompt of its own: its index, or -1
 * for none.
 */
static int
ask(const char *question, const struct story_ref *refs, size_t n)
{
	char prompt[160], *line;
	int at;

	story_choices(refs, n);
	/* The question is translated where it is asked; "> " follows. */
	snprintf(prompt, sizeof prompt, "%s> ", question);
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

/* Which of the card's stories :edit is for. */
static int
choose(void *arg, const struct story_ref *refs, size_t n)
{
	(void)arg;
	reveal_say("", ngettext("This card has %zu story:", "This card has %zu "
	    "stories:", n), n);
	/* TRANSLATORS: a prompt; "> " is added. */
	return ask(_("which story (number or title; Enter: none)"), refs, n);
}

/* The card's stories read again, for the reveal to list. */
static void
reread(struct session *s, struct card_view *v)
{
	struct card_view fresh;
	int rc = store_card_get(s->st, v->deck, v->id, &fresh);

	if (rc < 0)
		fail(s);
	else if (rc == 0) {
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
	else {
		reread(s, v);
		load_titles(s);
	}
}

/* A story's beats: the first line of each part, one line each. */
static void
add_beats(struct buf *b, const struct story_rec *r)
{
	struct buf clean = { 0 };
	const char *h, *text;
	char *first;
	int i, w, wide = 0, room;

	buf_adds(b, term_bold());
	term_add_cut(b, r->title, (size_t)term_width());
	buf_printf(b, "%s\n", term_reset());
	/* Text kept whole (a story from before the bank) has no beats. */
	if (*r->text.notes != '\0') {
		term_sanitize(&clean, r->text.notes, true);
		term_wrap(b, clean.data, term_width(), 2);
		buf_free(&clean);
		if (story_text_parts(&r->text) == 0)
			return;
	}
	for (i = 0; i < STORY_PARTS; i++)
		if ((w = (int)term_display_width(story_heading((enum story_part)i,
		    r->language))) > wide)
			wide = w;
	room = term_width() - wide - 4;
	for (i = 0; i < STORY_PARTS; i++) {
		h = story_heading((enum story_part)i, r->language);
		text = r->text.part[i];
		buf_printf(b, "  %s%s%s%*s  ", term_cyan(), h, term_reset(),
		    wide - (int)term_display_width(h), "");
		if (*text == '\0')
			buf_printf(b, "%s%s%s", term_dim(), _("(not written "
			    "yet)"), term_reset());
		else {
			first = xstrndup(text, strcspn(text, "\n"));
			term_add_cut(b, first, room < 10 ? 10 : (size_t)room);
			free(first);
		}
		buf_addc(b, '\n');
	}
}

void
session_story_beats(struct session *s, const struct card_view *v)
{
	struct story_ref *refs;
	struct story_rec r;
	struct buf b = { 0 };
	size_t n, i;

	n = store_story_refs(s->st, v->deck, v->id, &refs);
	for (i = 0; i < n && !store_failed(s->st); i++) {
		if (store_story_get_id(s->st, refs[i].id, &r) != 0)
			continue;
		add_beats(&b, &r);
		story_rec_free(&r);
	}
	story_refs_free(refs, n);
	if (store_failed(s->st))
		fail(s);
	else if (n == 0)
		reveal_say("", "%s", _("No story for this card yet: :edit "
		    "writes one, :link picks one from your bank."));
	else
		fputs(b.data, stdout);
	buf_free(&b);
}

/* The story :link names, or the one picked from the whole bank. */
static int
pick(struct session *s, const char *name, struct story_rec *r)
{
	struct session_stories *ss = s->stories;
	int at;

	if (name != NULL) {
		if ((at = store_story_get(s->st, name, r)) > 0)
			reveal_say("", _("No story '%s' in your bank (:edit "
			    "writes a new one for this card)."), name);
		return at;
	}
	if (ss->n == 0) {
		reveal_say("", "%s", _("Your story bank is empty: :edit writes "
		    "a story for this card."));
		return 1;
	}
	reveal_say("", "%s", _("Your story bank:"));
	/* TRANSLATORS: a prompt; "> " is added. */
	at = ask(_("link which story (number or title; Enter: none)"),
	    ss->refs, ss->n);
	return at < 0 ? 1 : store_story_get_id(s->st, ss->refs[at].id, r);
}

void
session_story_link(struct session *s, struct card_view *v, const char *line)
{
	char *name = argument(line), *title;
	struct story_rec r;
	int rc = pick(s, name, &r);

	free(name);
	if (rc != 0) {
		if (rc < 0)
			fail(s);
		return;
	}
	title = term_safe(r.title);
	if ((rc = store_story_link(s->st, r.id, v->deck, v->id)) < 0)
		fail(s);
	else if (rc > 0)
		reveal_say("", _("'%s' is linked to this card already."), title);
	else {
		reveal_say("", _("Linked '%s' to %s/%s."), title, v->deck,
		    v->id);
		reread(s, v);
	}
	free(title);
	story_rec_free(&r);
}

/*
 * A practice card of the competency questions (deck competency, or
 * section competency) with no story says so, once a session: stories
 * are what those questions are answered with.
 */
void
session_story_nudge(struct session *s, const struct card_view *v)
{
	bool competency = strcmp(v->deck, "competency") == 0 ||
	    (v->section != NULL && strcmp(v->section, "competency") == 0);

	if (s->stories == NULL || s->stories->nudged ||
	    v->stories != NULL || strcmp(v->kind, "practice") != 0 ||
	    !competency)
		return;
	s->stories->nudged = true;
	reveal_say(term_yellow(), "%s", _("No story for this card yet: :edit "
	    "writes one, :link picks one from your bank."));
}
