/* convert.c: the converters' card list, input checks, and the deck written through emit.c. */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "convert.h"
#include "emit.h"
#include "i18n.h"

void
conv_init(struct conv *cv, const char *path, FILE *diag)
{
	memset(cv, 0, sizeof *cv);
	cv->path = path;
	cv->diag = diag;
}

void
conv_card_free(struct conv_card *c)
{
	size_t i;

	free(c->id);
	free(c->kind);
	free(c->front);
	free(c->back);
	free(c->hint);
	for (i = 0; i < c->ntags; i++)
		free(c->tags[i]);
	free(c->tags);
	memset(c, 0, sizeof *c);
}

void
conv_free(struct conv *cv)
{
	size_t i;

	for (i = 0; i < cv->ncards; i++)
		conv_card_free(&cv->cards[i]);
	free(cv->cards);
	deck_ids_free(&cv->ids);
	free(cv->title);
	conv_card_free(&cv->deck);
	memset(cv, 0, sizeof *cv);
}

static void
report(struct conv *cv, bool warning, size_t line, const char *fmt,
    va_list ap)
{
	/* TRANSLATORS: after FILE:LINE: of a diagnostic of convert. */
	const char *kind = warning ? _("warning") : _("error");

	/* Past as many warnings as errors, they are only counted. */
	if (cv->gave_up || (warning && cv->warnings >= CONV_ERRORS_MAX))
		return;
	if (!warning && cv->errors == CONV_ERRORS_MAX) {
		fprintf(cv->diag, "%s: %s: %s\n", cv->path, kind,
		    _("too many errors, giving up"));
		cv->gave_up = true;
		return;
	}
	if (line > 0)
		fprintf(cv->diag, "%s:%zu: %s: ", cv->path, line, kind);
	else
		fprintf(cv->diag, "%s: %s: ", cv->path, kind);
	vfprintf(cv->diag, fmt, ap);
	fputc('\n', cv->diag);
}

void
conv_error(struct conv *cv, size_t line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(cv, false, line, fmt, ap);
	va_end(ap);
	cv->errors++;
}

void
conv_warn(struct conv *cv, size_t line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(cv, true, line, fmt, ap);
	va_end(ap);
	cv->warnings++;
}

void
conv_finish(struct conv *cv)
{
	size_t hidden = cv->warnings > CONV_ERRORS_MAX ?
	    cv->warnings - CONV_ERRORS_MAX : 0;

	if (hidden > 0) {
		fprintf(cv->diag, "%s: %s: ", cv->path, _("warning"));
		/* The deck loader's words (and its plural, "warnings"). */
		fprintf(cv->diag, ngettext("%zu more warnings not shown",
		    "%zu more warnings not shown", hidden), hidden);
		fputc('\n', cv->diag);
	}
	fflush(cv->diag);
}

/* Text from the input never moves the cursor of the terminal it is shown on. */
const char *
conv_show(char out[72], const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len && n < 60; i++) {
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			out[n++] = ' ';
		else
			out[n++] = s[i];
	}
	/* Not in the middle of a character: drop its first bytes too. */
	while (i < len && n > 0 && ((unsigned char)s[i] & 0xc0) == 0x80 &&
	    ((unsigned char)out[n - 1] & 0x80) != 0) {
		i--;
		n--;
	}
	if (i < len) {
		memcpy(out + n, "...", 3);
		n += 3;
	}
	out[n] = '\0';
	return out;
}

/*
 * The length of the UTF-8 sequence at p (at most n bytes), 0 when it is
 * not one: overlong forms, surrogates and code points past U+10FFFF are
 * refused as the YAML reader would refuse them.
 */
static size_t
utf8_len(const unsigned char *p, size_t n, uint32_t *cp)
{
	size_t len, i;
	uint32_t c;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2, c = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		len = 3, c = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		len = 4, c = p[0] & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return 0;
	*cp = c;
	return len;
}

