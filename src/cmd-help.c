/* cmd-help.c: rehearse help [COMMAND], the --help text or one command's synopsis. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rehearse.h"
#include "xmalloc.h"

static int
cmd_help_exec(const struct options *o, int argc, char **argv)
{
	const struct cmd_entry *ce;
	const char *u;
	char *prefix;
	size_t n;

	(void)o;
	if (argc == 0) {
		cmd_usage(stdout);
		return EXIT_OK;
	}
	if ((ce = cmd_find(argv[0])) == NULL) {
		warnx_(_("help: unknown command '%s' (see 'rehearse help')"),
		    argv[0]);
		return EXIT_USAGE;
	}
	/* A usage of several lines (story): one synopsis each. */
	for (u = ce->usage; *u != '\0'; u += n + (u[n] == '\n')) {
		n = strcspn(u, "\n");
		/* TRANSLATORS: what comes before a command's synopsis. */
		prefix = xasprintf(_("usage: rehearse %s "), ce->name);
		cmd_print_synopsis(stdout, prefix, u, n);
		free(prefix);
	}
	printf(_("'rehearse %s' is described in rehearse(1).\n"), ce->name);
	return EXIT_OK;
}

const struct cmd_entry cmd_help_entry = {
	"help", "[COMMAND]", 0, 1, 0, cmd_help_exec,
};
