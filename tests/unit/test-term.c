/* test-term.c: unit tests for sanitizing, measuring and wrapping text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/ioctl.h>

#include <fcntl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "term.h"

/* Sanitized s, as a string the caller frees. */
static char *
sanitized(const char *s, bool keep_newlines)
{
	struct buf b = { NULL, 0, 0 };

	term_sanitize(&b, s, keep_newlines);
	return b.data;
}

static void
assert_sanitized(const char *in, bool keep_newlines, const char *want)
{
	char *got = sanitized(in, keep_newlines);

	assert_string_equal(got, want);
	free(got);
}

static void
assert_wrapped(const char *in, int width, int indent, const char *want)
{
	struct buf b = { NULL, 0, 0 };

	term_wrap(&b, in, width, indent);
	assert_string_equal(b.data, want);
	buf_free(&b);
}

/* Nothing a terminal would act on may survive sanitizing. */
static void
assert_inert(const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		assert_true(*p >= 0x20 || *p == '\n' || *p == '\t');
		assert_int_not_equal(*p, 0x7f);
		if (p[0] == 0xc2)
			assert_false(p[1] >= 0x80 && p[1] <= 0x9f);
	}
	assert_null(strstr(s, "\xe2\x80\xae"));
}

static void
test_sanitize_plain(void **state)
{
	(void)state;
	assert_sanitized("hello, world", true, "hello, world");
	assert_sanitized("", true, "");
}

static void
test_sanitize_appends(void **state)
{
	struct buf b = { NULL, 0, 0 };

	(void)state;
	buf_adds(&b, "> ");
	term_sanitize(&b, "a\x1b", true);
	assert_string_equal(b.data, "> a^[");
	buf_free(&b);
}

static void
test_sanitize_clear_screen(void **state)
{
	(void)state;
	assert_sanitized("\x1b[2J\x1b[H", true, "^[[2J^[[H");
}

static void
test_sanitize_osc_title(void **state)
{
	(void)state;
	assert_sanitized("\x1b]0;pwned\x07", true, "^[]0;pwned^G");
}

static void
test_sanitize_osc8_hyperlink(void **state)
{
	(void)state;
	assert_sanitized("\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
	    true, "^[]8;;https://evil.example/^[\\click^[]8;;^[\\");
}

static void
test_sanitize_osc52_clipboard(void **state)
{
	(void)state;
	assert_sanitized("\x1b]52;c;cm0gLXJmIH4K\x07", true,
	    "^[]52;c;cm0gLXJmIH4K^G");
}

static void
test_sanitize_c1_csi(void **state)
{
	char *got;

	(void)state;
	got = sanitized("\xc2\x9b" "31mred", true);
	assert_string_equal(got, "<U+009B>31mred");
	assert_null(strstr(got, "\xc2\x9b"));
	free(got);
}

static void
test_sanitize_c1_range(void **state)
{
	(void)state;
	assert_sanitized("\xc2\x80", true, "<U+0080>");
	assert_sanitized("\xc2\x85", true, "<U+0085>");
	assert_sanitized("\xc2\x9d", true, "<U+009D>");
	assert_sanitized("\xc2\x9f", true, "<U+009F>");
	/* NBSP and é are the first characters past C1: ordinary text. */
	assert_sanitized("\xc2\xa0", true, "\xc2\xa0");
	assert_sanitized("\xc3\xa9", true, "\xc3\xa9");
}

static void
test_sanitize_bidi(void **state)
{
	(void)state;
	assert_sanitized("abc\xe2\x80\xae" "fed", true, "abc<U+202E>fed");
	assert_sanitized("\xe2\x80\x8e\xe2\x80\x8f", true, "<U+200E><U+200F>");
	assert_sanitized("\xe2\x80\xaa\xe2\x80\xac", true, "<U+202A><U+202C>");
	assert_sanitized("\xe2\x81\xa6x\xe2\x81\xa9", true, "<U+2066>x<U+2069>");
	assert_sanitized("\xd8\x9c", true, "<U+061C>");
	/* Neighbours of the bidi marks pass: en dash, zero-width joiner. */
	assert_sanitized("\xe2\x80\x93\xe2\x80\x8d", true,
	    "\xe2\x80\x93\xe2\x80\x8d");
}

