## Benchmarks: `make bench`, never part of make check (tests/bench/bench.py).

# Built only for the benchmark: the floor it compares against, and a
# driver for the scheduler alone.
EXTRA_PROGRAMS = tests/bench/floor tests/bench/sched-bench

tests_bench_floor_SOURCES = tests/bench/floor.c
tests_bench_floor_CFLAGS = $(AM_CFLAGS) $(SQLITE_CFLAGS) $(YAML_CFLAGS)
tests_bench_floor_LDADD = $(SQLITE_LIBS) $(YAML_LIBS)

tests_bench_sched_bench_SOURCES = tests/bench/sched-bench.c src/sched.c \
	src/fsrs.c
tests_bench_sched_bench_LDADD = -lm

# Automake cleans every kind of program but these.  CLEANFILES is set
# only here: make this += if a fragment included earlier sets it.
CLEANFILES = $(EXTRA_PROGRAMS)

bench_programs = src/rehearse$(EXEEXT) tests/bench/floor$(EXEEXT) \
	tests/bench/sched-bench$(EXEEXT)

# How the interview plan serves the day is measured end to end with the
# simulated learner of ../shared/sim (external.py), not here.
bench: $(bench_programs)
	python3 $(srcdir)/tests/bench/bench.py $(bench_programs)
.PHONY: bench

EXTRA_DIST += tests/bench/bench.py tests/bench/gen.py tests/bench/reviews.py
