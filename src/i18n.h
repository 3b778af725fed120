/* i18n.h: marking messages for translation (GNU gettext), or not when built with --disable-nls. */
#ifndef REHEARSE_I18N_H
#define REHEARSE_I18N_H

#include "config.h"	/* ENABLE_NLS: without it _() would silently do nothing */

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s)		gettext(s)
#else
#define _(s)		((const char *)(s))
#define ngettext(one, many, n) ((n) == 1 ? (one) : (many))
#endif
/* A message marked where it is defined and translated where it is used. */
#define N_(s)		s

#endif
