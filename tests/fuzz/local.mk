## Fuzzing: included from the top-level Makefile.am.  `make fuzz` runs
## the deck loader, then the story bank file reader, under libFuzzer,
## ASan and UBSan for $(FUZZ_SECONDS) seconds each; it needs
## ./configure --enable-fuzz (and clang).

FUZZ_SECONDS = 60
# More libFuzzer options, e.g. make fuzz FUZZ_FLAGS='-jobs=2 -workers=2'.
FUZZ_FLAGS =

# The seeds: every deck in the tree, good or bad, and a few made to
# reach what those do not (hash tables growing, many cards, the card list
# as an alias, control characters in messages).
fuzz_seed_globs = tests/data/bad/*.yaml tests/data/good/*.yaml \
	decks/*/*.yaml contrib/*.yaml tests/fuzz/seeds/*.yaml

# The story reader's seeds: the story bank files of the tests.
fuzz_story_seed_globs = tests/data/stories/*.yaml \
	tests/data/stories/bad/*.yaml tests/transcripts/decks/stories.yaml

EXTRA_DIST += tests/fuzz/yaml.dict tests/fuzz/story.dict tests/fuzz/seeds
tests_fuzz_fuzz_deck_SOURCES = tests/fuzz/fuzz-deck.c src/deck.c src/deck.h \
	src/deck-int.h src/deck-card.c src/deck-diag.c src/deck-tree.c \
	src/hash.c src/hash.h src/xmalloc.c src/xmalloc.h
tests_fuzz_fuzz_deck_CFLAGS = $(AM_CFLAGS) $(YAML_CFLAGS) $(FUZZ_CFLAGS)
tests_fuzz_fuzz_deck_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_CFLAGS)
tests_fuzz_fuzz_deck_LDADD = $(YAML_LIBS)
tests_fuzz_fuzz_story_SOURCES = tests/fuzz/fuzz-story.c src/story-file.c \
	src/story-file.h src/story-check.c src/story-text.c src/story-text.h \
	src/term.c src/term.h src/deck.c src/deck.h src/deck-int.h \
	src/deck-card.c src/deck-diag.c src/deck-tree.c src/hash.c src/hash.h \
	src/xmalloc.c src/xmalloc.h
tests_fuzz_fuzz_story_CFLAGS = $(AM_CFLAGS) $(YAML_CFLAGS) $(FUZZ_CFLAGS)
tests_fuzz_fuzz_story_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_CFLAGS)
tests_fuzz_fuzz_story_LDADD = $(YAML_LIBS)

if ENABLE_FUZZ
noinst_PROGRAMS = tests/fuzz/fuzz-deck tests/fuzz/fuzz-story

# The corpus lives in the build tree and grows from run to run; the
# seeds are copied in each time (named after their paths, as decks/en
# and decks/nl share file names).  Crashes land in tests/fuzz/artifacts.
fuzz: tests/fuzz/fuzz-deck$(EXEEXT) tests/fuzz/fuzz-story$(EXEEXT)
	@$(MKDIR_P) tests/fuzz/corpus tests/fuzz/corpus-story \
	  tests/fuzz/artifacts
	@cd $(srcdir) && for f in $(fuzz_seed_globs); do \
	  [ -f "$$f" ] || continue; \
	  cp "$$f" "$(abs_builddir)/tests/fuzz/corpus/seed-`echo $$f | tr / -`"; \
	done
	ASAN_OPTIONS=detect_leaks=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  tests/fuzz/fuzz-deck$(EXEEXT) -max_total_time=$(FUZZ_SECONDS) \
	  -timeout=10 -print_final_stats=1 \
	  -dict=$(srcdir)/tests/fuzz/yaml.dict -artifact_prefix=tests/fuzz/artifacts/ \
	  $(FUZZ_FLAGS) tests/fuzz/corpus
	@cd $(srcdir) && for f in $(fuzz_story_seed_globs); do \
	  [ -f "$$f" ] || continue; \
	  cp "$$f" "$(abs_builddir)/tests/fuzz/corpus-story/seed-`echo $$f | tr / -`"; \
	done
	ASAN_OPTIONS=detect_leaks=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  tests/fuzz/fuzz-story$(EXEEXT) -max_total_time=$(FUZZ_SECONDS) \
	  -timeout=10 -print_final_stats=1 \
	  -dict=$(srcdir)/tests/fuzz/story.dict \
	  -artifact_prefix=tests/fuzz/artifacts/story- \
	  $(FUZZ_FLAGS) tests/fuzz/corpus-story
else
fuzz:
	@echo "make fuzz: fuzzing is not enabled: run ./configure" \
	  "--enable-fuzz (it uses clang: install clang and" \
	  "libclang-rt-dev)" >&2; exit 1
endif
.PHONY: fuzz fuzz-distclean

distclean-local: fuzz-distclean
fuzz-distclean:
	-rm -rf tests/fuzz/corpus tests/fuzz/corpus-story tests/fuzz/artifacts
