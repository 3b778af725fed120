/* yaml-words.h: libyaml's English error messages in the interface's language. */
#ifndef REHEARSE_YAML_WORDS_H
#define REHEARSE_YAML_WORDS_H

/*
 * A problem or context libyaml reported ("did not find expected key",
 * "while parsing a block mapping"), translated when it is one libyaml
 * is known to write; any other text is returned as it is.
 */
const char	*yaml_words(const char *);

#endif
