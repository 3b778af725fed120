## Tests: included from the top-level Makefile.am.

cli_tests = \
	tests/cli/config.sh \
	tests/cli/anki.sh \
	tests/cli/convert.sh \
	tests/cli/decks.sh \
	tests/cli/errors.sh \
	tests/cli/grade.sh \
	tests/cli/import.sh \
	tests/cli/interview.sh \
	tests/cli/memory.sh \
	tests/cli/mock.sh \
	tests/cli/mock-speak.sh \
	tests/cli/mock-bundled.sh \
	tests/cli/json.sh \
	tests/cli/lang-switch.sh \
	tests/cli/man.sh \
	tests/cli/manage.sh \
	tests/cli/new.sh \
	tests/cli/options.sh \
	tests/cli/catalogue.sh \
	tests/cli/nls.sh \
	tests/cli/piped.sh \
	tests/cli/reveal-fit.sh \
	tests/cli/story.sh \
	tests/cli/story-bank.sh \
	tests/cli/story-drill.sh \
	tests/cli/story-tty.sh \
	tests/cli/story-width.sh \
	tests/cli/story-file.sh \
	tests/cli/widths.sh \
	tests/cli/transcripts.sh

# Expect scripts that are not transcripts.  The drill's sessions, piped
# and on a terminal, are tests/transcripts, run by transcripts.sh (the
# terminal ones through tests/repl/transcript.exp).
repl_tests =

TESTS =

# Without cmocka the unit tests are neither built nor run.
if HAVE_CMOCKA
unit_tests = \
	tests/unit/test-clock \
	tests/unit/test-deck \
	tests/unit/test-fsrs \
	tests/unit/test-mock \
	tests/unit/test-sched \
	tests/unit/test-store \
	tests/unit/test-story \
	tests/unit/test-term

check_PROGRAMS = $(unit_tests)
TESTS += $(unit_tests)
endif

TESTS += $(cli_tests) $(repl_tests)

# The unit tests link the modules they test from the core library.
unit_cflags = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
unit_ldadd = src/libcore.a $(CMOCKA_LIBS)

tests_unit_test_clock_SOURCES = tests/unit/test-clock.c
tests_unit_test_clock_CFLAGS = $(unit_cflags)
tests_unit_test_clock_LDADD = $(unit_ldadd)

tests_unit_test_fsrs_SOURCES = tests/unit/test-fsrs.c
tests_unit_test_fsrs_CFLAGS = $(unit_cflags)
tests_unit_test_fsrs_LDADD = $(unit_ldadd) -lm

tests_unit_test_mock_SOURCES = tests/unit/test-mock.c
tests_unit_test_mock_CFLAGS = $(unit_cflags)
tests_unit_test_mock_LDADD = $(unit_ldadd)

tests_unit_test_sched_SOURCES = tests/unit/test-sched.c
tests_unit_test_sched_CFLAGS = $(unit_cflags)
tests_unit_test_sched_LDADD = $(unit_ldadd) -lm

# The store on its own, against a database broken under it.
tests_unit_test_store_SOURCES = tests/unit/test-store.c \
	tests/unit/store-fixture.h
tests_unit_test_store_CFLAGS = $(unit_cflags) $(SQLITE_CFLAGS)
tests_unit_test_store_LDADD = $(unit_ldadd) $(SQLITE_LIBS) -lm

# The story bank: its text rules, and its records in a real database.
tests_unit_test_story_SOURCES = tests/unit/test-story.c \
	tests/unit/store-fixture.h
tests_unit_test_story_CFLAGS = $(unit_cflags) $(SQLITE_CFLAGS)
tests_unit_test_story_LDADD = $(unit_ldadd) $(SQLITE_LIBS) -lm

tests_unit_test_term_SOURCES = tests/unit/test-term.c
tests_unit_test_term_CFLAGS = $(unit_cflags)
tests_unit_test_term_LDADD = $(unit_ldadd)

tests_unit_test_deck_SOURCES = tests/unit/test-deck.c
tests_unit_test_deck_CFLAGS = $(unit_cflags) $(YAML_CFLAGS)
tests_unit_test_deck_LDADD = $(unit_ldadd) $(YAML_LIBS)

# Every test reports TAP: cmocka through CMOCKA_MESSAGE_OUTPUT, the
# shell and expect scripts by hand.
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
TEST_EXTENSIONS = .sh .exp
SH_LOG_DRIVER = $(LOG_DRIVER)
SH_LOG_COMPILER = $(SHELL)
EXP_LOG_DRIVER = $(LOG_DRIVER)
EXP_LOG_COMPILER = $(EXPECT)
# The unit tests (no extension) go through valgrind on REHEARSE_VALGRIND=1.
LOG_COMPILER = $(SHELL) $(top_srcdir)/tests/unit/run.sh
AM_TESTS_ENVIRONMENT = \
	CMOCKA_MESSAGE_OUTPUT=TAP; export CMOCKA_MESSAGE_OUTPUT; \
	REHEARSE='$(abs_top_builddir)/src/rehearse'; export REHEARSE; \
	REHEARSE_DECKS='$(abs_top_srcdir)/decks'; export REHEARSE_DECKS; \
	REHEARSE_LOCALEDIR='$(abs_top_builddir)/locale'; export REHEARSE_LOCALEDIR; \
	TEST_LOCPATH='$(abs_top_builddir)/tests/locale'; export TEST_LOCPATH; \
	top_srcdir='$(abs_top_srcdir)'; export top_srcdir; \
	srcdir='$(abs_top_srcdir)'; export srcdir; \
	EXPECT='$(EXPECT)'; export EXPECT;

EXTRA_DIST += tests/setup tests/unit/run.sh $(cli_tests) $(repl_tests) \
	tests/repl/transcript.exp tests/transcripts \
	tests/data/sched.table tests/data/sched-ref.py tests/data/sm2.py \
	tests/data/fsrs.table tests/data/fsrs-ref.cjs \
	tests/data/schema-v1.sql tests/data/schema-v3.sql \
	tests/data/schema-v4.sql tests/data/schema-v5.sql \
	tests/data/schema-v6-mock.sql tests/data/schema-v8-mock.sql \
	tests/data/memory-steps.sh \
	tests/data/bad tests/data/good tests/data/convert \
	tests/data/stories tests/data/schema-v4-stories.sql

# A Dutch locale of the tests' own (LOCPATH=$TEST_LOCPATH), so that the
# tests neither need nor touch the system's locales.
check_DATA = tests/locale/nl_NL.UTF-8/LC_CTYPE
tests/locale/nl_NL.UTF-8/LC_CTYPE:
	@$(MKDIR_P) tests/locale
	$(AM_V_GEN)localedef -i nl_NL -f UTF-8 tests/locale/nl_NL.UTF-8 \
	    2>/dev/null; test -f $@
