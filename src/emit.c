/* emit.c: YAML through libyaml's emitter, into memory. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "emit.h"
#include "xmalloc.h"

/*
 * libyaml writes a character past U+FFFF (an emoji) as an escape such as
 * "\U0001F680", which reads back right but not as text a person edits.
 * Such characters go through the emitter as one of the 32 noncharacters
 * U+FDD0-U+FDEF, which it writes as they are, and are put back in its
 * output.  A noncharacter in the text itself takes a place of its own,
 * so that every one in the output is a stand-in.
 */
#define STAND_INS	32

struct emit {
	yaml_emitter_t	 em;
	struct buf	 out;
	bool		 failed;
	uint32_t	 stood[STAND_INS];	/* what each stand-in stands for */
	size_t		 nstood;
};

static int
collect(void *arg, unsigned char *text, size_t len)
{
	buf_add(arg, text, len);
	return 1;
}

static void
event(struct emit *x, yaml_event_t *ev)
{
	if (x->failed)
		yaml_event_delete(ev);
	else if (!yaml_emitter_emit(&x->em, ev))
		x->failed = true;
}

struct emit *
emit_new(void)
{
	struct emit *x = xcalloc(1, sizeof *x);
	yaml_event_t ev;

	yaml_emitter_initialize(&x->em);
	yaml_emitter_set_output(&x->em, collect, &x->out);
	yaml_emitter_set_unicode(&x->em, 1);
	yaml_emitter_set_width(&x->em, 78);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	event(x, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	event(x, &ev);
	return x;
}

void
emit_free(struct emit *x)
{
	yaml_emitter_delete(&x->em);
	buf_free(&x->out);
	free(x);
}

/* The character at p that needs a stand-in, and its length in *n; or 0. */
static uint32_t
needs_stand_in(const unsigned char *p, size_t *n)
{
	uint32_t c;

	if (p[0] >= 0xf0 && p[0] <= 0xf4 && (p[1] & 0xc0) == 0x80 &&
	    (p[2] & 0xc0) == 0x80 && (p[3] & 0xc0) == 0x80) {
		c = (uint32_t)(p[0] & 0x07) << 18 |
		    (uint32_t)(p[1] & 0x3f) << 12 |
		    (uint32_t)(p[2] & 0x3f) << 6 | (uint32_t)(p[3] & 0x3f);
		*n = 4;
		/* Overlong or past U+10FFFF: libyaml's to refuse. */
		return c >= 0x10000 && c <= 0x10ffff ? c : 0;
	}
	if (p[0] == 0xef && p[1] == 0xb7 && p[2] >= 0x90 && p[2] <= 0xaf) {
		*n = 3;
		return 0xfdd0 + (uint32_t)(p[2] - 0x90);
	}
	return 0;
}

/*
 * s with stand-ins, or NULL when it needs none.  Past 32 different
 * characters the rest are left to libyaml's escapes; a noncharacter
 * left without a place of its own would come out as another, so the
 * document fails instead (32 emoji and a noncharacter in one deck).
 */
static char *
stand_in(struct emit *x, const char *s)
{
	const unsigned char *p;
	struct buf b = { 0 };
	uint32_t c;
	size_t n, k;
	bool used = false;

	for (p = (const unsigned char *)s; *p != '\0'; p += n) {
		n = 1;
		if ((c = needs_stand_in(p, &n)) == 0) {
			buf_add(&b, p, n);
			continue;
		}
		used = true;
		for (k = 0; k < x->nstood && x->stood[k] != c; k++)
			;
		if (k == x->nstood && k < STAND_INS)
			x->stood[x->nstood++] = c;
		if (k < STAND_INS) {
			buf_add(&b, "\xef\xb7", 2);
			buf_addc(&b, (char)(0x90 + k));
		} else if (c < 0x10000)
			x->failed = true;
		else
			buf_add(&b, p, n);
	}
	if (!used) {
		buf_free(&b);
		return NULL;
	}
	return b.data;
}

/* The emitter's output with each stand-in replaced by its character. */
static void
put_back(struct emit *x)
{
	struct buf b = { 0 };
	const unsigned char *p, *end;
	uint32_t c;

	if (x->nstood == 0 || x->out.len == 0)
		return;
	p = (const unsigned char *)x->out.data;
	for (end = p + x->out.len; p < end; p++) {
		if (end - p < 3 || p[0] != 0xef || p[1] != 0xb7 ||
		    p[2] < 0x90 || p[2] >= 0x90 + x->nstood) {
			buf_addc(&b, (char)*p);
			continue;
		}
		c = x->stood[p[2] - 0x90];
		p += 2;
		if (c < 0x10000) {		/* a noncharacter, as it was */
			buf_addc(&b, (char)0xef);
			buf_addc(&b, (char)0xb7);
			buf_addc(&b, (char)(0x90 + (c - 0xfdd0)));
			continue;
		}
		buf_addc(&b, (char)(0xf0 | c >> 18));
		buf_addc(&b, (char)(0x80 | (c >> 12 & 0x3f)));
		buf_addc(&b, (char)(0x80 | (c >> 6 & 0x3f)));
		buf_addc(&b, (char)(0x80 | (c & 0x3f)));
	}
	buf_free(&x->out);
	x->out = b;
}

void
emit_scalar(struct emit *x, const char *s)
{
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;
	yaml_event_t ev;
	char *alt = stand_in(x, s);

	if (alt != NULL)
		s = alt;

	if (strchr(s, '\n') != NULL)
		style = YAML_LITERAL_SCALAR_STYLE;
	else if (*s == '\0' || strcmp(s, "~") == 0)
		style = YAML_SINGLE_QUOTED_SCALAR_STYLE;
	/* libyaml refuses text that is not UTF-8 before it is an event. */
	if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
	    (int)strlen(s), 1, 1, style))
		x->failed = true;
	else
		event(x, &ev);
	free(alt);
}

