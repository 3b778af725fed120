/* story-yaml.c: the story bank as a YAML file: written out (story export) and read in (story import). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "emit.h"
#include "i18n.h"
#include "story.h"
#include "story-file.h"
#include "xmalloc.h"

/* Said once, at the top: libyaml's emitter writes no comments. */
#define EXPORT_HEADER \
    "# A rehearse story bank: 'rehearse story import FILE' reads it.\n"

/* "a, b" (tags as the store gives them) one a line, for emit_list. */
static char *
lines_of(const char *list)
{
	struct buf b = { 0 };
	const char *p;
	size_t n;

	for (p = list; *p != '\0'; p += n, p += strspn(p, ", ")) {
		n = strcspn(p, ", ");
		if (b.len > 0)
			buf_addc(&b, '\n');
		buf_add(&b, p, n);
	}
	return b.data;
}

static void
emit_story(void *arg, const struct story_rec *r, const char *cards)
{
	struct emit *x = arg;
	char *tags = r->tags != NULL ? lines_of(r->tags) : NULL;
	int i;

	emit_mapping(x, true);
	emit_pair(x, "title", r->title);
	emit_pair(x, "language", r->language);
	emit_list(x, "tags", tags);
	if (*r->text.notes != '\0')
		emit_pair(x, "notes", r->text.notes);
	for (i = 0; i < STORY_PARTS; i++)
		if (*r->text.part[i] != '\0')
			emit_pair(x, story_part_key((enum story_part)i),
			    r->text.part[i]);
	emit_list(x, "cards", cards);
	emit_mapping(x, false);
	free(tags);
}

/*
 * Write the file whole or not at all: a temporary file beside it (mode
 * 0600, stories are private), renamed over it.
 */
static int
write_file(const char *path, const char *text, size_t len)
{
	char *tmp = xasprintf("%s.XXXXXX", path);
	int fd, e = 0;
	FILE *fp = NULL;

	errno = 0;
	if ((fd = mkstemp(tmp)) < 0 || (fp = fdopen(fd, "w")) == NULL)
		e = errno;
	else if ((len > 0 && fwrite(text, 1, len, fp) != len) ||
	    fflush(fp) != 0 || fsync(fd) != 0)
		e = errno != 0 ? errno : EIO;
	if (fp != NULL && fclose(fp) != 0 && e == 0)
		e = errno != 0 ? errno : EIO;
	else if (fp == NULL && fd >= 0)
		close(fd);
	if (e == 0 && rename(tmp, path) != 0)
		e = errno;
	if (e != 0) {
		warnx_(_("%s: cannot write: %s"), path, strerror(e));
		if (fd >= 0)
			unlink(tmp);
	}
	free(tmp);
	return e == 0 ? 0 : -1;
}

int
story_export(struct store *st, const char *path)
{
	struct emit *x = emit_new();
	struct buf out = { 0 };
	const char *text, *problem;
	size_t len;
	int rc = EXIT_FAIL;

	emit_mapping(x, true);
	emit_scalar(x, "stories");
	emit_sequence(x, true);
	if (store_story_export(st, emit_story, x) != 0 || store_failed(st)) {
		emit_free(x);
		return story_fail(st);
	}
	emit_sequence(x, false);
	emit_mapping(x, false);
	if ((text = emit_end(x, &len, &problem)) == NULL)
		/* libyaml's problem is its own wording, left as it is. */
		warnx_(_("cannot write the story bank: %s"), problem != NULL ?
		    problem : _("write error"));
	else {
		buf_adds(&out, EXPORT_HEADER);
		buf_add(&out, text, len);
		if (path == NULL || strcmp(path, "-") == 0) {
			if (fwrite(out.data, 1, out.len, stdout) == out.len &&
			    fflush(stdout) == 0)
				rc = EXIT_OK;
			else
				warnx_(_("cannot write the story bank: %s"),
				    strerror(errno));
		} else if (write_file(path, out.data, out.len) == 0)
			rc = EXIT_OK;
	}
	buf_free(&out);
	emit_free(x);
	return rc;
}

/* What an import did, for its summary. */
struct import {
	struct store	*st;
	const char	*path;
	size_t		 added, changed, same;
	size_t		 links, linked, waiting;
};

/* A story's cards: linked, and a warning for each not in the database. */
static int
link_cards(struct import *im, const struct story_entry *e, int64_t id)
{
	const struct story_file_card *c;
	size_t i;
	int rc;

	for (i = 0; i < e->ncards; i++) {
		c = &e->cards[i];
		if ((rc = store_story_link(im->st, id, c->deck, c->card)) < 0)
			return -1;
		im->links++;
		im->linked += rc == 0;
		if ((rc = store_card_exists(im->st, c->deck, c->card)) < 0)
			return -1;
		if (rc == 0) {
			im->waiting++;
			story_file_diag(stderr, im->path, c->line, c->column,
			    false, _("no card %s/%s (yet): the link is kept for "
			    "when its deck is imported"), c->deck, c->card);
		}
	}
	return 0;
}

static int
merge(void *arg, const struct story_entry *e)
{
	struct import *im = arg;
	struct story_rec r;
	int rc, i;

	memset(&r, 0, sizeof r);
	r.title = xstrdup(e->title);
	r.language = e->language != NULL ? xstrdup(e->language) : NULL;
	r.text.notes = xstrdup(e->text.notes);
	for (i = 0; i < STORY_PARTS; i++)
		r.text.part[i] = xstrdup(e->text.part[i]);
	rc = store_story_merge(im->st, &r, e->tags);
	if (rc == 0)
		im->added++;
	else if (rc == 1)
		im->changed++;
	else if (rc == 2)
		im->same++;
	if (rc >= 0)
		rc = link_cards(im, e, r.id);
	story_rec_free(&r);
	return rc < 0 ? -1 : 0;
}

/* One transaction: a file with any error changes nothing. */
int
story_import(struct store *st, const char *path)
{
	struct import im = { st, path, 0, 0, 0, 0, 0, 0 };
	struct story_file_result res;
	char stories[64], links[64];
	int rc;

	if (store_begin(st) != 0)
		return story_fail(st);
	rc = story_file_read(path, merge, &im, &res, stderr);
	if (rc != 0 || store_failed(st)) {
		store_rollback(st);
		if (store_failed(st))
			return story_fail(st);
		warnx_(ngettext("%s: not imported (%zu error)",
		    "%s: not imported (%zu errors)", res.errors), path,
		    res.errors);
		return EXIT_FAIL;
	}
	if (store_commit(st) != 0)
		return story_fail(st);
	snprintf(stories, sizeof stories, ngettext("%zu story", "%zu stories",
	    res.stories), res.stories);
	snprintf(links, sizeof links, ngettext("%zu link to a card",
	    "%zu links to cards", im.links), im.links);
	/* TRANSLATORS: the file, "3 stories", counts of stories, "7 links
	   to cards", and how many links are new. */
	printf(_("%s: %s (%zu new, %zu changed, %zu unchanged), %s (%zu "
	    "new)\n"), path, stories, im.added, im.changed, im.same, links,
	    im.linked);
	return EXIT_OK;
}
