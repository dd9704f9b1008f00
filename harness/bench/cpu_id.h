/*
 * Which CPU is this thread on, read cheaply enough to bracket every timing
 * sample. Sources, best first: RDPID (reads TSC_AUX without a timestamp),
 * the TSC_AUX that rdtscp returns, and sched_getcpu(). Linux stores
 * (node << 12) | cpu in TSC_AUX; a source is used only after it agreed with
 * sched_getcpu() at start-up, because a hypervisor may expose the
 * instruction without keeping TSC_AUX per vCPU.
 */
#ifndef ACTBENCH_BENCH_CPU_ID_H
#define ACTBENCH_BENCH_CPU_ID_H

typedef int (*ab_cpu_id_fn)(void);

/* Chooses the source (once per process) and returns its name:
 * "rdpid", "rdtscp TSC_AUX" or "sched_getcpu". */
const char *ab_cpu_id_init(void);

/* The CPU the calling thread runs on now (-1 when unknown). */
int ab_cpu_id_now(void);

/* Tests: replaces the source (NULL restores the real one), so that a
 * migration can be simulated on a machine with one CPU. */
void ab_cpu_id_override(ab_cpu_id_fn fn);

#endif
