## Fault tests: kills, concurrent writers, unusable files, old databases,
## reads that fail behind the program's back.
## Included from the top-level Makefile.am.  The long versions (50 kills,
## 2 x 1,000 concurrent grades) run with REHEARSE_LONG=1 in the
## environment: REHEARSE_LONG=1 make check TESTS='$(faults_tests)'.

faults_tests = \
	tests/cli/faults-concurrent.sh \
	tests/cli/faults-files.sh \
	tests/cli/faults-kill.sh \
	tests/cli/faults-legacy.sh \
	tests/cli/faults-legacy-v3.sh \
	tests/cli/faults-legacy-v4.sh \
	tests/cli/faults-legacy-v5.sh \
	tests/cli/faults-legacy-v4-stories.sh \
	tests/cli/faults-legacy-v6-mock.sh \
	tests/cli/faults-legacy-v8-mock.sh \
	tests/cli/faults-reads.sh

TESTS += $(faults_tests)
EXTRA_DIST += $(faults_tests) tests/faults/faults.py
