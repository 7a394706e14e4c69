/*
 * Host baseline for PageLab's VirtualAlloc/VirtualFree and MapViewOfFile/UnmapViewOfFile benchmarks:
 * the time of one mmap + munmap pair, nothing touched in between (the simulator's pair touches nothing either).
 *
 *   mmap_pair private 65536     MAP_PRIVATE|MAP_ANONYMOUS, as VirtualAlloc(MEM_RESERVE|MEM_COMMIT, 64 KiB)
 *   mmap_pair shared 1048576    MAP_SHARED|MAP_ANONYMOUS, as a view of a paging-file-backed mapping
 *
 * Prints one line "c.mmap.<kind>.<bytes>.nsPerPair=<median of 5 rounds>" for bench/run.sh.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

/* bench/cputime.sh builds with -DPAGELAB_CLOCK=CLOCK_THREAD_CPUTIME_ID: the thread's CPU time, which other tenants
   of a busy host inflate less than they inflate wall time. */
#ifndef PAGELAB_CLOCK
#define PAGELAB_CLOCK CLOCK_MONOTONIC
#endif

enum { ROUNDS = 5, PAIRS = 200000 };

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(PAGELAB_CLOCK, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

/* One round: PAIRS mmap+munmap pairs; returns ns per pair, or -1 if a call failed. */
static double round_ns(size_t size, int flags)
{
    double start = now_ns();
    for (int i = 0; i < PAIRS; i++) {
        void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, flags, -1, 0);
        if (p == MAP_FAILED || munmap(p, size) != 0) {
            perror("mmap_pair");
            return -1;
        }
    }
    return (now_ns() - start) / PAIRS;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc != 3 || (strcmp(argv[1], "private") != 0 && strcmp(argv[1], "shared") != 0)) {
        fprintf(stderr, "usage: mmap_pair private|shared BYTES\n");
        return 2;
    }
    size_t size = strtoul(argv[2], NULL, 10);
    if (size == 0) {
        fprintf(stderr, "mmap_pair: BYTES must be a positive number, got '%s'\n", argv[2]);
        return 2;
    }
    int flags = MAP_ANONYMOUS | (strcmp(argv[1], "shared") == 0 ? MAP_SHARED : MAP_PRIVATE);
    double ns[ROUNDS];
    round_ns(size, flags); /* warm-up: page tables, the VMA cache */
    for (int r = 0; r < ROUNDS; r++) {
        if ((ns[r] = round_ns(size, flags)) < 0) {
            return 1;
        }
    }
    qsort(ns, ROUNDS, sizeof ns[0], compare);
    printf("c.mmap.%s.%zu.nsPerPair=%.1f\n", argv[1], size, ns[ROUNDS / 2]);
    return 0;
}
