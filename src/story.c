/* story.c: what the story services share: a story found by name, one chosen of several, a new one's language. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "i18n.h"
#include "story.h"
#include "term.h"
#include "xmalloc.h"

const char *
story_language(const char *deck_language)
{
	if (deck_language == NULL)
		return bundled_lang(NULL);
	return strcmp(story_heading(STORY_SITUATION, deck_language),
	    "Situatie") == 0 ? "nl" : "en";
}

int
story_fail(struct store *st)
{
	warnx_("%s", store_error(st));
	return EXIT_FAIL;
}

int
story_find(struct store *st, const char *name, struct story_rec *r)
{
	int rc = store_story_get(st, name, r);

	if (rc > 0)
		warnx_(_("%s: no such story (see 'rehearse story list')"),
		    name);
	return rc;
}

void
story_choices(const struct story_ref *refs, size_t n)
{
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < n; i++) {
		buf_printf(&b, "  %2zu  ", i + 1);
		term_add_cut(&b, refs[i].title, (size_t)term_width() - 7);
		buf_addc(&b, '\n');
	}
	fputs(b.data, stdout);
	buf_free(&b);
}

int
story_choice(const char *answer, const struct story_ref *refs, size_t n)
{
	char *a = story_title_clean(answer), *end;
	unsigned long k;
	size_t i;
	int at = -2;

	if (*a == '\0')
		at = -1;
	else if (*a >= '0' && *a <= '9') {
		k = strtoul(a, &end, 10);
		if (*end == '\0' && k >= 1 && k <= n)
			at = (int)(k - 1);
	}
	for (i = 0; at == -2 && i < n; i++)
		if (strcasecmp(a, refs[i].title) == 0 ||
		    strcmp(a, refs[i].slug) == 0)
			at = (int)i;
	free(a);
	return at;
}
