/* cmd-help.c: rehearse help [COMMAND], the --help text or one command's synopsis. */
#include <stdio.h>

#include "i18n.h"
#include "rehearse.h"

static int
cmd_help_exec(const struct options *o, int argc, char **argv)
{
	const struct cmd_entry *ce;

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
	printf(_("usage: rehearse %s %s\n"), ce->name, ce->usage);
	printf(_("'rehearse %s' is described in rehearse(1).\n"), ce->name);
	return EXIT_OK;
}

const struct cmd_entry cmd_help_entry = {
	"help", "[COMMAND]", 0, 1, 0, cmd_help_exec,
};
