/* story-edit.c: a story written or changed in the editor: the file it starts from, and what is saved from it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "i18n.h"
#include "story.h"
#include "term.h"
#include "xmalloc.h"

/* What the editor's file says. */
struct edited {
	char			*title;		/* the Title: line's, or NULL */
	char			*tags;		/* the Tags: line's, or NULL */
	struct story_text	 text;
	bool			 empty;		/* only blanks and comments */
};

/* A story being edited, and what the edit is for. */
struct edit {
	struct story_rec	 r;
	const struct card_view	*card;		/* the card it is for, or NULL */
	bool			 fresh;		/* not in the bank yet */
	bool			 linked;	/* linked to card already */
};

/*
 * Every line of text (the last need not end in '\n') as a '#' comment,
 * wrapped between words to the terminal, at most 80 columns with the '#'.
 */
static void
comment_lines(struct buf *b, const char *text)
{
	struct buf w = { NULL, 0, 0 };
	int width = term_width() < 80 ? term_width() : 80;
	size_t n;

	term_wrap(&w, text, width - 2, 0);
	for (text = w.data; *text != '\0'; text += n + (text[n] == '\n')) {
		n = strcspn(text, "\n");
		buf_adds(b, "# ");
		buf_add(b, text, n);
		buf_addc(b, '\n');
	}
	buf_free(&w);
}

/*
 * The file the editor opens: comments saying what it is for, the title
 * and tags, the notes, then each part under its heading with a line
 * explaining it.  The '#' are added here, line by line, so that no
 * translation of the comments can leave a line of them in the story.
 */
static char *
template(const struct edit *e)
{
	const struct story_rec *r = &e->r;
	struct buf b = { 0 };
	char *intro;
	int i;

	if (e->card != NULL)
		/* TRANSLATORS: each line becomes a comment ("# ") in the
		   file; keep the line breaks short of 70 columns. */
		intro = xasprintf(_("Your story for %s/%s.\nWrite under each "
		    "heading; lines starting with '# ' are dropped,\nand the "
		    "title and tags may be changed here.\nSave an empty file "
		    "to take the story off this card.\n"), e->card->deck,
		    e->card->id);
	else
		/* TRANSLATORS: each line becomes a comment ("# "). */
		intro = xstrdup(_("Your story.  Write under each heading; "
		    "lines starting with '# '\nare dropped, and the title and "
		    "tags may be changed here.\nAn empty file changes "
		    "nothing.\n"));
	comment_lines(&b, intro);
	free(intro);
	if (e->card != NULL) {
		buf_adds(&b, "#\n");
		comment_lines(&b, e->card->front);
	}
	/* TRANSLATORS: "Title:" and "Tags:" lines of a story's file. */
	buf_printf(&b, "%s: %s\n%s:%s%s\n", _("Title"), r->title, _("Tags"),
	    r->tags != NULL ? " " : "", r->tags != NULL ? r->tags : "");
	if (*r->text.notes != '\0')
		buf_printf(&b, "\n%s\n", r->text.notes);
	/* Headings in the words of the explanations under them. */
	for (i = 0; i < STORY_PARTS; i++) {
		buf_printf(&b, "\n%s:\n", story_heading((enum story_part)i,
		    NULL));
		comment_lines(&b, story_explain((enum story_part)i));
		if (*r->text.part[i] != '\0')
			buf_printf(&b, "%s\n", r->text.part[i]);
	}
	return b.data;
}

/* A "Title:" line (in English, Dutch or the interface's words). */
static bool
header_line(const char *p, size_t len, const char *en, const char *nl,
    const char **rest)
{
	const char *words[] = { en, nl, _(en) }, *end = p + len;
	size_t i, n;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		n = strlen(words[i]);
		if (len > n && strncasecmp(p, words[i], n) == 0 &&
		    p[n] == ':') {
			for (p += n + 1; p < end && (*p == ' ' || *p == '\t');)
				p++;
			*rest = p;
			return true;
		}
	}
	return false;
}

