/*
 * story-text.h: a STARR story as text: its five parts, their headings in
 * English and Dutch, titles, ids and tags.  Pure: no I/O, no database.
 */
#ifndef REHEARSE_STORY_TEXT_H
#define REHEARSE_STORY_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#define STORY_TITLE_MAX		120	/* bytes in a title */
#define STORY_SLUG_MAX		48	/* bytes in the id derived from it */
#define STORY_TEXT_MAX		(1024 * 1024)	/* bytes in one story */

enum story_part {
	STORY_SITUATION,
	STORY_TASK,
	STORY_ACTION,
	STORY_RESULT,
	STORY_REFLECTION,
	STORY_PARTS
};

/*
 * A story's text: what comes before the first heading (notes) and the
 * five parts.  Every string belongs to the struct and is "" when empty,
 * never NULL once filled; story_text_free frees them.
 */
struct story_text {
	char	*notes;
	char	*part[STORY_PARTS];
};
void	 story_text_free(struct story_text *);
/* An empty text: notes and parts "". */
void	 story_text_init(struct story_text *);
bool	 story_text_equal(const struct story_text *,
	    const struct story_text *);
/* How many of the five parts hold text. */
int	 story_text_parts(const struct story_text *);

/*
 * The name of a part as the YAML file and JSON spell it ("situation"),
 * and as a person reads it, translated ("Situation"; borrowed).
 */
const char *story_part_key(enum story_part);
const char *story_part_name(enum story_part);
/*
 * The heading of a part in a story's language: Dutch for "nl..." (any
 * region), English for another tag, the interface's words for NULL.
 */
const char *story_heading(enum story_part, const char *language);
/* What goes under a heading in the editor's template (translated). */
const char *story_explain(enum story_part);

/*
 * Whether line (len bytes, no newline) is a heading: a part's name in
 * English, Dutch or the interface's words, in any case, alone or before
 * ':' (and text, whose start goes to *rest, unless that text has a
 * heading's form too), optionally after '#' marks and between '**'.
 * Sets *part.
 */
bool	 story_heading_line(const char *line, size_t len,
	    enum story_part *part, const char **rest);

/*
 * Whether a line (len bytes) is a comment in the editor's file: '#'
 * alone, or before a blank; "#1 priority" is text.  A heading written
 * as "## Result" is a heading, not a comment: ask that first.
 */
bool	 story_comment_line(const char *line, size_t len);
/*
 * Split text into notes and parts (*t is filled anew).  Each part's
 * text is trimmed of blank lines before it and blanks after it; a part
 * named twice has both texts, a blank line apart.  With comments, a
 * line of '#' alone or '#' and a blank that is not a heading is dropped.
 */
void	 story_text_parse(struct story_text *t, const char *text,
	    bool comments);
/*
 * The text written out (caller frees): the notes, then each part with
 * text under its heading, on the heading's line when it is one line.
 * Parsing it gives back the same story, for any story parsing gave.
 */
char	*story_text_render(const struct story_text *, const char *language);
/*
 * The language ("en" or "nl") whose headings render text's parts back
 * to text byte for byte, or NULL when none does: old free-form stories
 * keep their text as it is.
 */
const char *story_text_canonical(const char *text);
/* Trim a text in place as a part is: leading blank lines, trailing blanks. */
void	 story_text_trim(char *s);

/*
 * Titles: a cleaned copy of s (blanks at the ends trimmed; caller
 * frees), and NULL when it is a good title, or why not (translated).
 */
char	*story_title_clean(const char *s);
const char *story_title_problem(const char *title);
/*
 * A title made from a card's front: one line, controls made visible,
 * cut between words to about 60 bytes (caller frees).
 */
char	*story_title_from_front(const char *front);
/*
 * The id a title gives: its ASCII letters and digits lower-cased, other
 * runs one '-', cut between words to at most STORY_SLUG_MAX bytes,
 * "story" when nothing is left (caller frees).
 */
char	*story_slug(const char *title);
/*
 * Cut slug in place to at most max bytes, at a '-' when one is there
 * (the whole first word, cut, when not), and drop trailing '-'s.
 */
void	 story_slug_cut(char *slug, size_t max);

/*
 * Tags written as a list ("deadline, conflict" or "deadline conflict")
 * as a JSON array (caller frees); NULL for no tags, or with *bad set to
 * the first tag that is not one word of printable text (caller frees).
 */
char	*story_tags_json(const char *list, char **bad);

/* story-check.c: what 'story check' finds. */
/* A finding: an error, or a warning; msg is translated and borrowed. */
typedef void (*story_finding_fn)(void *arg, bool error, const char *msg);
/*
 * Check a story: an empty part is an error; a Result with no number, a
 * story past about two minutes of speech (300 words), an Action that
 * says "we" more than "I", are warnings.  Returns the errors.
 */
size_t	 story_check(const struct story_text *, story_finding_fn, void *arg);
/* The words in a story's parts. */
size_t	 story_words(const struct story_text *);

#endif
