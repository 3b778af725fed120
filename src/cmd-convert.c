/* cmd-convert.c: rehearse convert FILE: a list of questions as a deck on standard output. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "config.h"
#include "convert.h"
#include "i18n.h"
#include "rehearse.h"

enum format { F_MD, F_CSV, F_TSV, F_ANKI, F_NONE };
static const char *const format_names[] = { "md", "csv", "tsv", "anki" };

/* The file's bytes, at most CONV_FILE_MAX and one more to notice more. */
static bool
slurp(struct conv *cv, const char *path, struct buf *out)
{
	char chunk[1 << 16];
	struct stat st;
	ssize_t n;
	int fd;
	bool ok = false;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1 ||
	    fstat(fd, &st) == -1) {
		conv_error(cv, 0, _("cannot open: %s"), strerror(errno));
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		conv_error(cv, 0, _("is a directory"));
		goto out;
	}
	buf_add(out, "", 0);
	while (out->len <= CONV_FILE_MAX) {
		if ((n = read(fd, chunk, sizeof chunk)) == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			conv_error(cv, 0, _("cannot read: %s"),
			    strerror(errno));
			goto out;
		}
		buf_add(out, chunk, (size_t)n);
	}
	ok = true;
out:
	if (fd != -1)
		close(fd);
	return ok;
}

/* Anki's header lines, as its exports begin. */
static bool
anki_headers(const char *text)
{
	static const char *const keys[] = { "#separator:", "#html:",
	    "#notetype:", "#deck:", "#tags column:", "#guid column:",
	    "#notetype column:", "#deck column:", "#columns:", NULL };
	size_t i;

	for (i = 0; keys[i] != NULL; i++)
		if (strncmp(text, keys[i], strlen(keys[i])) == 0)
			return true;
	return false;
}

/*
 * The format: Anki's header lines whatever the name (notes saved as
 * .csv are still Anki's), else from the file's name, and for a .txt or
 * a name that says nothing, from what it holds: a header row naming a
 * front column (CSV or TSV), tab-separated notes (Anki), else Markdown
 * (a list in plain text reads as one).
 */
static enum format
guess(const char *path, const char *text)
{
	static const char *const md[] = { "md", "markdown", "mdown", "mkd",
	    "mkdn", NULL };
	const char *base = strrchr(path, '/'), *ext;
	size_t i, line = strcspn(text, "\n");

	if (anki_headers(text))
		return F_ANKI;
	ext = strrchr(base != NULL ? base + 1 : path, '.');
	ext = ext != NULL ? ext + 1 : "";
	for (i = 0; md[i] != NULL; i++)
		if (strcasecmp(ext, md[i]) == 0)
			return F_MD;
	if (strcasecmp(ext, "csv") == 0)
		return F_CSV;
	if (strcasecmp(ext, "tsv") == 0 || strcasecmp(ext, "tab") == 0)
		return F_TSV;
	if (csv_has_header(text))
		return F_CSV;
	return memchr(text, '\t', line) != NULL ? F_ANKI : F_MD;
}

/* The deck id from the file's name: "Interview Questions.md" -> interview-questions. */
static char *
id_from_path(const char *path)
{
	const char *base = strrchr(path, '/'), *end;
	char id[DECK_ID_MAX + 1];
	size_t n = 0;
	bool gap = false;

	base = base != NULL ? base + 1 : path;
	if ((end = strrchr(base, '.')) == NULL || end == base)
		end = base + strlen(base);
	for (; base < end && n < DECK_ID_MAX; base++) {
		if (!((*base >= 'a' && *base <= 'z') || (*base >= 'A' &&
		    *base <= 'Z') || (*base >= '0' && *base <= '9'))) {
			gap = true;
			continue;
		}
		if (gap && n > 0 && n < DECK_ID_MAX - 1)
			id[n++] = '-';
		id[n++] = (char)(*base | (*base >= 'A' && *base <= 'Z' ?
		    0x20 : 0));
		gap = false;
	}
	id[n] = '\0';
	return xstrdup(n > 0 ? id : "converted");
}

/* Why a file that read without errors gave no card, by format. */
static void
nothing(struct conv *cv, enum format f)
{
	if (f == F_MD)
		conv_error(cv, 0, _("no questions found: a question is a "
		    "list item that ends in '?' or starts with a word such as "
		    "how, what, why, tell or describe"));
	else if (f == F_ANKI)
		conv_error(cv, 0, _("no notes found: an Anki text export "
		    "has one note a line, after its #header lines"));
	else
		conv_error(cv, 0, _("no cards found: only a header line"));
}

static void
run(struct conv *cv, enum format f, const char *text)
{
	if (f == F_MD)
		convert_md(cv, text);
	else if (f == F_CSV)
		convert_csv(cv, text, '\0');
	else if (f == F_TSV)
		convert_csv(cv, text, '\t');
	else
		convert_anki(cv, text);
	if (cv->errors == 0 && cv->ncards == 0)
		nothing(cv, f);
}

static enum format
format_arg(const char *s)
{
	size_t i;

	for (i = 0; i < F_NONE; i++)
		if (strcmp(format_names[i], s) == 0)
			return (enum format)i;
	return F_NONE;
}

static int
cmd_convert_exec(const struct options *o, int argc, char **argv)
{
	struct buf raw = { NULL, 0, 0 }, text = { NULL, 0, 0 };
	struct buf out = { NULL, 0, 0 };
	struct conv_deck d;
	struct conv cv;
	enum format f = F_NONE;
	char *id = NULL;
	int rc = EXIT_FAIL;

	(void)argc;
	if (o->format != NULL && (f = format_arg(o->format)) == F_NONE)
		return cmd_usage_error(_("--format: '%s' is not a format "
		    "convert reads (md, csv, tsv, anki)"), o->format);
	/* What libyaml would refuse to write, refused before reading. */
	if (o->title != NULL && !conv_emit_pair("title", o->title, &out)) {
		buf_free(&out);
		return cmd_usage_error(_("--title: '%s' is not UTF-8 text"),
		    o->title);
	}
	buf_free(&out);
	conv_init(&cv, argv[0], stderr);
	cv.all = (o->given & O_ALL) != 0;
	if (!slurp(&cv, argv[0], &raw) ||
	    !conv_text(&cv, raw.data, raw.len, &text))
		goto out;
	run(&cv, f != F_NONE ? f : guess(argv[0], text.data), text.data);
	conv_finish(&cv);
	if (cv.errors > 0)
		goto out;
	id = o->deck != NULL ? xstrdup(o->deck) : id_from_path(argv[0]);
	d.id = id;
	d.title = o->title;
	d.language = o->lang;
	d.kind = o->kind;
	if (!conv_emit(&cv, &d, &out))
		goto out;
	if (fwrite(out.data, 1, out.len, stdout) != out.len ||
	    fflush(stdout) != 0)
		warnx_(_("cannot write the deck: %s"), strerror(errno));
	else
		rc = EXIT_OK;
out:
	free(id);
	buf_free(&raw);
	buf_free(&text);
	buf_free(&out);
	conv_free(&cv);
	return rc;
}

const struct cmd_entry cmd_convert_entry = {
	"convert", "FILE [--deck ID] [--title T] [--lang en|nl] [--kind K] "
	"[--format md|csv|tsv|anki] [--all]", 1, 1,
	O_DECK | O_TITLE | O_LANG | O_KIND | O_FORMAT | O_ALL,
	cmd_convert_exec,
};