static void
test_sanitize_carriage_return(void **state)
{
	(void)state;
	assert_sanitized("safe\rEVIL", true, "safe^MEVIL");
	assert_sanitized("line\r\n", true, "line^M\n");
}

static void
test_sanitize_every_c0(void **state)
{
	char in[2] = { 0, 0 }, want[3] = { '^', 0, 0 };
	int c;

	(void)state;
	for (c = 1; c < 0x20; c++) {
		if (c == '\n' || c == '\t')
			continue;
		in[0] = (char)c;
		want[1] = (char)(c + '@');
		assert_sanitized(in, true, want);
		assert_sanitized(in, false, want);
	}
	assert_sanitized("\x1b", true, "^[");
	assert_sanitized("\x07", true, "^G");
	assert_sanitized("\x1f", true, "^_");
}

static void
test_sanitize_del(void **state)
{
	(void)state;
	assert_sanitized("a\x7f" "b", true, "a^?b");
}

static void
test_sanitize_keep_newlines(void **state)
{
	(void)state;
	assert_sanitized("a\nb\tc\n\n", true, "a\nb\tc\n\n");
}

static void
test_sanitize_flatten_newlines(void **state)
{
	(void)state;
	assert_sanitized("a\nb\tc\n", false, "a b c ");
}

static void
test_sanitize_invalid_bytes(void **state)
{
	(void)state;
	assert_sanitized("\xff", true, "\\xff");
	assert_sanitized("a\xfe" "b", true, "a\\xfeb");
	assert_sanitized("\x80", true, "\\x80");
	assert_sanitized("\xf5\x80\x80\x80", true, "\\xf5\\x80\\x80\\x80");
}

static void
test_sanitize_overlong(void **state)
{
	(void)state;
	assert_sanitized("\xc0\xaf", true, "\\xc0\\xaf");
	assert_sanitized("\xc1\xbf", true, "\\xc1\\xbf");
	assert_sanitized("\xe0\x80\xaf", true, "\\xe0\\x80\\xaf");
	assert_sanitized("\xf0\x80\x80\xaf", true, "\\xf0\\x80\\x80\\xaf");
	/* An overlong ESC must not turn into a real one. */
	assert_sanitized("\xc0\x9b", true, "\\xc0\\x9b");
}

static void
test_sanitize_surrogate(void **state)
{
	(void)state;
	assert_sanitized("\xed\xa0\x80", true, "\\xed\\xa0\\x80");
	assert_sanitized("\xed\xbf\xbf", true, "\\xed\\xbf\\xbf");
	/* The last code point before the surrogates is fine. */
	assert_sanitized("\xed\x9f\xbf", true, "\xed\x9f\xbf");
}

static void
test_sanitize_beyond_unicode(void **state)
{
	(void)state;
	assert_sanitized("\xf4\x90\x80\x80", true, "\\xf4\\x90\\x80\\x80");
	assert_sanitized("\xf4\x8f\xbf\xbf", true, "\xf4\x8f\xbf\xbf");
}

static void
test_sanitize_truncated(void **state)
{
	(void)state;
	assert_sanitized("\xe6\x97", true, "\\xe6\\x97");
	assert_sanitized("\xe6\x97" "A", true, "\\xe6\\x97A");
	assert_sanitized("\xf0\x9f\x98", true, "\\xf0\\x9f\\x98");
	assert_sanitized("\xc3", true, "\\xc3");
	/* A truncated sequence must not swallow the control after it. */
	assert_sanitized("\xe6\x1b[2J", true, "\\xe6^[[2J");
}

static void
test_sanitize_valid_utf8(void **state)
{
	const char *s = "caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80";

	(void)state;
	assert_sanitized(s, true, s);
}

