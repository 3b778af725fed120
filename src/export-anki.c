/* export-anki.c: a deck as Anki's "Notes in Plain Text", for export --format anki. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "rehearse.h"
#include "xmalloc.h"

struct anki_out {
	struct buf	 out;		/* the whole file, written once read */
	char		*deck;		/* the deck's id, for the guids */
};

/*
 * Text as an HTML field: Anki reads the file with #html:true, so markup
 * characters are entities, and line breaks and tabs (which would end
 * the note or the field) are HTML too.  A quote is an entity as well,
 * so that no field ever needs CSV quoting.
 */
static void
field(struct buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		switch (*s) {
		case '&':
			buf_adds(b, "&amp;");
			break;
		case '<':
			buf_adds(b, "&lt;");
			break;
		case '>':
			buf_adds(b, "&gt;");
			break;
		case '"':
			buf_adds(b, "&quot;");
			break;
		case '\n':
			buf_adds(b, "<br>");
			break;
		case '\t':
			buf_adds(b, "&#9;");
			break;
		case '\r':
			break;
		default:
			buf_addc(b, *s);
		}
	}
}

/* A part of the back after the back itself, under a bold label. */
static void
section(struct buf *b, const char *label, const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	if (b->len > 0 && b->data[b->len - 1] != '\t')
		buf_adds(b, "<br><br>");
	buf_adds(b, "<b>");
	field(b, label);
	buf_adds(b, "</b><br>");
	field(b, text);
}

/* A header value: one line, without the characters that end one. */
static void
header(struct buf *b, const char *key, const char *value)
{
	buf_adds(b, key);
	for (; *value != '\0'; value++)
		buf_addc(b, *value == '\n' || *value == '\r' ||
		    *value == '\t' ? ' ' : *value);
	buf_addc(b, '\n');
}

static void
on_deck(void *arg, const struct export_deck *d)
{
	struct anki_out *a = arg;
	struct buf *b = &a->out;

	free(a->deck);
	a->deck = xstrdup(d->id);
	buf_adds(b, "#separator:tab\n#html:true\n#notetype:Basic\n");
	header(b, "#deck:", d->title != NULL ? d->title : d->id);
	/* Anki puts these on every note it imports, as the deck's apply. */
	if (d->tags != NULL && *d->tags != '\0')
		header(b, "#tags:", d->tags);
	buf_adds(b, "#tags column:4\n#guid column:1\n");
}

/*
 * One note: DECK/CARD as its guid (importing the file again updates the
 * notes; Anki's guids are unique in a whole collection, and two decks
 * may both have a card "why-us"), the front, the back with the hint and the example answer
 * (or your story), then the tags separated by spaces.
 */
static void
on_card(void *arg, const struct export_card *c)
{
	struct anki_out *a = arg;
	struct buf *b = &a->out;
	const char *p;

	buf_printf(b, "%s/%s\t", a->deck, c->id);
	field(b, c->front);
	buf_addc(b, '\t');
	field(b, c->back);
	section(b, _("Hint"), c->hint);
	section(b, _("Example answer"), c->example);
	section(b, _("Your stories"), c->story);
	buf_addc(b, '\t');
	for (p = c->tags; p != NULL && *p != '\0'; p++)
		buf_addc(b, *p == '\n' ? ' ' : *p);
	buf_addc(b, '\n');
}

int
export_anki(struct store *st, const char *deck, bool with_stories)
{
	struct anki_out a;
	int rc;

	memset(&a, 0, sizeof a);
	rc = store_export(st, deck, with_stories, on_deck, on_card, &a);
	if (rc == 0 && store_failed(st))
		rc = -1;
	if (rc == 1)
		warnx_(_("%s: no such deck (see 'rehearse list')"), deck);
	else if (rc < 0)
		warnx_("%s", store_error(st));
	else if (fwrite(a.out.data, 1, a.out.len, stdout) != a.out.len ||
	    fflush(stdout) != 0) {
		warnx_(_("cannot write the deck: %s"), _("write error"));
		rc = -1;
	}
	buf_free(&a.out);
	free(a.deck);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}
