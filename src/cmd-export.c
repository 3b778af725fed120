/* cmd-export.c: a deck back as YAML, through libyaml's emitter. */
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "emit.h"
#include "i18n.h"
#include "rehearse.h"

static void
on_deck(void *arg, const struct export_deck *d)
{
	struct emit *x = arg;

	emit_mapping(x, true);
	emit_pair(x, "deck", d->id);
	emit_pair(x, "title", d->title);
	emit_pair(x, "language", d->language);
	emit_pair(x, "kind", d->kind);
	emit_pair(x, "section", d->section);
	emit_pair(x, "description", d->description);
	emit_list(x, "tags", d->tags);
	emit_scalar(x, "cards");
	emit_sequence(x, true);
}

/* A practice card's follow-up questions, a block sequence. */
static void
probes(struct emit *x, const char *const *list)
{
	if (list == NULL)
		return;
	emit_scalar(x, "probes");
	emit_sequence(x, true);
	for (; *list != NULL; list++)
		emit_scalar(x, *list);
	emit_sequence(x, false);
}

static void
on_card(void *arg, const struct export_card *c)
{
	struct emit *x = arg;

	emit_mapping(x, true);
	emit_pair(x, "id", c->id);
	emit_pair(x, "kind", c->kind);
	emit_pair(x, "section", c->section);
	emit_pair(x, "front", c->front);
	emit_pair(x, "back", *c->back != '\0' ? c->back : NULL);
	emit_pair(x, "hint", c->hint);
	probes(x, c->probes);
	emit_list(x, "tags", c->tags);
	/* --with-stories: your stories, where the card has some. */
	emit_pair(x, "example", c->story != NULL ? c->story : c->example);
	emit_mapping(x, false);
}

static int
cmd_export_exec(const struct options *o, int argc, char **argv)
{
	struct emit *x;
	struct store *st;
	const char *text, *problem;
	size_t len;
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
	x = emit_new();
	rc = store_export(st, argv[0], (o->given & O_WITH_STORIES) != 0,
	    on_deck, on_card, x);
	if (rc == 0) {
		emit_sequence(x, false);
		emit_mapping(x, false);
	}
	text = emit_end(x, &len, &problem);
	if (rc == 0 && store_failed(st))
		rc = -1;
	if (rc == 1)
		warnx_(_("%s: no such deck (see 'rehearse list')"), argv[0]);
	else if (rc < 0)
		warnx_("%s", store_error(st));
	else if (text == NULL || (len > 0 &&
	    fwrite(text, 1, len, stdout) != len) || fflush(stdout) != 0) {
		/* libyaml's problem is its own wording, left as it is. */
		warnx_(_("cannot write the deck: %s"),
		    problem != NULL ? problem : _("write error"));
		rc = -1;
	}
	emit_free(x);
	store_close(st);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

const struct cmd_entry cmd_export_entry = {
	"export", "DECK [--with-stories] [--format yaml|anki]", 1, 1,
	O_WITH_STORIES | O_FORMAT, cmd_export_exec,
};