/* Check every byte; false after an error naming the line. */
static bool
text_valid(struct conv *cv, const unsigned char *p, size_t len)
{
	size_t i = 0, n, line = 1;
	uint32_t cp;

	while (i < len) {
		if (p[i] == '\n' || (p[i] == '\r' && (i + 1 == len ||
		    p[i + 1] != '\n')))
			line++;
		if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
		    p[i] != '\r') || p[i] == 0x7f) {
			conv_error(cv, line, _("byte 0x%02x: a binary file, "
			    "not text"), p[i]);
			return false;
		}
		if ((n = utf8_len(p + i, len - i, &cp)) == 0) {
			conv_error(cv, line, _("invalid UTF-8 (byte 0x%02x): "
			    "save the file as UTF-8"), p[i]);
			return false;
		}
		i += n;
	}
	return true;
}

bool
conv_text(struct conv *cv, const char *data, size_t len, struct buf *out)
{
	size_t i;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (len > CONV_FILE_MAX) {
		conv_error(cv, 0, _("file too large (%zu bytes, limit %zu "
		    "bytes)"), len, CONV_FILE_MAX);
		return false;
	}
	if (!text_valid(cv, (const unsigned char *)data, len))
		return false;
	for (i = 0; i < len && strchr(" \t\r\n", data[i]) != NULL; i++)
		;
	if (i == len) {
		conv_error(cv, 1, _("empty file: no questions to convert"));
		return false;
	}
	buf_reset(out);
	buf_add(out, "", 0);
	for (i = 0; i < len; i++) {
		if (data[i] != '\r')
			buf_addc(out, data[i]);
		else if (i + 1 == len || data[i + 1] != '\n')
			buf_addc(out, '\n');
	}
	return true;
}

void
conv_trim(char *text)
{
	char *r, *w, *start = text, *kept;

	/* Leading blank lines go; the first line's indent stays. */
	for (r = text; *r == ' ' || *r == '\t' || *r == '\n'; r++)
		if (*r == '\n')
			start = r + 1;
	/* kept: past the last character of the line that is not blank. */
	w = kept = text;
	for (r = start; *r != '\0'; r++) {
		if (*r == '\n') {
			w = kept;
			*w++ = '\n';
			kept = w;
			continue;
		}
		*w++ = *r;
		if (*r != ' ' && *r != '\t')
			kept = w;
	}
	w = kept;
	while (w > text && w[-1] == '\n')
		w--;
	*w = '\0';
}

/* A copy of s without the blank around it, NULL when nothing is left. */
static char *
trimmed(char *s)
{
	size_t i, n;
	char *t;

	if (s == NULL)
		return NULL;
	for (i = 0; s[i] == ' ' || s[i] == '\t' || s[i] == '\n'; i++)
		;
	n = strlen(s + i);
	t = xstrndup(s + i, n);
	free(s);
	conv_trim(t);
	if (*t == '\0') {
		free(t);
		return NULL;
	}
	return t;
}

void
conv_tag(struct conv_card *c, const char *tag, size_t len)
{
	size_t i;

	if (len == 0)
		return;
	for (i = 0; i < c->ntags; i++)
		if (strlen(c->tags[i]) == len &&
		    memcmp(c->tags[i], tag, len) == 0)
			return;
	c->tags = xreallocarray(c->tags, c->ntags + 1, sizeof *c->tags);
	c->tags[c->ntags++] = xstrndup(tag, len);
}

/*
 * Letters and digits of the scripts people write headings in, and the
 * upper case of a few alphabets mapped to lower; 0 for the rest
 * (punctuation, symbols, emoji), which separates words.
 */
static uint32_t
slug_char(uint32_t c)
{
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
		return c;
	if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7) ||
	    (c >= 0x391 && c <= 0x3a9) || (c >= 0x410 && c <= 0x42f))
		return c + 0x20;
	if (c >= 0x400 && c <= 0x40f)
		return c + 0x50;
	if ((c >= 0xdf && c <= 0x24f && c != 0xf7) ||
	    (c >= 0x370 && c <= 0x3ff && c != 0x37e && c != 0x387) ||
	    (c >= 0x430 && c <= 0x52f) || (c >= 0x5d0 && c <= 0x5ea) ||
	    (c >= 0x620 && c <= 0x64a) || (c >= 0x900 && c <= 0xdff) ||
	    (c >= 0xe00 && c <= 0xe7f) || (c >= 0x1e00 && c <= 0x1eff) ||
	    (c >= 0x3041 && c <= 0x30ff && c != 0x30fb) ||
	    (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
	    (c >= 0xac00 && c <= 0xd7a3))
		return c;
	return 0;
}

