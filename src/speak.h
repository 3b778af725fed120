/* speak.h: text read aloud with espeak-ng, to the sound card or to WAV files. */
#ifndef REHEARSE_SPEAK_H
#define REHEARSE_SPEAK_H

#include <stdbool.h>

struct speaker;

/*
 * Start speaking: to the sound card, or with dir to DIR/NAME.wav files
 * (dir is borrowed; it must exist).  NULL after a message when this
 * program was built without espeak-ng or it cannot start.
 */
struct speaker	*speak_open(const char *dir);
void		 speak_close(struct speaker *);
/*
 * Whether there is a voice for a language tag ("nl", "en-GB"), the
 * tag's own or that of its first part.  NULL: the default voice.
 */
bool		 speak_has_voice(struct speaker *, const char *lang);
/*
 * Say text in lang's voice, returning when it has been said (or, with
 * a directory, written to DIR/name.wav).  0, or -1 after a message.
 */
int		 speak_say(struct speaker *, const char *lang, const char *text,
		    const char *name);

#endif
