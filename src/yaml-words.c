/* yaml-words.c: libyaml's English error messages in the interface's language. */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "yaml-words.h"

/*
 * What libyaml 0.2 writes as a problem or a context, sorted for bsearch
 * (strcmp order).  Marked here, translated where used.
 */
static const char *const words[] = {
	N_("block sequence entries are not allowed in this context"),
	N_("control characters are not allowed"),
	N_("could not find expected ':'"),
	N_("could not find expected directive name"),
	N_("did not find URI escaped octet"),
	N_("did not find expected '!'"),
	N_("did not find expected ',' or ']'"),
	N_("did not find expected ',' or '}'"),
	N_("did not find expected '-' indicator"),
	N_("did not find expected <document start>"),
	N_("did not find expected alphabetic or numeric character"),
	N_("did not find expected comment or line break"),
	N_("did not find expected digit or '.' character"),
	N_("did not find expected hexdecimal number"),
	N_("did not find expected key"),
	N_("did not find expected node content"),
	N_("did not find expected tag URI"),
	N_("did not find expected version number"),
	N_("did not find expected whitespace"),
	N_("did not find expected whitespace or line break"),
	N_("did not find the expected '>'"),
	N_("found a tab character that violates indentation"),
	N_("found a tab character where an indentation space is expected"),
	N_("found an incorrect leading UTF-8 octet"),
	N_("found an incorrect trailing UTF-8 octet"),
	N_("found an indentation indicator equal to 0"),
	N_("found character that cannot start any token"),
	/* xgettext:no-c-format */
	N_("found duplicate %TAG directive"),
	/* xgettext:no-c-format */
	N_("found duplicate %YAML directive"),
	N_("found extremely long version number"),
	N_("found incompatible YAML document"),
	N_("found invalid Unicode character escape code"),
	N_("found undefined alias"),
	N_("found undefined tag handle"),
	N_("found unexpected ':'"),
	N_("found unexpected document indicator"),
	N_("found unexpected end of stream"),
	N_("found unexpected non-alphabetical character"),
	N_("found unknown directive name"),
	N_("found unknown escape character"),
	N_("incomplete UTF-16 character"),
	N_("incomplete UTF-16 surrogate pair"),
	N_("incomplete UTF-8 octet sequence"),
	N_("input is too long"),
	N_("invalid Unicode character"),
	N_("invalid leading UTF-8 octet"),
	N_("invalid length of a UTF-8 sequence"),
	N_("invalid trailing UTF-8 octet"),
	N_("mapping keys are not allowed in this context"),
	N_("mapping values are not allowed in this context"),
	N_("unexpected low surrogate area"),
	/* xgettext:no-c-format */
	N_("while parsing a %TAG directive"),
	N_("while parsing a block collection"),
	N_("while parsing a block mapping"),
	N_("while parsing a block node"),
	N_("while parsing a flow mapping"),
	N_("while parsing a flow node"),
	N_("while parsing a flow sequence"),
	N_("while parsing a node"),
	N_("while parsing a quoted scalar"),
	N_("while parsing a tag"),
	N_("while parsing a tag directive"),
	/* xgettext:no-c-format */
	N_("while scanning a %TAG directive"),
	/* xgettext:no-c-format */
	N_("while scanning a %YAML directive"),
	N_("while scanning a block scalar"),
	N_("while scanning a directive"),
	N_("while scanning a plain scalar"),
	N_("while scanning a quoted scalar"),
	N_("while scanning a simple key"),
	N_("while scanning a tag"),
	N_("while scanning a tag directive"),
	N_("while scanning an alias"),
	N_("while scanning an anchor"),
	N_("while scanning for the next token"),
};

static int
by_text(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

const char *
yaml_words(const char *s)
{
	const char *const *w;

	if (s == NULL)
		return NULL;
	w = bsearch(s, words, sizeof words / sizeof words[0], sizeof *w,
	    by_text);
	return w != NULL ? _(*w) : s;
}