static void
put_utf8(struct buf *b, uint32_t c)
{
	char s[4];

	if (c < 0x80) {
		buf_addc(b, (char)c);
		return;
	}
	if (c < 0x800) {
		s[0] = (char)(0xc0 | c >> 6);
		s[1] = (char)(0x80 | (c & 0x3f));
		buf_add(b, s, 2);
	} else if (c < 0x10000) {
		s[0] = (char)(0xe0 | c >> 12);
		s[1] = (char)(0x80 | (c >> 6 & 0x3f));
		s[2] = (char)(0x80 | (c & 0x3f));
		buf_add(b, s, 3);
	} else {
		s[0] = (char)(0xf0 | c >> 18);
		s[1] = (char)(0x80 | (c >> 12 & 0x3f));
		s[2] = (char)(0x80 | (c >> 6 & 0x3f));
		s[3] = (char)(0x80 | (c & 0x3f));
		buf_add(b, s, 4);
	}
}

char *
conv_slug(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	struct buf b = { NULL, 0, 0 };
	size_t i = 0, n, before;
	uint32_t c;
	bool gap = false;

	buf_add(&b, "", 0);
	while (i < len) {
		if ((n = utf8_len(p + i, len - i, &c)) == 0)
			n = 1, c = 0;
		i += n;
		if ((c = slug_char(c)) == 0) {
			gap = true;
			continue;
		}
		before = b.len;
		if (gap && b.len > 0)
			buf_addc(&b, '-');
		gap = false;
		put_utf8(&b, c);
		if (b.len > CONV_TAG_MAX) {
			b.len = before;
			break;
		}
	}
	b.data[b.len] = '\0';
	return b.data;
}

/* The id the card goes by: given (valid, or made one), or the front's. */
static char *
card_id(const struct conv_card *c)
{
	if (c->id == NULL)
		return deck_derive_id(c->front);
	if (deck_valid_id(c->id))
		return xstrdup(c->id);
	return deck_derive_id(c->id);
}

static bool
fits(struct conv *cv, const struct conv_card *c, const char *key,
    const char *s)
{
	if (s == NULL || strlen(s) <= CONV_FIELD_MAX)
		return true;
	conv_error(cv, c->line, _("'%s' too long (%zu bytes, limit %zu "
	    "bytes)"), key, strlen(s), CONV_FIELD_MAX);
	return false;
}

/*
 * With the three texts at most CONV_FIELD_MAX each, tags up to half as
 * much keep a card within the loader's limit for one card (4 MiB).
 */
static bool
tags_fit(struct conv *cv, const struct conv_card *c)
{
	size_t i, n = 0;

	for (i = 0; i < c->ntags; i++)
		n += strlen(c->tags[i]) + 2;
	if (n <= CONV_FIELD_MAX / 2)
		return true;
	conv_error(cv, c->line, _("'%s' too long (%zu bytes, limit %zu "
	    "bytes)"), "tags", n, CONV_FIELD_MAX / 2);
	return false;
}

bool
conv_add(struct conv *cv, struct conv_card *c)
{
	char q[72], *id;
	size_t first;

	c->front = trimmed(c->front);
	c->back = trimmed(c->back);
	c->hint = trimmed(c->hint);
	if (c->front == NULL) {
		conv_warn(cv, c->line, _("no front (no question) here: skipped"));
		goto skip;
	}
	if (!fits(cv, c, "front", c->front) || !fits(cv, c, "back", c->back) ||
	    !fits(cv, c, "hint", c->hint) || !tags_fit(cv, c))
		goto skip;
	if (cv->ncards == deck_default_limits.cards) {
		conv_error(cv, c->line, _("too many cards (limit %zu)"),
		    deck_default_limits.cards);
		cv->gave_up = true;
		goto skip;
	}
	id = card_id(c);
	free(c->id);
	c->id = id;
	if ((first = deck_ids_add(&cv->ids, c->id, c->line)) != 0) {
		conv_warn(cv, c->line, _("duplicate card id '%s' (first at "
		    "line %zu): skipped"), conv_show(q, id, strlen(id)), first);
		goto skip;
	}
	if (cv->ncards == cv->cardscap) {
		cv->cardscap = cv->cardscap ? cv->cardscap * 2 : 64;
		cv->cards = xreallocarray(cv->cards, cv->cardscap,
		    sizeof *cv->cards);
	}
	cv->cards[cv->ncards++] = *c;
	memset(c, 0, sizeof *c);
	return true;
skip:
	conv_card_free(c);
	return false;
}

