/* xmalloc.h: allocators that never return NULL (they abort on exhaustion). */
#ifndef REHEARSE_XMALLOC_H
#define REHEARSE_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

/* Every returned pointer belongs to the caller, to free(). */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

/* A growable byte buffer, always NUL-terminated once anything is added. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};
void	 buf_add(struct buf *, const void *, size_t);
void	 buf_addc(struct buf *, char);
void	 buf_adds(struct buf *, const char *);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Empty b, keeping its memory for what comes next. */
void	 buf_reset(struct buf *);
void	 buf_free(struct buf *);

#endif