/*
 * Read the file: the Title: and Tags: lines before the first heading,
 * then the story itself.  Only the first of each is taken: notes may
 * begin with such a line of their own (a story from before the bank).
 */
static void
read_edited(struct edited *e, const char *file)
{
	struct buf body = { 0 };
	const char *p, *rest, *q;
	enum story_part part;
	bool head = true;
	size_t n, len;
	char *line;

	memset(e, 0, sizeof *e);
	e->empty = true;
	for (p = file; *p != '\0'; p += n + (p[n] == '\n')) {
		n = strcspn(p, "\n");
		for (len = n; len > 0 && p[len - 1] == '\r'; len--)
			;
		if (story_heading_line(p, len, &part, &rest))
			head = false;
		else if (story_comment_line(p, len))
			continue;
		else if (head && e->title == NULL &&
		    header_line(p, len, "Title", "Titel", &rest)) {
			free(e->title);
			line = xstrndup(rest, (size_t)(p + len - rest));
			e->title = story_title_clean(line);
			free(line);
			e->empty = false;
			continue;
		} else if (head && e->tags == NULL &&
		    header_line(p, len, "Tags", "Tags", &rest)) {
			free(e->tags);
			e->tags = xstrndup(rest, (size_t)(p + len - rest));
			e->empty = false;
			continue;
		}
		for (q = p; q < p + len; q++)
			if (*q != ' ' && *q != '\t')
				e->empty = false;
		buf_add(&body, p, len);
		buf_addc(&body, '\n');
	}
	story_text_parse(&e->text, body.data != NULL ? body.data : "", true);
	buf_free(&body);
}

static void
edited_free(struct edited *e)
{
	free(e->title);
	free(e->tags);
	story_text_free(&e->text);
}

/*
 * Take the file's title, tags and text into e->r; *tags_json: the tags
 * to save.  0 and *changed, or -1 after saying why the file is refused.
 */
static int
take(struct edit *e, struct edited *ed, char **tags_json, bool *changed)
{
	struct story_rec *r = &e->r;
	const char *problem;
	char *bad, *old;

	*changed = !story_text_equal(&r->text, &ed->text);
	if (ed->title != NULL && strcmp(ed->title, r->title) != 0) {
		if ((problem = story_title_problem(ed->title)) != NULL) {
			warnx_(_("cannot save the story: %s"), problem);
			return -1;
		}
		free(r->title);
		r->title = ed->title;
		ed->title = NULL;
		*changed = true;
	}
	old = story_tags_json(r->tags != NULL ? r->tags : "", &bad);
	free(bad);
	*tags_json = story_tags_json(ed->tags != NULL ? ed->tags :
	    r->tags != NULL ? r->tags : "", &bad);
	if (bad != NULL) {
		warnx_(_("cannot save the story: '%s' is not a tag (one word "
		    "of printable text)"), bad);
		free(bad);
		free(old);
		return -1;
	}
	if ((old == NULL) != (*tags_json == NULL) || (old != NULL &&
	    strcmp(old, *tags_json) != 0))
		*changed = true;
	free(old);
	story_text_free(&r->text);
	r->text = ed->text;
	story_text_init(&ed->text);
	return 0;
}

/* "a story titled ... is in your bank already", with the title made safe. */
static void
title_taken(const char *title)
{
	char *t = term_safe(title);

	warnx_(_("cannot save the story: a story titled '%s' is in your "
	    "bank already"), t);
	free(t);
}

/*
 * Write e->r over the story as it was read, unless another process
 * changed it while it was in the editor: 0, 1 (title taken), 2
 * (changed meanwhile), -1 on error.
 */
static int
put(struct store *st, struct edit *e, const char *tags_json)
{
	struct story_rec now;
	int rc = store_story_get_id(st, e->r.id, &now);

	if (rc != 0)
		return rc > 0 ? 2 : -1;
	rc = now.updated_ms != e->r.updated_ms ? 2 :
	    store_story_put(st, &e->r, tags_json);
	story_rec_free(&now);
	return rc;
}