/*
 * HTML 4's named entities (and XHTML's &apos;), sorted by name as
 * strcmp sorts for bsearch; a no-break space is a plain one in a card.
 */
struct entity {
	const char	*name;
	uint32_t	 c;
};
static const struct entity entities[] = {
	{ "AElig", 0xc6 }, { "Aacute", 0xc1 }, { "Acirc", 0xc2 },
	{ "Agrave", 0xc0 }, { "Alpha", 0x391 }, { "Aring", 0xc5 },
	{ "Atilde", 0xc3 }, { "Auml", 0xc4 }, { "Beta", 0x392 },
	{ "Ccedil", 0xc7 }, { "Chi", 0x3a7 }, { "Dagger", 0x2021 },
	{ "Delta", 0x394 }, { "ETH", 0xd0 }, { "Eacute", 0xc9 },
	{ "Ecirc", 0xca }, { "Egrave", 0xc8 }, { "Epsilon", 0x395 },
	{ "Eta", 0x397 }, { "Euml", 0xcb }, { "Gamma", 0x393 },
	{ "Iacute", 0xcd }, { "Icirc", 0xce }, { "Igrave", 0xcc },
	{ "Iota", 0x399 }, { "Iuml", 0xcf }, { "Kappa", 0x39a },
	{ "Lambda", 0x39b }, { "Mu", 0x39c }, { "Ntilde", 0xd1 },
	{ "Nu", 0x39d }, { "OElig", 0x152 }, { "Oacute", 0xd3 },
	{ "Ocirc", 0xd4 }, { "Ograve", 0xd2 }, { "Omega", 0x3a9 },
	{ "Omicron", 0x39f }, { "Oslash", 0xd8 }, { "Otilde", 0xd5 },
	{ "Ouml", 0xd6 }, { "Phi", 0x3a6 }, { "Pi", 0x3a0 },
	{ "Prime", 0x2033 }, { "Psi", 0x3a8 }, { "Rho", 0x3a1 },
	{ "Scaron", 0x160 }, { "Sigma", 0x3a3 }, { "THORN", 0xde },
	{ "Tau", 0x3a4 }, { "Theta", 0x398 }, { "Uacute", 0xda },
	{ "Ucirc", 0xdb }, { "Ugrave", 0xd9 }, { "Upsilon", 0x3a5 },
	{ "Uuml", 0xdc }, { "Xi", 0x39e }, { "Yacute", 0xdd },
	{ "Yuml", 0x178 }, { "Zeta", 0x396 }, { "aacute", 0xe1 },
	{ "acirc", 0xe2 }, { "acute", 0xb4 }, { "aelig", 0xe6 },
	{ "agrave", 0xe0 }, { "alefsym", 0x2135 }, { "alpha", 0x3b1 },
	{ "amp", 0x26 }, { "and", 0x2227 }, { "ang", 0x2220 },
	{ "apos", 0x27 }, { "aring", 0xe5 }, { "asymp", 0x2248 },
	{ "atilde", 0xe3 }, { "auml", 0xe4 }, { "bdquo", 0x201e },
	{ "beta", 0x3b2 }, { "brvbar", 0xa6 }, { "bull", 0x2022 },
	{ "cap", 0x2229 }, { "ccedil", 0xe7 }, { "cedil", 0xb8 },
	{ "cent", 0xa2 }, { "chi", 0x3c7 }, { "circ", 0x2c6 },
	{ "clubs", 0x2663 }, { "cong", 0x2245 }, { "copy", 0xa9 },
	{ "crarr", 0x21b5 }, { "cup", 0x222a }, { "curren", 0xa4 },
	{ "dArr", 0x21d3 }, { "dagger", 0x2020 }, { "darr", 0x2193 },
	{ "deg", 0xb0 }, { "delta", 0x3b4 }, { "diams", 0x2666 },
	{ "divide", 0xf7 }, { "eacute", 0xe9 }, { "ecirc", 0xea },
	{ "egrave", 0xe8 }, { "empty", 0x2205 }, { "emsp", 0x2003 },
	{ "ensp", 0x2002 }, { "epsilon", 0x3b5 }, { "equiv", 0x2261 },
	{ "eta", 0x3b7 }, { "eth", 0xf0 }, { "euml", 0xeb },
	{ "euro", 0x20ac }, { "exist", 0x2203 }, { "fnof", 0x192 },
	{ "forall", 0x2200 }, { "frac12", 0xbd }, { "frac14", 0xbc },
	{ "frac34", 0xbe }, { "frasl", 0x2044 }, { "gamma", 0x3b3 },
	{ "ge", 0x2265 }, { "gt", 0x3e }, { "hArr", 0x21d4 },
	{ "harr", 0x2194 }, { "hearts", 0x2665 }, { "hellip", 0x2026 },
	{ "iacute", 0xed }, { "icirc", 0xee }, { "iexcl", 0xa1 },
	{ "igrave", 0xec }, { "image", 0x2111 }, { "infin", 0x221e },
	{ "int", 0x222b }, { "iota", 0x3b9 }, { "iquest", 0xbf },
	{ "isin", 0x2208 }, { "iuml", 0xef }, { "kappa", 0x3ba },
	{ "lArr", 0x21d0 }, { "lambda", 0x3bb }, { "lang", 0x2329 },
	{ "laquo", 0xab }, { "larr", 0x2190 }, { "lceil", 0x2308 },
	{ "ldquo", 0x201c }, { "le", 0x2264 }, { "lfloor", 0x230a },
	{ "lowast", 0x2217 }, { "loz", 0x25ca }, { "lrm", 0x200e },
	{ "lsaquo", 0x2039 }, { "lsquo", 0x2018 }, { "lt", 0x3c },
	{ "macr", 0xaf }, { "mdash", 0x2014 }, { "micro", 0xb5 },
	{ "middot", 0xb7 }, { "minus", 0x2212 }, { "mu", 0x3bc },
	{ "nabla", 0x2207 }, { "nbsp", 0x20 }, { "ndash", 0x2013 },
	{ "ne", 0x2260 }, { "ni", 0x220b }, { "not", 0xac },
	{ "notin", 0x2209 }, { "nsub", 0x2284 }, { "ntilde", 0xf1 },
	{ "nu", 0x3bd }, { "oacute", 0xf3 }, { "ocirc", 0xf4 },
	{ "oelig", 0x153 }, { "ograve", 0xf2 }, { "oline", 0x203e },
	{ "omega", 0x3c9 }, { "omicron", 0x3bf }, { "oplus", 0x2295 },
	{ "or", 0x2228 }, { "ordf", 0xaa }, { "ordm", 0xba },
	{ "oslash", 0xf8 }, { "otilde", 0xf5 }, { "otimes", 0x2297 },
	{ "ouml", 0xf6 }, { "para", 0xb6 }, { "part", 0x2202 },
	{ "permil", 0x2030 }, { "perp", 0x22a5 }, { "phi", 0x3c6 },
	{ "pi", 0x3c0 }, { "piv", 0x3d6 }, { "plusmn", 0xb1 },
	{ "pound", 0xa3 }, { "prime", 0x2032 }, { "prod", 0x220f },
	{ "prop", 0x221d }, { "psi", 0x3c8 }, { "quot", 0x22 },
	{ "rArr", 0x21d2 }, { "radic", 0x221a }, { "rang", 0x232a },
	{ "raquo", 0xbb }, { "rarr", 0x2192 }, { "rceil", 0x2309 },
	{ "rdquo", 0x201d }, { "real", 0x211c }, { "reg", 0xae },
	{ "rfloor", 0x230b }, { "rho", 0x3c1 }, { "rlm", 0x200f },
	{ "rsaquo", 0x203a }, { "rsquo", 0x2019 }, { "sbquo", 0x201a },
	{ "scaron", 0x161 }, { "sdot", 0x22c5 }, { "sect", 0xa7 },
	{ "shy", 0xad }, { "sigma", 0x3c3 }, { "sigmaf", 0x3c2 },
	{ "sim", 0x223c }, { "spades", 0x2660 }, { "sub", 0x2282 },
	{ "sube", 0x2286 }, { "sum", 0x2211 }, { "sup", 0x2283 },
	{ "sup1", 0xb9 }, { "sup2", 0xb2 }, { "sup3", 0xb3 },
	{ "supe", 0x2287 }, { "szlig", 0xdf }, { "tau", 0x3c4 },
	{ "there4", 0x2234 }, { "theta", 0x3b8 }, { "thetasym", 0x3d1 },
	{ "thinsp", 0x2009 }, { "thorn", 0xfe }, { "tilde", 0x2dc },
	{ "times", 0xd7 }, { "trade", 0x2122 }, { "uArr", 0x21d1 },
	{ "uacute", 0xfa }, { "uarr", 0x2191 }, { "ucirc", 0xfb },
	{ "ugrave", 0xf9 }, { "uml", 0xa8 }, { "upsih", 0x3d2 },
	{ "upsilon", 0x3c5 }, { "uuml", 0xfc }, { "weierp", 0x2118 },
	{ "xi", 0x3be }, { "yacute", 0xfd }, { "yen", 0xa5 },
	{ "yuml", 0xff }, { "zeta", 0x3b6 }, { "zwj", 0x200d },
	{ "zwnj", 0x200c },
};

