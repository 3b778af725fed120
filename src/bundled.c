/* bundled.c: finding and importing the decks that ship with rehearse. */
#include <dirent.h>
#include <stdbool.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"
#include "deck.h"
#include "i18n.h"
#include "rehearse.h"
#include "xmalloc.h"

/* The order a new user meets the bundled decks in; others follow by name. */
static const char *const first_decks[] = {
	"second-round.yaml", "preparation.yaml", "competency.yaml",
	"situational.yaml", "culture-fit.yaml", "questions-to-ask.yaml",
	"closing.yaml", NULL,
};

/* The bundled decks' directory for lang ("en" or "nl"); caller frees. */
static char *
bundled_dir(const char *lang)
{
	const char *roots[DECK_ROOTS];
	struct stat sb;
	char *dir;
	size_t i, n = deck_bundled_roots(roots);

	for (i = 0; i < n; i++) {
		dir = xasprintf("%s/%s", roots[i], lang);
		if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode))
			return dir;
		free(dir);
	}
	return NULL;
}

const char *
bundled_lang(const char *opt)
{
	const char *vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *v;
	size_t i;

	if (opt != NULL)
		return opt;
	/* As gettext does: LANGUAGE first, unless messages are in C. */
	v = setlocale(LC_MESSAGES, NULL);
	i = v != NULL && strcmp(v, "C") != 0 && strcmp(v, "POSIX") != 0 ? 0 : 1;
	for (; i < sizeof vars / sizeof vars[0]; i++) {
		v = getenv(vars[i]);
		if (v != NULL && *v != '\0')
			return strncmp(v, "nl", 2) == 0 ? "nl" : "en";
	}
	return "en";
}

static int
rank(const char *name)
{
	int i;

	for (i = 0; first_decks[i] != NULL; i++)
		if (strcmp(name, first_decks[i]) == 0)
			break;
	return i;
}

static int
by_rank(const struct dirent **a, const struct dirent **b)
{
	int ra = rank((*a)->d_name), rb = rank((*b)->d_name);

	return ra != rb ? ra - rb : strcmp((*a)->d_name, (*b)->d_name);
}

static int
is_yaml(const struct dirent *d)
{
	size_t n = strlen(d->d_name);

	return d->d_name[0] != '.' && n > 5 &&
	    strcmp(d->d_name + n - 5, ".yaml") == 0;
}

int
bundled_import(struct store *st, const char *lang, int *failed)
{
	struct dirent **ents;
	char *dir, *path, *id;
	int i, n, done = 0, bad = 0;

	if ((dir = bundled_dir(lang)) == NULL) {
		warnx_(_("no bundled decks found for '%s' (set "
		    "REHEARSE_DECKS to the decks directory)"), lang);
		return -1;
	}
	if ((n = scandir(dir, &ents, is_yaml, by_rank)) < 0) {
		warnx_(_("%s: cannot read the bundled decks"), dir);
		free(dir);
		return -1;
	}
	for (i = 0; i < n; i++) {
		path = xasprintf("%s/%s", dir, ents[i]->d_name);
		/* A bundled deck's file is named after its id. */
		id = xstrndup(ents[i]->d_name, strlen(ents[i]->d_name) - 5);
		/* A database that failed takes no more (the error was shown). */
		if (!store_failed(st) && store_deck_own(st, id) == 0) {
			if (import_file(st, path, true) == 0)
				done++;
			else
				bad++;
		}
		free(id);
		free(path);
		free(ents[i]);
	}
	free(ents);
	free(dir);
	if (failed != NULL)
		*failed = bad;
	return store_failed(st) ? -1 : done;
}

int
bundled_switch(struct store *st, const char *lang)
{
	int64_t other = store_bundled_other(st, lang);
	bool nl = strcmp(lang, "nl") == 0;
	int bad;

	if (other < 0) {
		warnx_("%s", store_error(st));
		return -1;
	}
	if (other == 0)
		return 0;
	if (bundled_import(st, lang, &bad) < 0)
		return -1;
	if (bad > 0) {
		/* The files' own errors were said above. */
		warnx_(nl ? ngettext("%d bundled deck could not be read, so it "
		    "is not in Dutch; your progress is kept.", "%d bundled "
		    "decks could not be read, so they are not in Dutch; your "
		    "progress is kept.", (unsigned long)bad) :
		    ngettext("%d bundled deck could not be read, so it is not "
		    "in English; your progress is kept.", "%d bundled decks "
		    "could not be read, so they are not in English; your "
		    "progress is kept.", (unsigned long)bad), bad);
		return -1;
	}
	printf("%s\n", nl ?
	    _("Bundled decks now in Dutch; your progress is kept.") :
	    _("Bundled decks now in English; your progress is kept."));
	return 0;
}