/*
 * Write e->r (new, or over the story as it was read), linking it to the
 * card when there is one; 0, 1 when the file must be kept (said), -1 on
 * a database error (not said).
 */
static int
save(struct store *st, struct edit *e, const char *tags_json)
{
	int rc;

	if (store_begin(st) != 0)
		return -1;
	if (e->fresh)
		rc = store_story_add(st, &e->r, tags_json);
	else
		rc = put(st, e, tags_json);
	if (rc == 0 && e->card != NULL && !e->linked)
		rc = store_story_link(st, e->r.id, e->card->deck,
		    e->card->id) < 0 ? -1 : 0;
	if (rc == 1)
		title_taken(e->r.title);
	else if (rc == 2)
		warnx_(_("cannot save the story: it was changed or deleted "
		    "while you were editing it"));
	if (rc != 0) {
		store_rollback(st);
		return rc < 0 ? -1 : 1;
	}
	return store_commit(st);
}

/* An empty file for a card's story: the story comes off the card. */
static int
take_off(struct store *st, struct edit *e)
{
	const struct card_view *v = e->card;
	int64_t left;

	if (store_begin(st) != 0)
		return -1;
	if (store_story_unlink(st, e->r.id, v->deck, v->id) < 0 ||
	    (left = store_story_link_count(st, e->r.id)) < 0 ||
	    (left == 0 && store_story_delete(st, e->r.id) != 0)) {
		store_rollback(st);
		return -1;
	}
	if (store_commit(st) != 0)
		return -1;
	printf(_("Story removed from %s/%s.\n"), v->deck, v->id);
	return 0;
}

/* What was saved, in one sentence, wrapped between words. */
static void
say_saved(const struct edit *e)
{
	char *t = term_safe(e->r.title), *m;

	if (e->card != NULL && e->fresh)
		m = xasprintf(_("Story saved for %s/%s, as '%s' in your story "
		    "bank.\n"), e->card->deck, e->card->id, t);
	else if (e->card != NULL && e->linked)
		m = xasprintf(_("Story saved for %s/%s.\n"), e->card->deck,
		    e->card->id);
	else if (e->card != NULL)
		m = xasprintf(_("Story '%s' saved and linked to %s/%s.\n"), t,
		    e->card->deck, e->card->id);
	else if (e->fresh)
		m = xasprintf(_("Story '%s' added to your story bank.\n"), t);
	else
		m = xasprintf(_("Story '%s' saved.\n"), t);
	term_print_wrapped(stdout, m, 0);
	free(m);
	free(t);
}

/*
 * Whether an unchanged story needs no writing: it does when it is named
 * new, or is to be linked to the card.
 */
static bool
settled(const struct edit *e)
{
	return e->card == NULL ? !e->fresh : e->linked || e->fresh;
}

/*
 * What the file says, done: an exit status, the file kept when refused.
 * untouched: the file is as it was written, which changes nothing even
 * where reading it back would (text kept whole as notes, say).
 */
static int
finish(struct store *st, struct edit *e, struct edited *ed, bool untouched)
{
	char *tags_json = NULL;
	bool changed;
	int rc;

	if (ed->empty) {
		if (e->card != NULL && !e->fresh && e->linked)
			return take_off(st, e) == 0 ? EXIT_OK : EXIT_FAIL;
		if (e->card == NULL)
			fputs(e->fresh ? _("Empty file: no story written.\n") :
			    _("Empty file: the story is left as it was.\n"),
			    stdout);
		else
			fputs(_("Story unchanged.\n"), stdout);
		return EXIT_OK;
	}
	if (untouched && settled(e)) {
		fputs(_("Story unchanged.\n"), stdout);
		return EXIT_OK;
	}
	if (take(e, ed, &tags_json, &changed) != 0)
		return -1;
	/* An untouched template writes no story; a story named new does. */
	if (!changed && settled(e)) {
		fputs(_("Story unchanged.\n"), stdout);
		free(tags_json);
		return EXIT_OK;
	}
	rc = save(st, e, tags_json);
	free(tags_json);
	if (rc == 0)
		say_saved(e);
	return rc == 0 ? EXIT_OK : rc > 0 ? -1 : EXIT_FAIL;
}