static int
by_name(const void *key, const void *e)
{
	return strcmp(key, ((const struct entity *)e)->name);
}

/* An entity at p ('&'): its length, its text added to b; 0 if none. */
static size_t
html_entity(const char *p, struct buf *b)
{
	const struct entity *e;
	char name[10];
	size_t n;
	unsigned long c;
	char *end;

	if (p[1] == '#') {
		if (p[2] == 'x' || p[2] == 'X')
			c = strtoul(p + 3, &end, 16);
		else
			c = strtoul(p + 2, &end, 10);
		if (*end != ';' || end == p + 2 || !(p[2] == 'x' ||
		    p[2] == 'X' || (p[2] >= '0' && p[2] <= '9')))
			return 0;
		/* What would not be text (controls, surrogates) is dropped. */
		if ((c >= 0x20 && c != 0x7f && (c < 0xd800 || c > 0xdfff) &&
		    c <= 0x10ffff) || c == '\t' || c == '\n')
			put_utf8(b, (uint32_t)c);
		return (size_t)(end - p) + 1;
	}
	for (n = 0; n < sizeof name - 1 && ((p[n + 1] >= 'a' &&
	    p[n + 1] <= 'z') || (p[n + 1] >= 'A' && p[n + 1] <= 'Z') ||
	    (p[n + 1] >= '0' && p[n + 1] <= '9')); n++)
		name[n] = p[n + 1];
	name[n] = '\0';
	if (p[n + 1] != ';' || (e = bsearch(name, entities, sizeof entities /
	    sizeof entities[0], sizeof entities[0], by_name)) == NULL)
		return 0;
	put_utf8(b, e->c);
	return n + 2;
}