void
emit_pair(struct emit *x, const char *key, const char *value)
{
	if (value == NULL)
		return;
	emit_scalar(x, key);
	emit_scalar(x, value);
}

void
emit_mapping(struct emit *x, bool start)
{
	yaml_event_t ev;

	if (start)
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
		    YAML_BLOCK_MAPPING_STYLE);
	else
		yaml_mapping_end_event_initialize(&ev);
	event(x, &ev);
}

void
emit_sequence(struct emit *x, bool start)
{
	yaml_event_t ev;

	if (start)
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
		    YAML_BLOCK_SEQUENCE_STYLE);
	else
		yaml_sequence_end_event_initialize(&ev);
	event(x, &ev);
}

void
emit_list(struct emit *x, const char *key, const char *list)
{
	yaml_event_t ev;
	const char *p, *nl;
	char *item;

	if (list == NULL)
		return;
	emit_scalar(x, key);
	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
	    YAML_FLOW_SEQUENCE_STYLE);
	event(x, &ev);
	for (p = list; *p != '\0'; p = *nl != '\0' ? nl + 1 : nl) {
		nl = p + strcspn(p, "\n");
		item = xstrndup(p, (size_t)(nl - p));
		emit_scalar(x, item);
		free(item);
	}
	yaml_sequence_end_event_initialize(&ev);
	event(x, &ev);
}

const char *
emit_end(struct emit *x, size_t *len, const char **problem)
{
	yaml_event_t ev;

	yaml_document_end_event_initialize(&ev, 1);
	event(x, &ev);
	yaml_stream_end_event_initialize(&ev);
	event(x, &ev);
	*problem = x->em.problem;
	*len = 0;
	if (x->failed)
		return NULL;
	put_back(x);
	*len = x->out.len;
	return x->out.data != NULL ? x->out.data : "";
}
