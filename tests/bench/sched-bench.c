/* sched-bench.c: the cost of one SM-2 step, timed over a million of them. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sched.h"

#define STEPS 1000000

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	struct sched_state s = sched_new();
	uint32_t x = 2463534242u;
	int64_t today = 20000, sum = 0;
	long steps = argc > 1 ? strtol(argv[1], NULL, 10) : STEPS, i;
	double t0, t;

	t0 = now();
	for (i = 0; i < steps; i++) {
		/* xorshift32: grades the compiler cannot see coming. */
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		s = sched_review(&s, (int)(x % 6), today);
		/* Keep the interval small, as real cards lapse now and then. */
		if (s.interval > 10000)
			s = sched_new();
		today++;
		sum += s.interval;
	}
	t = now() - t0;
	/* The sum is printed so that the loop cannot be optimised away. */
	printf("%ld steps in %.6f s: %.1f ns/step (checksum %lld)\n", steps, t,
	    t * 1e9 / (double)steps, (long long)sum);
	return 0;
}
