/* cmd-config.c: the settings kept in the database: list them, show or set one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rehearse.h"
#include "xmalloc.h"

static bool
valid_scheduler(const char *v)
{
	return strcmp(v, "sm2") == 0 || strcmp(v, "fsrs") == 0;
}

static bool
valid_retention(const char *v)
{
	double r;

	return review_parse_retention(v, &r);
}

static bool
valid_budget(const char *v)
{
	int64_t n;

	return strcmp(v, "none") == 0 || review_parse_budget(v, &n);
}

/* Each setting, its value when unset, and what a new value must be. */
static const struct setting {
	const char	*name;
	const char	*json;		/* its key in --json */
	const char	*unset;
	bool		 number;	/* a number in --json, not a string */
	bool		 (*valid)(const char *);
	const char	*expect;
} settings[] = {
	{ "scheduler", "scheduler", "sm2", false, valid_scheduler,
	    N_("sm2 or fsrs") },
	{ "retention", "retention", "0.9", true, valid_retention,
	    N_("from 0.80 to 0.97") },
	{ "max-reviews", "max_reviews", "none", true, valid_budget,
	    N_("a number of cards from 1 to 100000, or none") },
};
#define NSETTINGS (sizeof settings / sizeof settings[0])

static const struct setting *
find(const char *name)
{
	size_t i;

	for (i = 0; i < NSETTINGS; i++)
		if (strcmp(settings[i].name, name) == 0)
			return &settings[i];
	warnx_(_("config: '%s' is not a setting (scheduler, retention, "
	    "max-reviews)"), name);
	return NULL;
}

/* The setting's value as stored, or what holds when it is unset. */
static char *
value(struct store *st, const struct setting *s)
{
	char *v = store_meta_get(st, s->name);

	return v != NULL ? v : xstrdup(s->unset);
}

static int
list(struct store *st, bool json)
{
	char *v[NSETTINGS];
	size_t i;
	int rc = EXIT_OK;

	for (i = 0; i < NSETTINGS; i++)
		v[i] = value(st, &settings[i]);
	rc = cmd_check_store(st);
	if (rc == EXIT_OK && json) {
		for (i = 0; i < NSETTINGS; i++)
			printf(settings[i].number ? "%s\"%s\":%s" :
			    "%s\"%s\":\"%s\"", i == 0 ? "{" : ",",
			    settings[i].json, strcmp(v[i], "none") == 0 ?
			    "null" : v[i]);
		puts("}");
	} else if (rc == EXIT_OK)
		for (i = 0; i < NSETTINGS; i++)
			printf("%-12s %s\n", settings[i].name, v[i]);
	for (i = 0; i < NSETTINGS; i++)
		free(v[i]);
	return rc;
}

static int
cmd_config_exec(const struct options *o, int argc, char **argv)
{
	const struct setting *s = NULL;
	struct store *st;
	char *v;
	int rc = EXIT_OK;

	if (argc > 0 && (s = find(argv[0])) == NULL)
		return EXIT_USAGE;
	/* A decimal comma, as a Dutch user types it, is kept as a point. */
	if (argc > 1 && s->valid == valid_retention &&
	    (v = strchr(argv[1], ',')) != NULL)
		*v = '.';
	if (argc > 1 && !s->valid(argv[1])) {
		warnx_(_("config: %s: '%s' is not %s"), s->name, argv[1],
		    _(s->expect));
		return EXIT_USAGE;
	}
	if ((st = cmd_open_store(o)) == NULL)
		return EXIT_FAIL;
	if (argc == 0)
		rc = list(st, (o->given & O_JSON) != 0);
	else if (argc == 1) {
		v = value(st, s);
		if ((rc = cmd_check_store(st)) == EXIT_OK)
			puts(v);
		free(v);
	} else if (store_meta_set(st, s->name, strcmp(argv[1], "none") == 0 ?
	    NULL : argv[1]) != 0)
		rc = cmd_store_error(st);
	else
		/* TRANSLATORS: the setting's name, then its new value. */
		printf(_("%s is now %s.\n"), s->name, argv[1]);
	store_close(st);
	return rc;
}

const struct cmd_entry cmd_config_entry = {
	"config", "[NAME [VALUE]] [--json]", 0, 2, O_JSON, cmd_config_exec,
};
