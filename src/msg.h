/* msg.h: messages to the user on stderr, for every layer of the program. */
#ifndef REHEARSE_MSG_H
#define REHEARSE_MSG_H

/* An error or warning as "rehearse: ..." on stderr, after stdout is flushed. */
void	 warnx_(const char *, ...) __attribute__((format(printf, 1, 2)));

#endif