static bool
tag_is(const char *name, size_t n, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == n && strncasecmp(*list, name, n) == 0)
			return true;
	return false;
}

/*
 * A tag or comment at p ('<'): its length, 0 when it is not one.  *gt
 * keeps the next '>' found (or the end) so that text full of '<' is
 * searched once, not once for each.
 */
static size_t
html_tag(const char *p, struct buf *b, const char **gt)
{
	static const char *const breaks[] = { "br", "p", "div", "tr", "h1",
	    "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote",
	    "pre", "details", NULL };
	/* What a <summary> says ("Answer") is the label of what follows. */
	static const char *const hidden[] = { "script", "style", "summary",
	    NULL };
	const char *q = p + 1, *end, *name;
	bool closing = false;
	size_t n;

	if (strncmp(p, "<!--", 4) == 0) {
		end = strstr(p + 4, "-->");
		return end != NULL ? (size_t)(end - p) + 3 : strlen(p);
	}
	if (*q == '/') {
		closing = true;
		q++;
	}
	if (!((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')))
		return 0;
	if (*gt < q)
		*gt = q + strcspn(q, ">");
	if (**gt == '\0')
		return 0;
	end = *gt;
	for (name = q, n = 0; (name[n] >= 'a' && name[n] <= 'z') ||
	    (name[n] >= 'A' && name[n] <= 'Z') ||
	    (name[n] >= '0' && name[n] <= '9'); n++)
		;
	if (tag_is(name, n, breaks))
		buf_addc(b, '\n');
	else if (!closing && n == 2 && strncasecmp(name, "li", 2) == 0)
		buf_adds(b, "\n- ");
	else if (!closing && tag_is(name, n, hidden)) {
		/* Their content is code or a label, not text. */
		while ((end = strstr(end, "</")) != NULL &&
		    strncasecmp(end + 2, name, n) != 0)
			end += 2;
		if (end == NULL || (end = strchr(end, '>')) == NULL)
			return strlen(p);
	}
	return (size_t)(end - p) + 1;
}

char *
conv_html(const char *text)
{
	struct buf b = { NULL, 0, 0 };
	const char *p, *gt = text;
	size_t n, newlines = 0;

	buf_add(&b, "", 0);
	for (p = text; *p != '\0'; p += n) {
		n = 0;
		if (*p == '&')
			n = html_entity(p, &b);
		else if (*p == '<')
			n = html_tag(p, &b, &gt);
		if (n == 0) {
			buf_addc(&b, *p);
			n = 1;
		}
	}
	conv_trim(b.data);
	/* At most one blank line in a row. */
	for (p = b.data, n = 0; *p != '\0'; p++) {
		newlines = *p == '\n' ? newlines + 1 : 0;
		if (newlines <= 2)
			b.data[n++] = *p;
	}
	b.data[n] = '\0';
	return b.data;
}

static void
emit_card(struct emit *e, const struct conv_card *c, const char *deck_kind)
{
	const char *kind = c->back == NULL ? "practice" : c->kind != NULL ?
	    c->kind : deck_kind;
	struct buf tags = { 0 };
	size_t i;

	emit_mapping(e, true);
	emit_pair(e, "id", c->id);
	if (strcmp(kind, deck_kind) != 0)
		emit_pair(e, "kind", kind);
	emit_pair(e, "front", c->front);
	emit_pair(e, "back", c->back);
	emit_pair(e, "hint", c->hint);
	for (i = 0; i < c->ntags; i++) {	/* slugs: no line breaks */
		if (i > 0)
			buf_addc(&tags, '\n');
		buf_adds(&tags, c->tags[i]);
	}
	emit_list(e, "tags", tags.data);
	buf_free(&tags);
	emit_mapping(e, false);
}

/*
 * The emitter's text is appended to out once it is whole: an error half
 * way must leave nothing on standard output.
 */
static bool
emit_into(struct emit *e, struct buf *out, const char **problem)
{
	const char *text;
	size_t len;

	if ((text = emit_end(e, &len, problem)) != NULL)
		buf_add(out, text, len);
	emit_free(e);
	return text != NULL;
}

bool
conv_emit(struct conv *cv, const struct conv_deck *d, struct buf *out)
{
	const char *kind = d->kind != NULL ? d->kind : cv->kind, *problem;
	struct emit *e = emit_new();
	struct buf tags = { 0 };
	size_t i;

	emit_mapping(e, true);
	emit_pair(e, "deck", d->id);
	emit_pair(e, "title", d->title != NULL ? d->title : cv->title);
	emit_pair(e, "language", d->language);
	emit_pair(e, "kind", kind);
	for (i = 0; i < cv->deck.ntags; i++) {	/* slugs: no line breaks */
		if (i > 0)
			buf_addc(&tags, '\n');
		buf_adds(&tags, cv->deck.tags[i]);
	}
	emit_list(e, "tags", tags.data);
	buf_free(&tags);
	emit_scalar(e, "cards");
	emit_sequence(e, true);
	for (i = 0; i < cv->ncards; i++)
		emit_card(e, &cv->cards[i], kind != NULL ? kind : "recall");
	emit_sequence(e, false);
	emit_mapping(e, false);
	if (emit_into(e, out, &problem))
		return true;
	/* libyaml's problem is its own wording, left as it is. */
	conv_error(cv, 0, _("cannot write the deck: %s"),
	    problem != NULL ? problem : _("write error"));
	return false;
}

bool
conv_emit_pair(const char *key, const char *value, struct buf *out)
{
	struct emit *e = emit_new();
	const char *problem;

	emit_mapping(e, true);
	emit_pair(e, key, value);
	emit_mapping(e, false);
	return emit_into(e, out, &problem);
}
