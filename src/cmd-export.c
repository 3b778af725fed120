/* cmd-export.c: a deck back as YAML, through libyaml's emitter. */
#include <stdio.h>
#include <string.h>

#include <yaml.h>

#include "config.h"
#include "i18n.h"
#include "rehearse.h"
#include "xmalloc.h"

struct export {
	yaml_emitter_t	 em;
	struct buf	 out;		/* the whole file, written once read */
	bool		 failed;
};

/*
 * libyaml's output goes to memory: a read that fails half way must not
 * leave half a deck on stdout, which reads back as a shorter one.
 */
static int
collect(void *arg, unsigned char *text, size_t len)
{
	buf_add(arg, text, len);
	return 1;
}

static void
emit(struct export *x, yaml_event_t *ev)
{
	if (x->failed)
		yaml_event_delete(ev);
	else if (!yaml_emitter_emit(&x->em, ev))
		x->failed = true;
}

/*
 * Plain when libyaml can, a literal block for several lines, and quoted
 * where a plain scalar would read back as missing.
 */
static void
scalar(struct export *x, const char *s)
{
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;
	yaml_event_t ev;

	if (strchr(s, '\n') != NULL)
		style = YAML_LITERAL_SCALAR_STYLE;
	else if (*s == '\0' || strcmp(s, "~") == 0)
		style = YAML_SINGLE_QUOTED_SCALAR_STYLE;
	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
	    (int)strlen(s), 1, 1, style);
	emit(x, &ev);
}

static void
pair(struct export *x, const char *key, const char *value)
{
	if (value == NULL)
		return;
	scalar(x, key);
	scalar(x, value);
}

static void
mapping(struct export *x, bool start)
{
	yaml_event_t ev;

	if (start)
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
		    YAML_BLOCK_MAPPING_STYLE);
	else
		yaml_mapping_end_event_initialize(&ev);
	emit(x, &ev);
}

/* tags: one per line in the store, a flow sequence in the file. */
static void
tags(struct export *x, const char *list)
{
	yaml_event_t ev;
	const char *p, *nl;
	char tag[256];
	size_t n;

	if (list == NULL)
		return;
	scalar(x, "tags");
	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
	    YAML_FLOW_SEQUENCE_STYLE);
	emit(x, &ev);
	for (p = list; *p != '\0'; p = *nl != '\0' ? nl + 1 : nl) {
		nl = p + strcspn(p, "\n");
		n = (size_t)(nl - p) < sizeof tag - 1 ? (size_t)(nl - p) :
		    sizeof tag - 1;
		memcpy(tag, p, n);
		tag[n] = '\0';
		scalar(x, tag);
	}
	yaml_sequence_end_event_initialize(&ev);
	emit(x, &ev);
}

/* probes: a block sequence, one follow-up question a line. */
static void
probes(struct export *x, const char *const *list)
{
	yaml_event_t ev;

	if (list == NULL)
		return;
	scalar(x, "probes");
	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
	    YAML_BLOCK_SEQUENCE_STYLE);
	emit(x, &ev);
	for (; *list != NULL; list++)
		scalar(x, *list);
	yaml_sequence_end_event_initialize(&ev);
	emit(x, &ev);
}

static void
on_deck(void *arg, const struct export_deck *d)
{
	struct export *x = arg;
	yaml_event_t ev;

	mapping(x, true);
	pair(x, "deck", d->id);
	pair(x, "title", d->title);
	pair(x, "language", d->language);
	pair(x, "kind", d->kind);
	pair(x, "section", d->section);
	pair(x, "description", d->description);
	tags(x, d->tags);
	scalar(x, "cards");
	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
	    YAML_BLOCK_SEQUENCE_STYLE);
	emit(x, &ev);
}

static void
on_card(void *arg, const struct export_card *c)
{
	struct export *x = arg;

	mapping(x, true);
	pair(x, "id", c->id);
	pair(x, "kind", c->kind);
	pair(x, "section", c->section);
	pair(x, "front", c->front);
	pair(x, "back", *c->back != '\0' ? c->back : NULL);
	pair(x, "hint", c->hint);
	probes(x, c->probes);
	tags(x, c->tags);
	/* --with-stories: your story, where you wrote one, is the example. */
	pair(x, "example", c->story != NULL ? c->story : c->example);
	mapping(x, false);
}

static int
cmd_export_exec(const struct options *o, int argc, char **argv)
{
	struct export x;
	struct store *st;
	yaml_event_t ev;
	int rc;

	(void)argc;
	if (o->format != NULL && strcmp(o->format, "yaml") != 0 &&
	    strcmp(o->format, "anki") != 0)
		return cmd_usage_error(_("--format: '%s' is not a format "
		    "export writes (yaml, anki)"), o->format);
	if ((st = cmd_open_store(o)) == NULL)
		return EXIT_FAIL;
	if (o->format != NULL && strcmp(o->format, "anki") == 0) {
		rc = export_anki(st, argv[0],
		    (o->given & O_WITH_STORIES) != 0);
		store_close(st);
		return rc;
	}
	memset(&x, 0, sizeof x);
	yaml_emitter_initialize(&x.em);
	yaml_emitter_set_output(&x.em, collect, &x.out);
	yaml_emitter_set_unicode(&x.em, 1);
	yaml_emitter_set_width(&x.em, 78);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(&x, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(&x, &ev);
	rc = store_export(st, argv[0], (o->given & O_WITH_STORIES) != 0,
	    on_deck, on_card, &x);
	if (rc == 0) {
		yaml_sequence_end_event_initialize(&ev);
		emit(&x, &ev);
		mapping(&x, false);
		yaml_document_end_event_initialize(&ev, 1);
		emit(&x, &ev);
		yaml_stream_end_event_initialize(&ev);
		emit(&x, &ev);
	}
	if (rc == 0 && store_failed(st))
		rc = -1;
	if (rc == 1)
		warnx_(_("%s: no such deck (see 'rehearse list')"), argv[0]);
	else if (rc < 0)
		warnx_("%s", store_error(st));
	else if (x.failed || (x.out.len > 0 &&
	    fwrite(x.out.data, 1, x.out.len, stdout) != x.out.len) ||
	    fflush(stdout) != 0) {
		/* libyaml's problem is its own wording, left as it is. */
		warnx_(_("cannot write the deck: %s"),
		    x.em.problem != NULL ? x.em.problem : _("write error"));
		rc = -1;
	}
	yaml_emitter_delete(&x.em);
	buf_free(&x.out);
	store_close(st);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

const struct cmd_entry cmd_export_entry = {
	"export", "DECK [--with-stories] [--format yaml|anki]", 1, 1,
	O_WITH_STORIES | O_FORMAT, cmd_export_exec,
};
