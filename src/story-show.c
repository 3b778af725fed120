/* story-show.c: the story bank for people and programs: one story, the list of them, and their check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "i18n.h"
#include "story.h"
#include "term.h"
#include "xmalloc.h"

/* A label in bold, then text wrapped under it, or a dim note when empty. */
static void
add_field(struct buf *b, const char *label, const char *text)
{
	struct buf clean = { 0 };

	buf_printf(b, "%s%s%s\n", term_bold(), label, term_reset());
	if (text == NULL || *text == '\0') {
		buf_printf(b, "  %s%s%s\n", term_dim(), _("(not written yet)"),
		    term_reset());
		return;
	}
	term_sanitize(&clean, text, true);
	term_wrap(b, clean.data, term_width(), 2);
	buf_free(&clean);
}

/* One card a story answers: DECK/CARD and its front, on one line. */
static void
add_link(void *arg, const struct story_link *l)
{
	struct buf *b = arg;
	size_t used = strlen(l->deck) + strlen(l->card) + 5;
	int width = term_width();

	buf_printf(b, "  %s/%s  ", l->deck, l->card);
	if (l->front == NULL)
		/* TRANSLATORS: a link kept for a deck not imported (yet). */
		buf_printf(b, "%s%s%s", term_dim(), _("(no such card: its deck "
		    "is not imported)"), term_reset());
	else {
		if (l->retired)
			buf_printf(b, "%s ", _("[retired]"));
		term_add_cut(b, l->front, (size_t)width > used + 20 ?
		    (size_t)width - used : 20);
	}
	buf_addc(b, '\n');
}

/* When it was rehearsed, and when it is due again. */
static void
add_rehearsals(struct buf *b, const struct story_rec *r)
{
	char last[DAY_BUFSZ], due[DAY_BUFSZ];
	long long n = r->rehearsals;

	if (n == 0) {
		buf_adds(b, _("Not rehearsed yet.\n"));
		return;
	}
	day_format(r->last_rehearsed, last);
	if (r->st.due == SCHED_NEW_DUE)
		buf_printf(b, ngettext("Rehearsed %lld time, last on %s.\n",
		    "Rehearsed %lld times, last on %s.\n", (unsigned long)n), n,
		    last);
	else
		buf_printf(b, ngettext("Rehearsed %lld time, last on %s; next "
		    "rehearsal due %s.\n", "Rehearsed %lld times, last on %s; "
		    "next rehearsal due %s.\n", (unsigned long)n), n, last,
		    day_format(r->st.due, due));
}

/*
 * The heading: the title in bold, its id in brackets after it, wrapped
 * between words when the terminal is too narrow for them on one line.
 */
static void
add_title(struct buf *b, const char *title, const char *slug)
{
	struct buf line = { NULL, 0, 0 }, out = { NULL, 0, 0 };
	size_t left, i;

	buf_printf(&line, "%s (%s)\n", title, slug);
	term_wrap(&out, line.data, term_width(), 0);
	/* The bold ends after the title's last character, wherever it went. */
	for (left = 0, i = 0; title[i] != '\0'; i++)
		left += title[i] != ' ';
	buf_adds(b, term_bold());
	if (left == 0)
		buf_adds(b, term_reset());
	for (i = 0; i < out.len; i++) {
		buf_addc(b, out.data[i]);
		if (left > 0 && out.data[i] != ' ' && out.data[i] != '\n' &&
		    --left == 0)
			buf_adds(b, term_reset());
	}
	buf_free(&line);
	buf_free(&out);
}

