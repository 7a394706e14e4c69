/*
 * Host baseline for PageLab's HeapAlloc/HeapFree benchmark: one glibc malloc + free pair of 16 to 256 bytes,
 * the n-th size being 16 + (n * 37) % 241, the formula HeapPairBench.size uses.
 * Prints "c.malloc.16-256.nsPerPair=<median of 5 rounds>" for bench/run.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* bench/cputime.sh builds with -DPAGELAB_CLOCK=CLOCK_THREAD_CPUTIME_ID: the thread's CPU time, which other tenants
   of a busy host inflate less than they inflate wall time. */
#ifndef PAGELAB_CLOCK
#define PAGELAB_CLOCK CLOCK_MONOTONIC
#endif

enum { ROUNDS = 5, PAIRS = 10000000 };

/* Through a volatile pointer, so that gcc -O2 cannot pair up and delete the malloc and the free. */
static void *volatile sink;

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(PAGELAB_CLOCK, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static double round_ns(void)
{
    double start = now_ns();
    for (long n = 0; n < PAIRS; n++) {
        sink = malloc(16 + (size_t)(n * 37 % 241));
        if (sink == NULL) {
            fprintf(stderr, "malloc_pair: malloc failed\n");
            return -1;
        }
        free(sink);
    }
    return (now_ns() - start) / PAIRS;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(void)
{
    double ns[ROUNDS];
    round_ns(); /* warm-up: the allocator's arenas and tcache */
    for (int r = 0; r < ROUNDS; r++) {
        if ((ns[r] = round_ns()) < 0) {
            return 1;
        }
    }
    qsort(ns, ROUNDS, sizeof ns[0], compare);
    printf("c.malloc.16-256.nsPerPair=%.1f\n", ns[ROUNDS / 2]);
    return 0;
}
