## Fuzzing: included from the top-level Makefile.am.  `make fuzz` runs
## the deck loader under libFuzzer, ASan and UBSan for $(FUZZ_SECONDS)
## seconds, each converter (Markdown, CSV/TSV, Anki text) for
## $(FUZZ_CONVERT_SECONDS), then the story bank file reader for
## $(FUZZ_SECONDS); it needs ./configure --enable-fuzz (and clang).

FUZZ_SECONDS = 60
FUZZ_CONVERT_SECONDS = 10
# At most this many inputs each (-1: no limit, the time decides).  With
# FUZZ_FLAGS=-seed=N, a run count gives nearly the same inputs every time
# (libFuzzer is not strictly reproducible): what CI runs, so that a
# landing hardly depends on luck; time-bound runs with a random seed are
# for exploring.
FUZZ_RUNS = -1
FUZZ_CONVERT_RUNS = -1
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

EXTRA_DIST += tests/fuzz/yaml.dict tests/fuzz/story.dict tests/fuzz/seeds \
	tests/fuzz/convert.dict
tests_fuzz_fuzz_deck_SOURCES = tests/fuzz/fuzz-deck.c src/deck.c src/deck.h \
	src/deck-int.h src/deck-card.c src/deck-diag.c src/deck-tree.c \
	src/hash.c src/hash.h src/term.c src/term.h src/xmalloc.c \
	src/xmalloc.h src/yaml-words.c src/yaml-words.h
tests_fuzz_fuzz_deck_CFLAGS = $(AM_CFLAGS) $(YAML_CFLAGS) $(FUZZ_CFLAGS)
tests_fuzz_fuzz_deck_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_CFLAGS)
tests_fuzz_fuzz_deck_LDADD = $(YAML_LIBS)
tests_fuzz_fuzz_story_SOURCES = tests/fuzz/fuzz-story.c src/story-file.c \
	src/story-file.h src/story-check.c src/story-text.c src/story-text.h \
	src/term.c src/term.h src/deck.c src/deck.h src/deck-int.h \
	src/deck-card.c src/deck-diag.c src/deck-tree.c src/hash.c src/hash.h \
	src/xmalloc.c src/xmalloc.h \
	src/yaml-words.c src/yaml-words.h
tests_fuzz_fuzz_story_CFLAGS = $(AM_CFLAGS) $(YAML_CFLAGS) $(FUZZ_CFLAGS)
tests_fuzz_fuzz_story_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_CFLAGS)
tests_fuzz_fuzz_story_LDADD = $(YAML_LIBS)

# The converters: one source, one program per reader; each checks that
# the deck it writes loads without an error or a warning.
fuzz_convert_sources = tests/fuzz/fuzz-convert.c src/convert.c \
	src/convert.h src/convert-anki.c src/convert-csv.c src/convert-md.c \
	src/convert-mdtext.c src/emit.c src/emit.h src/deck.c src/deck.h \
	src/deck-int.h src/deck-card.c src/deck-diag.c src/deck-tree.c src/hash.c \
	src/hash.h src/term.c src/term.h src/xmalloc.c src/xmalloc.h \
	src/yaml-words.c src/yaml-words.h
