/* story-editor.c: a story's text edited in $VISUAL or $EDITOR, through a private temporary file. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "i18n.h"
#include "story.h"
#include "xmalloc.h"

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
	    b.len <= STORY_TEXT_MAX)
		buf_add(&b, chunk, n);
	fclose(fp);
	if (b.len > STORY_TEXT_MAX) {
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

int
editor_run(const char *text, struct edit_file *f)
{
	int status;

	memset(f, 0, sizeof *f);
	if ((f->path = make_temp(text)) == NULL)
		return -1;
	status = run_editor(f->path);
	if (status != 0)
		warnx_(_("the editor exited with status %d: story unchanged"),
		    status);
	else if ((f->text = read_file(f->path)) == NULL)
		warnx_(_("%s: cannot read: %s"), f->path, strerror(errno));
	else
		return 0;
	editor_done(f, false);
	return -1;
}

void
editor_done(struct edit_file *f, bool keep)
{
	if (f->path != NULL) {
		if (keep)
			warnx_(_("your text is kept in %s"), f->path);
		else
			unlink(f->path);
	}
	free(f->path);
	free(f->text);
	memset(f, 0, sizeof *f);
}