static void
test_sanitize_hostile_mix(void **state)
{
	char *got;

	(void)state;
	got = sanitized("\x1b[2J\x1b]0;pwned\x07\xc2\x9b" "31m" "safe\rEVIL"
	    "\xe2\x80\xae\x1b]52;c;eA==\x07\xc0\x9b\x7f\x1b]8;;x\x1b\\", true);
	assert_inert(got);
	assert_null(strchr(got, 0x1b));
	assert_null(strchr(got, 0x07));
	assert_null(strchr(got, 0x0d));
	assert_null(strstr(got, "\xc2\x9b"));
	free(got);
}

/* Deterministic, so a failure can be replayed. */
static uint32_t
next_random(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 16;
}

static void
test_sanitize_random_bytes(void **state)
{
	uint32_t seed = 1;
	char in[64], *once, *twice;
	int round, i;

	(void)state;
	for (round = 0; round < 2000; round++) {
		for (i = 0; i < 63; i++)
			in[i] = (char)(next_random(&seed) % 255 + 1);
		in[63] = '\0';
		once = sanitized(in, true);
		assert_inert(once);
		/* Valid, inert output is a fixed point. */
		twice = sanitized(once, true);
		assert_string_equal(once, twice);
		free(once);
		free(twice);
	}
}

static void
test_width_ascii(void **state)
{
	(void)state;
	assert_int_equal(term_display_width(""), 0);
	assert_int_equal(term_display_width("hello"), 5);
	assert_int_equal(term_display_width("a\tb"), 3);
}

static void
test_width_latin(void **state)
{
	(void)state;
	assert_int_equal(term_display_width("\xc3\xa9"), 1);
	assert_int_equal(term_display_width("caf\xc3\xa9"), 4);
	/* e + COMBINING ACUTE ACCENT is one column. */
	assert_int_equal(term_display_width("e\xcc\x81"), 1);
}

static void
test_width_wide(void **state)
{
	(void)state;
	assert_int_equal(term_display_width("\xe6\x97\xa5\xe6\x9c\xac"), 4);
	assert_int_equal(term_display_width("a\xe6\x97\xa5" "b"), 4);
	assert_int_equal(term_display_width("\xed\x95\x9c"), 2);
	assert_int_equal(term_display_width("\xf0\x9f\x98\x80"), 2);
	assert_int_equal(term_display_width("\xef\xbc\xa1"), 2);
}

static void
test_width_invalid(void **state)
{
	(void)state;
	assert_int_equal(term_display_width("\xff\xfe"), 2);
	assert_int_equal(term_display_width("\xe6\x97"), 2);
}

/* Switch to the C locale, and back even when an assertion fails. */
static int
c_locale_setup(void **state)
{
	*state = xstrdup(setlocale(LC_ALL, NULL));
	return setlocale(LC_ALL, "C") == NULL ? -1 : 0;
}

static int
c_locale_teardown(void **state)
{
	setlocale(LC_ALL, *state);
	free(*state);
	return 0;
}

/* The same answers whether or not the locale knows UTF-8. */
static void
test_width_c_locale(void **state)
{
	(void)state;
	assert_int_equal(term_display_width("hello"), 5);
	assert_int_equal(term_display_width("\xc3\xa9"), 1);
	assert_int_equal(term_display_width("e\xcc\x81"), 1);
	assert_int_equal(term_display_width("\xe6\x97\xa5\xe6\x9c\xac"), 4);
	assert_int_equal(term_display_width("\xed\x95\x9c"), 2);
	assert_int_equal(term_display_width("\xf0\x9f\x98\x80"), 2);
}

static void
test_wrap_cjk_c_locale(void **state)
{
	(void)state;
	assert_wrapped("\xe6\x97\xa5\xe6\x9c\xac\xe6\x97\xa5", 4, 0,
	    "\xe6\x97\xa5\xe6\x9c\xac\n\xe6\x97\xa5\n");
}

