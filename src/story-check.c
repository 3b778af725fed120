/* story-check.c: what 'story check' asks of a story: five parts, a measurable result, two minutes, your part. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "story-text.h"
#include "xmalloc.h"

#define WORDS_PER_MINUTE	150	/* speech at an interview's pace */
#define WORDS_MAX		300	/* about two minutes of it */

/* Words that make a result measurable without a digit. */
static const char *const number_words[] = {
	/* English */
	"two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
	"sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
	"forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
	"hundreds", "thousand", "thousands", "million", "millions",
	"billion", "dozen", "dozens", "half", "halved", "third", "thirds",
	"quarter", "quarters", "double", "doubled", "twice", "triple",
	"tripled", "quadrupled", "percent",
	/* Dutch */
	"twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen",
	"tien", "elf", "twaalf", "dertien", "veertien", "vijftien",
	"zestien", "zeventien", "achttien", "negentien", "twintig",
	"dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig",
	"negentig", "honderd", "honderden", "duizend", "duizenden",
	"miljoen", "miljard", "dozijn", "half", "halve", "helft",
	"gehalveerd", "halvering", "derde", "kwart", "dubbel", "verdubbeld",
	"verdubbeling", "verdrievoudigd", "procent",
	NULL,
};

/*
 * Call fn for each word of s: a run of letters (ASCII, lower-cased, or
 * any byte of a UTF-8 character), at most 31 bytes of it.
 */
static void
each_word(const char *s, void (*fn)(void *, const char *), void *arg)
{
	char w[32];
	size_t n = 0;
	const unsigned char *p = (const unsigned char *)s;

	for (;; p++) {
		if (isalpha(*p) || *p >= 0x80) {
			if (n < sizeof w - 1)
				w[n++] = (char)tolower(*p);
			continue;
		}
		if (n > 0) {
			w[n] = '\0';
			fn(arg, w);
			n = 0;
		}
		if (*p == '\0')
			break;
	}
}

static void
is_number_word(void *arg, const char *w)
{
	bool *found = arg;
	size_t i;

	for (i = 0; number_words[i] != NULL && !*found; i++)
		*found = strcmp(w, number_words[i]) == 0;
}

/* A digit, a percentage or a currency, or a number in words. */
static bool
measurable(const char *s)
{
	bool found = strpbrk(s, "0123456789%") != NULL ||
	    strstr(s, "€") != NULL || strpbrk(s, "$") != NULL ||
	    strstr(s, "£") != NULL;

	if (!found)
		each_word(s, is_number_word, &found);
	return found;
}

/* 'we' and 'I' (English), 'wij'/'we' and 'ik' (Dutch), counted. */
struct persons {
	size_t	we;
	size_t	i;
};

static void
count_person(void *arg, const char *w)
{
	struct persons *p = arg;

	if (strcmp(w, "we") == 0 || strcmp(w, "wij") == 0)
		p->we++;
	else if (strcmp(w, "i") == 0 || strcmp(w, "ik") == 0)
		p->i++;
}

size_t
story_words(const struct story_text *t)
{
	const char *p;
	size_t i, n = 0;

	for (i = 0; i < STORY_PARTS; i++) {
		for (p = t->part[i]; *p != '\0';) {
			p += strspn(p, " \t\r\n");
			if (*p == '\0')
				break;
			n++;
			p += strcspn(p, " \t\r\n");
		}
	}
	return n;
}

/* Report the finding, formatted, to fn. */
static void
say(story_finding_fn fn, void *arg, bool error, char *msg)
{
	fn(arg, error, msg);
	free(msg);
}

size_t
story_check(const struct story_text *t, story_finding_fn fn, void *arg)
{
	struct persons who = { 0, 0 };
	size_t errors = 0, words = story_words(t);
	int i;

	for (i = 0; i < STORY_PARTS; i++) {
		if (*t->part[i] != '\0')
			continue;
		errors++;
		if (i == STORY_REFLECTION)
			say(fn, arg, true, xstrdup(_("the Reflection part is "
			    "empty: it is the one people skip, and the one that "
			    "shows you learn; say what you would do differently "
			    "now")));
		else
			/* TRANSLATORS: %s is a part's heading ("Task"). */
			say(fn, arg, true, xasprintf(_("the %s part is empty"),
			    story_part_name((enum story_part)i)));
	}
	if (*t->part[STORY_RESULT] != '\0' &&
	    !measurable(t->part[STORY_RESULT]))
		say(fn, arg, false, xstrdup(_("the Result part has no number "
		    "or measurable outcome: say how much, how many or how "
		    "fast")));
	if (words > WORDS_MAX)
		/* TRANSLATORS: the minutes and seconds it takes to tell. */
		say(fn, arg, false, xasprintf(ngettext("the story is %zu word "
		    "long, about %zu:%02zu to tell: aim for two minutes (about "
		    "300 words)", "the story is %zu words long, about "
		    "%zu:%02zu to tell: aim for two minutes (about 300 words)",
		    words), words, words / WORDS_PER_MINUTE,
		    words % WORDS_PER_MINUTE * 60 / WORDS_PER_MINUTE));
	each_word(t->part[STORY_ACTION], count_person, &who);
	if (who.we > who.i)
		say(fn, arg, false, xasprintf(_("the Action part says 'we' "
		    "more often than 'I' (%zu against %zu): the interviewer "
		    "wants to hear what you did"), who.we, who.i));
	return errors;
}