int
story_show(struct store *st, const struct story_rec *r, bool json)
{
	struct buf b = { 0 }, links = { 0 };
	char *text, *title;
	int i;

	if (json) {
		if ((text = store_story_json(st, r->id)) != NULL &&
		    !store_failed(st))
			puts(text);
		free(text);
		return store_failed(st) ? story_fail(st) : EXIT_OK;
	}
	if (store_story_links(st, r->id, add_link, &links) != 0) {
		buf_free(&links);
		return story_fail(st);
	}
	title = term_safe(r->title);
	add_title(&b, title, r->slug);
	free(title);
	if (r->tags != NULL) {
		text = term_safe(r->tags);
		buf_printf(&b, "%s%s:%s %s\n", term_bold(), _("Tags"),
		    term_reset(), text);
		free(text);
	}
	buf_printf(&b, "%s%s%s\n", term_bold(), _("Questions it answers"),
	    term_reset());
	buf_adds(&b, links.data != NULL ? links.data : "");
	if (links.data == NULL)
		buf_printf(&b, "  %s%s%s\n", term_dim(), _("(none yet: "
		    "'rehearse story link' links it to a card)"),
		    term_reset());
	if (*r->text.notes != '\0')
		add_field(&b, _("Notes"), r->text.notes);
	for (i = 0; i < STORY_PARTS; i++)
		add_field(&b, story_heading((enum story_part)i, r->language),
		    r->text.part[i]);
	add_rehearsals(&b, r);
	fputs(b.data, stdout);
	buf_free(&b);
	buf_free(&links);
	return EXIT_OK;
}

/* The columns a title keeps in the list, cut to fit if need be. */
#define TITLE_MIN	20

/* The list is printed once every row is read, so never in part. */
struct listing {
	struct story_row	*rows;
	size_t			 n;
	int			 width;		/* of the STORY column */
};

static void
keep_row(void *arg, const struct story_row *r)
{
	struct listing *l = arg;
	struct story_row *k;
	int w = (int)strlen(r->slug);

	l->rows = xreallocarray(l->rows, l->n + 1, sizeof *l->rows);
	k = &l->rows[l->n++];
	*k = *r;
	k->slug = xstrdup(r->slug);
	k->title = xstrdup(r->title);
	k->tags = r->tags != NULL ? xstrdup(r->tags) : NULL;
	if (w > l->width)
		l->width = w;
}

/* A heading padded to width columns, by display width. */
static void
add_heading(struct buf *b, const char *name, int width, bool right)
{
	int pad = width - (int)term_display_width(name);

	if (right && pad > 0)
		buf_printf(b, "%*s", pad, "");
	buf_adds(b, name);
	if (!right && pad > 0)
		buf_printf(b, "%*s", pad, "");
}

/*
 * One story's row; an id wider than its column has a line of its own,
 * the row going on under it, as df(1) does with a long device name.
 */
static void
add_row(struct buf *b, const struct story_row *r, const int *w)
{
	char day[DAY_BUFSZ], parts[16], *title;
	const char *last;
	int room = term_width() - (w[0] + w[1] + w[2] + w[3] + 4);

	/* TRANSLATORS: in the REHEARSED column, for a story not yet. */
	last = r->last == SCHED_NEW_DUE ? _("never") : day_format(r->last,
	    day);
	if ((int)strlen(r->slug) > w[0])
		buf_printf(b, "%s\n%*s %*lld ", r->slug, w[0], "", w[1],
		    (long long)r->cards);
	else
		buf_printf(b, "%-*s %*lld ", w[0], r->slug, w[1],
		    (long long)r->cards);
	snprintf(parts, sizeof parts, "%d/%d", r->parts, STORY_PARTS);
	add_heading(b, parts, w[2], true);
	buf_addc(b, ' ');
	add_heading(b, last, w[3], false);
	buf_addc(b, ' ');
	title = r->tags != NULL ? xasprintf("%s [%s]", r->title, r->tags) :
	    xstrdup(r->title);
	term_add_cut(b, title, room < TITLE_MIN ? TITLE_MIN : (size_t)room);
	free(title);
	buf_addc(b, '\n');
}