static void
test_wrap_sentence(void **state)
{
	(void)state;
	assert_wrapped("the quick brown fox jumps over the lazy dog", 20, 2,
	    "  the quick brown\n"
	    "  fox jumps over the\n"
	    "  lazy dog\n");
}

static void
test_wrap_short(void **state)
{
	(void)state;
	assert_wrapped("hi", 20, 0, "hi\n");
	assert_wrapped("hi", 20, 4, "    hi\n");
}

static void
test_wrap_empty(void **state)
{
	(void)state;
	assert_wrapped("", 20, 2, "");
}

static void
test_wrap_exact_fit(void **state)
{
	(void)state;
	assert_wrapped("abcde fghij", 11, 0, "abcde fghij\n");
	assert_wrapped("abcde fghij", 10, 0, "abcde\nfghij\n");
}

static void
test_wrap_long_word(void **state)
{
	(void)state;
	assert_wrapped("abcdefghijklmnopqrstuvwxyz", 10, 0,
	    "abcdefghij\nklmnopqrst\nuvwxyz\n");
	assert_wrapped("abcdefghijklmnopqrstuvwxyz", 10, 2,
	    "  abcdefgh\n  ijklmnop\n  qrstuvwx\n  yz\n");
	assert_wrapped("hi abcdefghijkl ok", 10, 0,
	    "hi\nabcdefghij\nkl ok\n");
}

static void
test_wrap_cjk(void **state)
{
	/* 日本語のテキストを折り返す: 13 characters, 39 bytes, 26 columns. */
	const char *s = "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae"
	    "\xe3\x83\x86\xe3\x82\xad\xe3\x82\xb9\xe3\x83\x88\xe3\x82\x92"
	    "\xe6\x8a\x98\xe3\x82\x8a\xe8\xbf\x94\xe3\x81\x99";

	(void)state;
	assert_wrapped(s, 10, 0,
	    "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x83\x86\n"
	    "\xe3\x82\xad\xe3\x82\xb9\xe3\x83\x88\xe3\x82\x92\xe6\x8a\x98\n"
	    "\xe3\x82\x8a\xe8\xbf\x94\xe3\x81\x99\n");
	/* An odd width leaves a column free rather than split a character. */
	assert_wrapped(s, 9, 0,
	    "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\n"
	    "\xe3\x83\x86\xe3\x82\xad\xe3\x82\xb9\xe3\x83\x88\n"
	    "\xe3\x82\x92\xe6\x8a\x98\xe3\x82\x8a\xe8\xbf\x94\n"
	    "\xe3\x81\x99\n");
}

static void
test_wrap_cjk_words(void **state)
{
	/* 日本 日本 日本: words of 4 columns, 6 bytes. */
	(void)state;
	assert_wrapped("\xe6\x97\xa5\xe6\x9c\xac \xe6\x97\xa5\xe6\x9c\xac "
	    "\xe6\x97\xa5\xe6\x9c\xac", 11, 1,
	    " \xe6\x97\xa5\xe6\x9c\xac \xe6\x97\xa5\xe6\x9c\xac\n"
	    " \xe6\x97\xa5\xe6\x9c\xac\n");
}

static void
test_wrap_blank_lines(void **state)
{
	(void)state;
	assert_wrapped("para one\n\npara two", 20, 2,
	    "  para one\n\n  para two\n");
	assert_wrapped("a\n\n\nb\n", 20, 0, "a\n\n\nb\n");
	assert_wrapped("a\n   \nb", 20, 2, "  a\n\n  b\n");
}

static void
test_wrap_trailing_newline(void **state)
{
	(void)state;
	assert_wrapped("a\n", 20, 0, "a\n");
	assert_wrapped("a\n\n", 20, 0, "a\n\n");
	assert_wrapped("\n", 20, 0, "\n");
}

static void
test_wrap_hard_breaks(void **state)
{
	(void)state;
	assert_wrapped("one\ntwo three four five six", 15, 0,
	    "one\ntwo three four\nfive six\n");
}

