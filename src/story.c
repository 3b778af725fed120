/* story.c: writing your own answer to a card in your editor. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "i18n.h"
#include "rehearse.h"
#include "xmalloc.h"

#define STORY_MAX (1024 * 1024)

/*
 * The STARR headings are part of the answer, told in the deck's language:
 * a deck that names its language gets them in it (Dutch for nl, English
 * for any other), one that does not in the language of the messages.
 */
static const char *
skeleton(const char *language)
{
	/* TRANSLATORS: the STARR headings a story starts from. */
	static const char en[] = N_("Situation:\n\nTask:\n\nAction:\n\n"
	    "Result:\n\nReflection:\n");

	if (language == NULL)
		return _(en);
	if (strncmp(language, "nl", 2) == 0)
		return "Situatie:\n\nTaak:\n\nActie:\n\nResultaat:\n\n"
		    "Reflectie:\n";
	return en;
}

/* Every line of text (the last need not end in '\n') as a '#' comment. */
static void
comment_lines(struct buf *b, const char *text)
{
	size_t n;

	for (; *text != '\0'; text += n + (text[n] == '\n')) {
		n = strcspn(text, "\n");
		buf_adds(b, "# ");
		buf_add(b, text, n);
		buf_addc(b, '\n');
	}
}

/*
 * The file the editor opens: a comment block naming the card, then the
 * text.  The '#' are added here, line by line, so that no translation of
 * the explanation can leave a line of it in the story.
 */
static char *
template(const struct card_view *v, const char *body)
{
	struct buf b = { 0 };
	char *help;

	/* TRANSLATORS: each line becomes a comment ("# ") in the file. */
	help = xasprintf(_("Your story for %s/%s. Lines starting with '#' at "
	    "the top are\ndropped; save an empty file to remove the "
	    "story.\n"), v->deck, v->id);
	comment_lines(&b, help);
	free(help);
	buf_adds(&b, "#\n");
	comment_lines(&b, v->front);
	buf_addc(&b, '\n');
	buf_adds(&b, body);
	return b.data;
}

/* The story as saved: the leading comment block dropped, ends trimmed. */
static char *
story_text(const char *file)
{
	const char *p = file, *end;

	while (*p == '#') {
		const char *nl = strchr(p, '\n');

		p = nl != NULL ? nl + 1 : p + strlen(p);
	}
	p += strspn(p, " \t\r\n");
	end = p + strlen(p);
	while (end > p && strchr(" \t\r\n", end[-1]) != NULL)
		end--;
	return xstrndup(p, (size_t)(end - p));
}

/*
 * $VISUAL/$EDITOR split on blanks (no shell ever sees the path), then the
 * path.  The words point into *words; the caller frees both.
 */
static char **
editor_argv(char *path, char **words)
{
	const char *cmd = getenv("VISUAL");
	char **argv = NULL, *word, *save = NULL;
	size_t n = 0;

	if (cmd == NULL || *cmd == '\0')
		cmd = getenv("EDITOR");
	if (cmd == NULL || *cmd == '\0')
		cmd = "vi";
	*words = xstrdup(cmd);
	for (word = strtok_r(*words, " \t", &save); word != NULL;
	    word = strtok_r(NULL, " \t", &save)) {
		argv = xreallocarray(argv, n + 2, sizeof *argv);
		argv[n++] = word;
	}
	argv = xreallocarray(argv, n + 2, sizeof *argv);
	argv[n++] = path;
	argv[n] = NULL;
	return argv;
}

/* Run the editor on path and wait; its exit status, or -1. */
static int
run_editor(char *path)
{
	struct sigaction ign = { .sa_handler = SIG_IGN }, old_int, old_quit;
	char *words, **argv = editor_argv(path, &words);
	pid_t pid;
	int status = -1;

	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		execvp(argv[0], argv);
		fprintf(stderr, "rehearse: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	if (pid < 0)
		warnx_(_("cannot start the editor: %s"), strerror(errno));
	else {
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	free(words);
	free(argv);
	return status;
}

static int
write_file(int fd, const char *s)
{
	size_t len = strlen(s), off = 0;
	ssize_t n;

	while (off < len) {
		n = write(fd, s + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		off += (size_t)n;
	}
	return 0;
}

static char *
read_file(const char *path)
{
	struct buf b = { 0 };
	char chunk[8192];
	size_t n;
	FILE *fp = fopen(path, "r");

	if (fp == NULL)
		return NULL;
	buf_add(&b, "", 0);	/* an empty file is an empty story */
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0 &&
	    b.len <= STORY_MAX)
		buf_add(&b, chunk, n);
	fclose(fp);
	if (b.len > STORY_MAX) {
		buf_free(&b);
		errno = EFBIG;
		return NULL;
	}
	return b.data;
}

/* Create the temporary file (mkstemps: mode 0600) holding text. */
static char *
make_temp(const char *text)
{
	const char *dir = getenv("TMPDIR");
	char *path;
	int fd;

	if (dir == NULL || *dir != '/')
		dir = "/tmp";
	path = xasprintf("%s/rehearse-story-XXXXXX.md", dir);
	if ((fd = mkstemps(path, 3)) < 0)
		warnx_(_("%s: cannot create a temporary file: %s"), dir,
		    strerror(errno));
	else if (write_file(fd, text) != 0 || close(fd) != 0) {
		warnx_(_("%s: cannot write: %s"), path, strerror(errno));
		unlink(path);
	} else
		return path;
	free(path);
	return NULL;
}

/* Save the edited text when it differs; prints what happened. */
static int
save(struct store *st, const struct card_view *v, const char *edited)
{
	char *text = story_text(edited), *blank = story_text(skeleton(
	    v->language));
	const char *old = v->story != NULL ? v->story : "";
	int rc = 0;

	if (strcmp(text, old) == 0 || (v->story == NULL &&
	    strcmp(text, blank) == 0))
		fputs(_("Story unchanged.\n"), stdout);
	else if (store_story_set(st, v->deck, v->id,
	    *text != '\0' ? text : NULL) != 0) {
		warnx_("%s", store_error(st));
		rc = -1;
	} else
		printf(*text != '\0' ? _("Story saved for %s/%s.\n") :
		    _("Story removed from %s/%s.\n"), v->deck, v->id);
	free(text);
	free(blank);
	return rc;
}

int
story_edit(struct store *st, const struct card_view *v)
{
	char *body, *path, *edited;
	int status, rc = -1;

	body = template(v, v->story != NULL ? v->story :
	    skeleton(v->language));
	path = make_temp(body);
	free(body);
	if (path == NULL)
		return -1;
	status = run_editor(path);
	if (status != 0)
		warnx_(_("the editor exited with status %d: story unchanged"),
		    status);
	else if ((edited = read_file(path)) == NULL)
		warnx_(_("%s: cannot read: %s"), path, strerror(errno));
	else {
		rc = save(st, v, edited);
		free(edited);
	}
	unlink(path);
	free(path);
	return rc;
}