int
story_list(struct store *st, bool json)
{
	static const char *const names[] = { N_("STORY"), N_("CARDS"),
	    N_("PARTS"), N_("REHEARSED"), N_("TITLE") };
	/* The ids' column is as wide as the widest id. */
	static const int usual[] = { 5, 5, 5, 10 };
	struct listing l = { NULL, 0, 0 };
	struct buf b = { 0 };
	int w[4], i, room;
	size_t k;
	char *text;

	if (json) {
		if ((text = store_story_json_list(st)) != NULL)
			puts(text);
		free(text);
		return store_failed(st) ? story_fail(st) : EXIT_OK;
	}
	if (store_story_list(st, keep_row, &l) != 0 || store_failed(st))
		goto out;
	for (i = 0; i < 4; i++) {
		w[i] = (int)term_display_width(_(names[i]));
		if (w[i] < usual[i])
			w[i] = usual[i];
	}
	/* As wide as the widest id, if the titles keep room beside it. */
	room = term_width() - (w[1] + w[2] + w[3] + 4) - TITLE_MIN;
	if (l.width > w[0])
		w[0] = l.width < room ? l.width : room > w[0] ? room : w[0];
	for (i = 0; i < 4; i++) {
		add_heading(&b, _(names[i]), w[i], i == 1 || i == 2);
		buf_addc(&b, ' ');
	}
	buf_printf(&b, "%s\n", _(names[4]));
	for (k = 0; k < l.n; k++)
		add_row(&b, &l.rows[k], w);
	if (l.n == 0)
		fputs(_("Your story bank is empty: 'rehearse story new TITLE' "
		    "writes a story, 'rehearse story DECK/CARD' one for a "
		    "card.\n"), stdout);
	else
		fputs(b.data, stdout);
out:
	for (k = 0; k < l.n; k++) {
		free((char *)l.rows[k].slug);
		free((char *)l.rows[k].title);
		free((char *)l.rows[k].tags);
	}
	free(l.rows);
	buf_free(&b);
	return store_failed(st) ? story_fail(st) : EXIT_OK;
}

/* A story's findings, and their count. */
struct findings {
	const char	*slug;
	size_t		 errors;
	size_t		 warnings;
};

static void
finding(void *arg, bool error, const char *msg)
{
	struct findings *f = arg;

	fprintf(stderr, "%s: %s: %s\n", f->slug, error ? _("error") :
	    _("warning"), msg);
	if (error)
		f->errors++;
	else
		f->warnings++;
}

/* Check one story; whether it has no error. */
static bool
check_one(const struct story_rec *r)
{
	struct findings f = { r->slug, 0, 0 };
	char words[64], errors[64], warnings[64];
	size_t n = story_words(&r->text);

	fflush(stdout);
	story_check(&r->text, finding, &f);
	fflush(stderr);
	snprintf(words, sizeof words, ngettext("%zu word", "%zu words", n), n);
	snprintf(errors, sizeof errors, ngettext("%zu error", "%zu errors",
	    f.errors), f.errors);
	snprintf(warnings, sizeof warnings, ngettext("%zu warning",
	    "%zu warnings", f.warnings), f.warnings);
	/* TRANSLATORS: a story's id, "240 words", "1 error", "2 warnings". */
	printf(_("%s: %s, %s, %s\n"), r->slug, words, errors, warnings);
	return f.errors == 0;
}

int
story_check_bank(struct store *st, int argc, char **argv)
{
	struct story_ref *refs = NULL;
	struct story_rec r;
	size_t n = 0, i;
	int rc = EXIT_OK, found;

	if (argc == 0 && (n = store_story_refs(st, NULL, NULL, &refs)) == 0 &&
	    !store_failed(st))
		fputs(_("Your story bank is empty: nothing to check.\n"),
		    stdout);
	for (i = 0; i < (argc > 0 ? (size_t)argc : n) && !store_failed(st);
	    i++) {
		found = argc > 0 ? story_find(st, argv[i], &r) :
		    store_story_get_id(st, refs[i].id, &r);
		if (found != 0) {
			rc = EXIT_FAIL;
			continue;
		}
		if (!check_one(&r))
			rc = EXIT_FAIL;
		story_rec_free(&r);
	}
	story_refs_free(refs, n);
	return store_failed(st) ? story_fail(st) : rc;
}