static void
test_wrap_indented_list(void **state)
{
	(void)state;
	assert_wrapped("Steps:\n  - first item that is rather long\n  - second",
	    20, 2,
	    "  Steps:\n"
	    "    - first item\n"
	    "    that is rather\n"
	    "    long\n"
	    "    - second\n");
}

static void
test_wrap_deep_indent_capped(void **state)
{
	(void)state;
	/* 16 leading spaces in 20 columns keep only 10, leaving 10 for text. */
	assert_wrapped("                abcdefghijklmno", 20, 0,
	    "          abcdefghij\n          klmno\n");
}

static void
test_wrap_spaces(void **state)
{
	(void)state;
	assert_wrapped("a  b", 20, 0, "a  b\n");
	assert_wrapped("a   ", 20, 0, "a\n");
	assert_wrapped("aaaa     bbbb", 8, 0, "aaaa\nbbbb\n");
}

static void
test_wrap_tabs(void **state)
{
	(void)state;
	assert_wrapped("\tx", 20, 0, "    x\n");
	assert_wrapped("a\tb", 20, 0, "a    b\n");
}

static void
test_wrap_tiny_width(void **state)
{
	(void)state;
	assert_wrapped("ab", 2, 4, "    a\n    b\n");
	assert_wrapped("\xe6\x97\xa5\xe6\x9c\xac", 1, 0,
	    "\xe6\x97\xa5\n\xe6\x9c\xac\n");
	assert_wrapped("ab cd", 0, 0, "a\nb\nc\nd\n");
}

static void
test_wrap_invalid_bytes(void **state)
{
	(void)state;
	assert_wrapped("\xff\xfe\xfd", 2, 0, "\xff\xfe\n\xfd\n");
}

/* Strip spaces and newlines, to compare text across wrapping. */
static char *
squeeze(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *q = out;

	for (; *s != '\0'; s++) {
		if (*s != ' ' && *s != '\n')
			*q++ = *s;
	}
	*q = '\0';
	return out;
}

