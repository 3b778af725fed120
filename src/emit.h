/* emit.h: YAML written with libyaml's emitter, into memory: for export and story export. */
#ifndef REHEARSE_EMIT_H
#define REHEARSE_EMIT_H

#include <stdbool.h>
#include <stddef.h>

struct emit;

/*
 * A document begun in memory (UTF-8, lines of about 78 columns), so that
 * a read that fails half way never leaves half a file written.  Events
 * after an emitter error are dropped; emit_end tells.
 */
struct emit	*emit_new(void);
void		 emit_free(struct emit *);
/*
 * A scalar: plain when libyaml can, a literal block for several lines,
 * quoted where a plain scalar would read back as missing.
 */
void		 emit_scalar(struct emit *, const char *);
/* A key and its value; nothing when value is NULL. */
void		 emit_pair(struct emit *, const char *key, const char *value);
/* A key and the lines of list as a flow sequence; nothing when NULL. */
void		 emit_list(struct emit *, const char *key, const char *list);
void		 emit_mapping(struct emit *, bool start);
void		 emit_sequence(struct emit *, bool start);
/*
 * End the document: its text (borrowed, *len bytes), or NULL when the
 * emitter failed, with *problem libyaml's words (or NULL).
 */
const char	*emit_end(struct emit *, size_t *len, const char **problem);

#endif
