/* cmd-new.c: rehearse new DECK: a starter deck for one company, written to DECK.yaml. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "convert.h"
#include "deck.h"
#include "i18n.h"
#include "rehearse.h"
#include "term.h"

/* The template with the deck id and the title line put in. */
static void
fill(struct buf *out, const struct new_template *t, const char *deck,
    const struct buf *title)
{
	const char *const *l;
	const char *p, *at;

	for (l = t->lines; *l != NULL; l++) {
		if (strcmp(*l, "@TITLE@") == 0) {
			buf_add(out, title->data, title->len);
			continue;
		}
		for (p = *l; (at = strstr(p, "@DECK@")) != NULL; p = at + 6) {
			buf_add(out, p, (size_t)(at - p));
			buf_adds(out, deck);
		}
		buf_adds(out, p);
		buf_addc(out, '\n');
	}
}

/* Write out to path, which must not exist; an exit status. */
static int
create(const char *path, const struct buf *out)
{
	size_t done = 0;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0666)) == -1) {
		if (errno == EEXIST)
			warnx_(_("%s: already exists; 'rehearse new' never "
			    "writes over a file"), path);
		else
			warnx_(_("%s: cannot create: %s"), path,
			    strerror(errno));
		return EXIT_FAIL;
	}
	while (done < out->len) {
		if ((n = write(fd, out->data + done, out->len - done)) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		done += (size_t)n;
	}
	if (done < out->len || close(fd) != 0) {
		warnx_(_("%s: cannot write: %s"), path, strerror(errno));
		if (done < out->len)
			close(fd);
		unlink(path);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

static int
cmd_new_exec(const struct options *o, int argc, char **argv)
{
	const struct new_template *t;
	const char *deck = argv[0];
	struct buf title = { NULL, 0, 0 }, out = { NULL, 0, 0 };
	char *path = NULL, *def = NULL, *said = NULL;
	int rc;

	(void)argc;
	if (!deck_valid_id(deck))
		return cmd_usage_error(_("new: '%s' is not a deck id: use "
		    "lower-case letters, digits and '-' (at most %d)"), deck,
		    DECK_ID_MAX);
	t = new_template(bundled_lang(o->lang));
	if (o->title == NULL)
		def = xasprintf(t->title, deck);
	if (!conv_emit_pair("title", o->title != NULL ? o->title : def,
	    &title)) {
		rc = cmd_usage_error(_("--title: '%s' is not UTF-8 text"),
		    o->title);
		goto out;
	}
	fill(&out, t, deck, &title);
	path = xasprintf("%s.yaml", deck);
	if ((rc = create(path, &out)) == EXIT_OK) {
		/* TRANSLATORS: the two commands stay on lines of their own,
		   so that they can be copied whole. */
		said = xasprintf(_("%s: written. Fill in the backs of its "
		    "cards, then:\n  rehearse lint %s\n  rehearse import %s\n"),
		    path, path, path);
		term_print_wrapped(stdout, said, 0);
	}
out:
	free(said);
	free(def);
	free(path);
	buf_free(&title);
	buf_free(&out);
	return rc;
}

const struct cmd_entry cmd_new_entry = {
	"new", "DECK [--title T] [--lang en|nl]", 1, 1, O_TITLE | O_LANG,
	cmd_new_exec,
};