static void
check_random_wrap(const char *in, int width, int indent)
{
	struct buf b = { NULL, 0, 0 };
	char *line, *save, *a, *z;

	term_wrap(&b, in, width, indent);
	a = squeeze(in);
	z = squeeze(b.data);
	assert_string_equal(a, z);
	for (line = strtok_r(b.data, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		assert_true(term_display_width(line) <= (size_t)width);
	free(a);
	free(z);
	buf_free(&b);
}

static void
test_wrap_random(void **state)
{
	static const char *words[] = {
		"a", "to", "the", "rehearse", "interview", "\xc3\xa9t\xc3\xa9",
		"\xe6\x97\xa5\xe6\x9c\xac", "supercalifragilisticexpialidocious",
		"\n", "\n\n", "  ",
	};
	struct buf in = { NULL, 0, 0 };
	uint32_t seed = 7;
	int round, i;

	(void)state;
	for (round = 0; round < 500; round++) {
		buf_free(&in);
		for (i = 0; i < 30; i++) {
			buf_adds(&in, words[next_random(&seed) % 11]);
			buf_addc(&in, ' ');
		}
		check_random_wrap(in.data, 20 + round % 40, round % 5);
	}
	buf_free(&in);
}

static char *
printed(const char *s, int indent)
{
	FILE *fp = tmpfile();
	char *out;
	long n;

	assert_non_null(fp);
	term_print_wrapped(fp, s, indent);
	n = ftell(fp);
	assert_true(n >= 0);
	out = xmalloc((size_t)n + 1);
	rewind(fp);
	assert_int_equal(fread(out, 1, (size_t)n, fp), (size_t)n);
	out[n] = '\0';
	fclose(fp);
	return out;
}

static void
test_print_wrapped(void **state)
{
	char *got;

	(void)state;
	term_set_width(20);
	got = printed("\x1b[31mred\x1b[0m text\rover\n\nnext", 2);
	assert_string_equal(got, "  ^[[31mred^[[0m\n  text^Mover\n\n  next\n");
	assert_inert(got);
	free(got);
	term_set_width(80);
}

static void
test_set_width(void **state)
{
	(void)state;
	term_set_width(100);
	assert_int_equal(term_width(), 100);
	term_set_width(5);
	assert_int_equal(term_width(), 20);
	term_set_width(80);
}

/* Run term_init() with stdout on fd, then put stdout back. */
static void
init_with_stdout(int fd)
{
	int saved;

	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	assert_true(saved >= 0);
	assert_true(dup2(fd, STDOUT_FILENO) >= 0);
	term_init();
	assert_true(dup2(saved, STDOUT_FILENO) >= 0);
	close(saved);
}

static void
init_not_a_tty(void)
{
	int fd = open("/dev/null", O_WRONLY);

	assert_true(fd >= 0);
	init_with_stdout(fd);
	close(fd);
}

static void
test_init_not_a_tty(void **state)
{
	(void)state;
	unsetenv("NO_COLOR");
	unsetenv("COLUMNS");
	setenv("TERM", "xterm", 1);
	init_not_a_tty();
	assert_false(term_colour());
	assert_int_equal(term_width(), 80);
	assert_string_equal(term_bold(), "");
	assert_string_equal(term_dim(), "");
	assert_string_equal(term_green(), "");
	assert_string_equal(term_yellow(), "");
	assert_string_equal(term_red(), "");
	assert_string_equal(term_cyan(), "");
	assert_string_equal(term_reset(), "");
}

static void
test_init_columns(void **state)
{
	(void)state;
	setenv("COLUMNS", "132", 1);
	init_not_a_tty();
	assert_int_equal(term_width(), 132);
	setenv("COLUMNS", "5", 1);
	init_not_a_tty();
	assert_int_equal(term_width(), 20);
	setenv("COLUMNS", "12x", 1);
	init_not_a_tty();
	assert_int_equal(term_width(), 80);
	setenv("COLUMNS", "-40", 1);
	init_not_a_tty();
	assert_int_equal(term_width(), 80);
	setenv("COLUMNS", "99999999999999999999", 1);
	init_not_a_tty();
	assert_int_equal(term_width(), 80);
	unsetenv("COLUMNS");
	term_set_width(80);
}

/* A pseudo-terminal's slave side, sized cols wide, or -1. */
static int
open_pty(int *master, unsigned short cols)
{
	struct winsize ws = { 24, cols, 0, 0 };
	int fd;

	if ((*master = posix_openpt(O_RDWR | O_NOCTTY)) < 0)
		return -1;
	if (grantpt(*master) != 0 || unlockpt(*master) != 0 ||
	    (fd = open(ptsname(*master), O_RDWR | O_NOCTTY)) < 0) {
		close(*master);
		return -1;
	}
	ioctl(fd, TIOCSWINSZ, &ws);
	return fd;
}

static void
init_on_pty(unsigned short cols)
{
	int master, fd;

	if ((fd = open_pty(&master, cols)) < 0)
		skip();
	init_with_stdout(fd);
	close(fd);
	close(master);
}

static void
test_init_tty(void **state)
{
	(void)state;
	unsetenv("NO_COLOR");
	setenv("TERM", "xterm-256color", 1);
	init_on_pty(100);
	assert_true(term_colour());
	assert_int_equal(term_width(), 100);
	assert_string_equal(term_bold(), "\033[1m");
	assert_string_equal(term_dim(), "\033[2m");
	assert_string_equal(term_green(), "\033[32m");
	assert_string_equal(term_yellow(), "\033[33m");
	assert_string_equal(term_red(), "\033[31m");
	assert_string_equal(term_cyan(), "\033[36m");
	assert_string_equal(term_reset(), "\033[0m");
	init_on_pty(10);
	assert_int_equal(term_width(), 20);
	init_not_a_tty();
}

static void
test_init_no_color(void **state)
{
	(void)state;
	setenv("TERM", "xterm", 1);
	setenv("NO_COLOR", "1", 1);
	init_on_pty(80);
	assert_false(term_colour());
	assert_string_equal(term_red(), "");
	/* no-color.org: an empty NO_COLOR does not count. */
	setenv("NO_COLOR", "", 1);
	init_on_pty(80);
	assert_true(term_colour());
	unsetenv("NO_COLOR");
	init_not_a_tty();
}

static void
test_init_dumb(void **state)
{
	(void)state;
	unsetenv("NO_COLOR");
	setenv("TERM", "dumb", 1);
	init_on_pty(80);
	assert_false(term_colour());
	assert_string_equal(term_reset(), "");
	init_not_a_tty();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sanitize_plain),
		cmocka_unit_test(test_sanitize_appends),
		cmocka_unit_test(test_sanitize_clear_screen),
		cmocka_unit_test(test_sanitize_osc_title),
		cmocka_unit_test(test_sanitize_osc8_hyperlink),
		cmocka_unit_test(test_sanitize_osc52_clipboard),
		cmocka_unit_test(test_sanitize_c1_csi),
		cmocka_unit_test(test_sanitize_c1_range),
		cmocka_unit_test(test_sanitize_bidi),
		cmocka_unit_test(test_sanitize_carriage_return),
		cmocka_unit_test(test_sanitize_every_c0),
		cmocka_unit_test(test_sanitize_del),
		cmocka_unit_test(test_sanitize_keep_newlines),
		cmocka_unit_test(test_sanitize_flatten_newlines),
		cmocka_unit_test(test_sanitize_invalid_bytes),
		cmocka_unit_test(test_sanitize_overlong),
		cmocka_unit_test(test_sanitize_surrogate),
		cmocka_unit_test(test_sanitize_beyond_unicode),
		cmocka_unit_test(test_sanitize_truncated),
		cmocka_unit_test(test_sanitize_valid_utf8),
		cmocka_unit_test(test_sanitize_hostile_mix),
		cmocka_unit_test(test_sanitize_random_bytes),
		cmocka_unit_test(test_width_ascii),
		cmocka_unit_test(test_width_latin),
		cmocka_unit_test(test_width_wide),
		cmocka_unit_test(test_width_invalid),
		cmocka_unit_test_setup_teardown(test_width_c_locale,
		    c_locale_setup, c_locale_teardown),
		cmocka_unit_test_setup_teardown(test_wrap_cjk_c_locale,
		    c_locale_setup, c_locale_teardown),
		cmocka_unit_test(test_wrap_sentence),
		cmocka_unit_test(test_wrap_short),
		cmocka_unit_test(test_wrap_empty),
		cmocka_unit_test(test_wrap_exact_fit),
		cmocka_unit_test(test_wrap_long_word),
		cmocka_unit_test(test_wrap_cjk),
		cmocka_unit_test(test_wrap_cjk_words),
		cmocka_unit_test(test_wrap_blank_lines),
		cmocka_unit_test(test_wrap_trailing_newline),
		cmocka_unit_test(test_wrap_hard_breaks),
		cmocka_unit_test(test_wrap_indented_list),
		cmocka_unit_test(test_wrap_deep_indent_capped),
		cmocka_unit_test(test_wrap_spaces),
		cmocka_unit_test(test_wrap_tabs),
		cmocka_unit_test(test_wrap_tiny_width),
		cmocka_unit_test(test_wrap_invalid_bytes),
		cmocka_unit_test(test_wrap_random),
		cmocka_unit_test(test_print_wrapped),
		cmocka_unit_test(test_set_width),
		cmocka_unit_test(test_init_not_a_tty),
		cmocka_unit_test(test_init_columns),
		cmocka_unit_test(test_init_tty),
		cmocka_unit_test(test_init_no_color),
		cmocka_unit_test(test_init_dumb),
	};

	/* The tests must pass whether or not C.UTF-8 exists here. */
	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