/* Edit e->r in the editor and save what comes back; frees e->r. */
static int
edit(struct store *st, struct edit *e)
{
	struct edit_file f;
	struct edited ed;
	char *file = template(e);
	int rc;

	if (editor_run(file, &f) != 0) {
		free(file);
		story_rec_free(&e->r);
		return EXIT_FAIL;
	}
	read_edited(&ed, f.text);
	rc = finish(st, e, &ed, strcmp(f.text, file) == 0);
	free(file);
	if (rc == EXIT_FAIL && store_failed(st))
		story_fail(st);
	/* Refused (-1, said) or not saved: the text is worth keeping. */
	editor_done(&f, rc != EXIT_OK);
	edited_free(&ed);
	story_rec_free(&e->r);
	return rc < 0 ? EXIT_FAIL : rc;
}

int
story_edit_new(struct store *st, const char *title, const char *tags)
{
	struct edit e;
	char *free_title;
	int same;

	memset(&e, 0, sizeof e);
	if ((free_title = store_story_free_title(st, title)) == NULL)
		return story_fail(st);
	same = strcmp(free_title, title) == 0;
	free(free_title);
	if (!same) {
		title_taken(title);
		return EXIT_FAIL;
	}
	e.fresh = true;
	e.r.title = xstrdup(title);
	e.r.language = xstrdup(story_language(NULL));
	e.r.tags = tags != NULL ? xstrdup(tags) : NULL;
	story_text_init(&e.r.text);
	return edit(st, &e);
}

int
story_edit_named(struct store *st, const char *name)
{
	struct edit e;

	memset(&e, 0, sizeof e);
	if (story_find(st, name, &e.r) != 0)
		return store_failed(st) ? story_fail(st) : EXIT_FAIL;
	return edit(st, &e);
}

/* A new story for a card, titled after its front. */
static int
card_story_new(struct store *st, struct edit *e)
{
	char *base = story_title_from_front(e->card->front);

	e->fresh = true;
	e->r.title = store_story_free_title(st, base);
	free(base);
	if (e->r.title == NULL)
		return story_fail(st);
	e->r.language = xstrdup(story_language(e->card->language));
	story_text_init(&e->r.text);
	return edit(st, e);
}

/*
 * Which of the card's stories to edit: the one named (linked or not),
 * its only one, or the one choose picks.  0 with e->r read, 1 when the
 * card has none, -1 when choose picked none, -2 on an error (said,
 * unless store_failed).
 */
static int
pick(struct store *st, struct edit *e, const char *name,
    story_choose_fn choose, void *arg)
{
	struct story_ref *refs;
	size_t n, i;
	int at = 0, rc;

	n = store_story_refs(st, e->card->deck, e->card->id, &refs);
	if (store_failed(st))
		return -2;
	if (name != NULL) {
		if ((rc = story_find(st, name, &e->r)) == 0)
			for (i = 0; i < n; i++)
				e->linked = e->linked || refs[i].id == e->r.id;
		story_refs_free(refs, n);
		return rc == 0 ? 0 : -2;
	}
	if (n > 1)
		at = choose(arg, refs, n);
	if (n > 0 && at >= 0) {
		e->linked = true;
		if ((rc = store_story_get_id(st, refs[at].id, &e->r)) > 0)
			warnx_(_("the story is no longer in the bank"));
		at = rc == 0 ? 0 : -2;
	}
	story_refs_free(refs, n);
	return n == 0 ? 1 : at;
}

int
story_edit_card(struct store *st, const struct card_view *v,
    const char *name, story_choose_fn choose, void *arg)
{
	struct edit e;
	int rc;

	memset(&e, 0, sizeof e);
	e.card = v;
	if ((rc = pick(st, &e, name, choose, arg)) > 0)
		return card_story_new(st, &e);
	if (rc == 0)
		return edit(st, &e);
	if (rc == -1)
		return EXIT_OK;
	return store_failed(st) ? story_fail(st) : EXIT_FAIL;
}
