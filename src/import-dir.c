/* import-dir.c: the deck files under a directory (every *.yaml, in path order, hidden ones skipped), and importing them. */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "deck.h"
#include "i18n.h"
#include "rehearse.h"
#include "xmalloc.h"

#define DIR_DEPTH	64	/* deeper directories are not looked into */

struct found {
	char	**paths;
	size_t	  n;
	size_t	  cap;
	bool	  failed;	/* a directory could not be read */
};

static bool
is_yaml(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

/*
 * The deck files under dir, into *f.  A link to a directory is not
 * followed (it could lead back up), a link to a file is.
 */
static void
walk(const char *dir, size_t depth, struct found *f)
{
	struct dirent *d;
	struct stat st;
	DIR *dp;
	char *path;

	if ((dp = opendir(dir)) == NULL) {
		warnx_(_("%s: cannot read: %s"), dir, strerror(errno));
		f->failed = true;
		return;
	}
	while ((d = readdir(dp)) != NULL) {
		if (d->d_name[0] == '.')
			continue;	/* hidden: .git, .github, ... */
		path = xasprintf("%s%s%s", dir, dir[strlen(dir) - 1] == '/' ?
		    "" : "/", d->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (depth < DIR_DEPTH)
				walk(path, depth + 1, f);
			free(path);
		} else if (is_yaml(d->d_name) && stat(path, &st) == 0 &&
		    S_ISREG(st.st_mode)) {
			if (f->n == f->cap) {
				f->cap = f->cap ? f->cap * 2 : 16;
				f->paths = xreallocarray(f->paths, f->cap,
				    sizeof *f->paths);
			}
			f->paths[f->n++] = path;
		} else
			free(path);
	}
	closedir(dp);
}

static int
by_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
deck_files(const char *dir, char ***paths, size_t *n)
{
	struct found f = { NULL, 0, 0, false };

	walk(dir, 0, &f);
	if (f.n == 0 && !f.failed)
		warnx_(_("%s: no deck files (*.yaml) in this directory"), dir);
	if (f.n > 1)
		qsort(f.paths, f.n, sizeof *f.paths, by_path);
	*paths = f.paths;
	*n = f.n;
	return f.failed || f.n == 0 ? -1 : 0;
}

void
deck_files_free(char **paths, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

static int
import_dir(struct store *st, const char *dir)
{
	struct deck_ids ids = { NULL, 0, 0 };
	struct import_taken t;
	char **paths;
	size_t i, n;
	int rc;

	rc = deck_files(dir, &paths, &n);
	/*
	 * Each file in a transaction of its own, as named one by one; of two
	 * with one deck id (decks/en and decks/nl), the first goes in.
	 */
	t.ids = &ids;
	t.paths = paths;
	for (i = 0; i < n; i++) {
		t.at = i;
		if (!store_failed(st) && import_file_once(st, paths[i],
		    &t) != 0)
			rc = -1;
	}
	deck_files_free(paths, n);
	deck_ids_free(&ids);
	return rc;
}

int
import_path(struct store *st, const char *path)
{
	struct stat sb;

	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return import_dir(st, path);
	return import_file(st, path, false);
}
