/* emit.c: YAML through libyaml's emitter, into memory. */
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "emit.h"
#include "xmalloc.h"

struct emit {
	yaml_emitter_t	 em;
	struct buf	 out;
	bool		 failed;
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

void
emit_scalar(struct emit *x, const char *s)
{
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;
	yaml_event_t ev;

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
	*len = x->out.len;
	if (x->failed)
		return NULL;
	return x->out.data != NULL ? x->out.data : "";
}
