/* msg.c: the one way the program's messages reach stderr. */
#include <stdarg.h>
#include <stdio.h>

#include "msg.h"

void
warnx_(const char *fmt, ...)
{
	va_list ap;

	/* What stdout said so far comes first, as the user would read it. */
	fflush(stdout);
	fputs("rehearse: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}
