#!/bin/sh
# run.sh: run one unit test program, through valgrind when
# REHEARSE_VALGRIND=1 (a finding fails the test with exit 99; the report
# goes to the test's log, apart from its TAP on stdout).  Children that
# a test forks only to feed it (a writer on a FIFO) end with _exit and
# are not checked: what they hold at that point is not a leak.
if [ "${REHEARSE_VALGRIND:-0}" = 1 ]; then
	exec valgrind -q --error-exitcode=99 --leak-check=full \
	    --show-leak-kinds=definite --errors-for-leak-kinds=definite \
	    --child-silent-after-fork=yes "$@"
fi
exec "$@"