fuzz_convert_cflags = $(AM_CFLAGS) $(YAML_CFLAGS) $(FUZZ_CFLAGS)
tests_fuzz_fuzz_convert_md_SOURCES = $(fuzz_convert_sources)
tests_fuzz_fuzz_convert_md_CFLAGS = $(fuzz_convert_cflags) -DFUZZ_MD
tests_fuzz_fuzz_convert_md_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_CFLAGS)
tests_fuzz_fuzz_convert_md_LDADD = $(YAML_LIBS)
tests_fuzz_fuzz_convert_csv_SOURCES = $(fuzz_convert_sources)
tests_fuzz_fuzz_convert_csv_CFLAGS = $(fuzz_convert_cflags) -DFUZZ_CSV
tests_fuzz_fuzz_convert_csv_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_CFLAGS)
tests_fuzz_fuzz_convert_csv_LDADD = $(YAML_LIBS)
tests_fuzz_fuzz_convert_anki_SOURCES = $(fuzz_convert_sources)
tests_fuzz_fuzz_convert_anki_CFLAGS = $(fuzz_convert_cflags) -DFUZZ_ANKI
tests_fuzz_fuzz_convert_anki_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_CFLAGS)
tests_fuzz_fuzz_convert_anki_LDADD = $(YAML_LIBS)
# Each converter's seeds: the samples of its format.
fuzz_convert_seeds_md = tests/data/convert/*.md
fuzz_convert_seeds_csv = tests/data/convert/*.csv tests/data/convert/*.tsv
fuzz_convert_seeds_anki = tests/data/convert/*.txt

if ENABLE_FUZZ
noinst_PROGRAMS = tests/fuzz/fuzz-deck tests/fuzz/fuzz-convert-md \
	tests/fuzz/fuzz-convert-csv tests/fuzz/fuzz-convert-anki \
	tests/fuzz/fuzz-story

# The corpus lives in the build tree and grows from run to run; the
# seeds are copied in each time (named after their paths, as decks/en
# and decks/nl share file names).  Crashes land in tests/fuzz/artifacts.
fuzz: fuzz-deck-run fuzz-convert fuzz-story-run
fuzz-deck-run: tests/fuzz/fuzz-deck$(EXEEXT)
	@$(MKDIR_P) tests/fuzz/corpus tests/fuzz/artifacts
	@cd $(srcdir) && for f in $(fuzz_seed_globs); do \
	  [ -f "$$f" ] || continue; \
	  cp "$$f" "$(abs_builddir)/tests/fuzz/corpus/seed-`echo $$f | tr / -`"; \
	done
	ASAN_OPTIONS=detect_leaks=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  tests/fuzz/fuzz-deck$(EXEEXT) -max_total_time=$(FUZZ_SECONDS) \
	  -runs=$(FUZZ_RUNS) -timeout=10 -print_final_stats=1 \
	  -dict=$(srcdir)/tests/fuzz/yaml.dict -artifact_prefix=tests/fuzz/artifacts/ \
	  $(FUZZ_FLAGS) tests/fuzz/corpus

# A corpus of its own for each converter, seeded from its samples.
fuzz-convert: fuzz-deck-run tests/fuzz/fuzz-convert-md$(EXEEXT) \
	    tests/fuzz/fuzz-convert-csv$(EXEEXT) \
	    tests/fuzz/fuzz-convert-anki$(EXEEXT)
	@for r in md csv anki; do \
	  case $$r in \
	  md) seeds='$(fuzz_convert_seeds_md)' ;; \
	  csv) seeds='$(fuzz_convert_seeds_csv)' ;; \
	  anki) seeds='$(fuzz_convert_seeds_anki)' ;; \
	  esac; \
	  $(MKDIR_P) tests/fuzz/corpus-$$r tests/fuzz/artifacts || exit 1; \
	  for f in `cd $(srcdir) && echo $$seeds`; do \
	    [ -f "$(srcdir)/$$f" ] || continue; \
	    cp "$(srcdir)/$$f" "tests/fuzz/corpus-$$r/seed-`basename $$f`"; \
	  done; \
	  echo "fuzz-convert-$$r:"; \
	  ASAN_OPTIONS=detect_leaks=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    tests/fuzz/fuzz-convert-$$r$(EXEEXT) \
	    -max_total_time=$(FUZZ_CONVERT_SECONDS) \
	    -runs=$(FUZZ_CONVERT_RUNS) -timeout=10 \
	    -max_len=4096 -print_final_stats=1 \
	    -dict=$(srcdir)/tests/fuzz/convert.dict \
	    -artifact_prefix=tests/fuzz/artifacts/ $(FUZZ_FLAGS) \
	    tests/fuzz/corpus-$$r || exit 1; \
	done

# The story bank file reader, from the story files of the tests.
fuzz-story-run: tests/fuzz/fuzz-story$(EXEEXT)
	@$(MKDIR_P) tests/fuzz/corpus-story tests/fuzz/artifacts
	@cd $(srcdir) && for f in $(fuzz_story_seed_globs); do \
	  [ -f "$$f" ] || continue; \
	  cp "$$f" "$(abs_builddir)/tests/fuzz/corpus-story/seed-`echo $$f | tr / -`"; \
	done
	ASAN_OPTIONS=detect_leaks=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  tests/fuzz/fuzz-story$(EXEEXT) -max_total_time=$(FUZZ_SECONDS) \
	  -runs=$(FUZZ_RUNS) -timeout=10 -print_final_stats=1 \
	  -dict=$(srcdir)/tests/fuzz/story.dict \
	  -artifact_prefix=tests/fuzz/artifacts/story- \
	  $(FUZZ_FLAGS) tests/fuzz/corpus-story
else
fuzz fuzz-deck-run fuzz-convert fuzz-story-run:
	@echo "make fuzz: fuzzing is not enabled: run ./configure" \
	  "--enable-fuzz (it uses clang: install clang and" \
	  "libclang-rt-dev)" >&2; exit 1
endif
.PHONY: fuzz fuzz-deck-run fuzz-convert fuzz-story-run fuzz-distclean

distclean-local: fuzz-distclean
fuzz-distclean:
	-rm -rf tests/fuzz/corpus tests/fuzz/corpus-md tests/fuzz/corpus-csv \
	    tests/fuzz/corpus-anki tests/fuzz/artifacts
	-rm -rf tests/fuzz/corpus tests/fuzz/corpus-story tests/fuzz/artifacts
