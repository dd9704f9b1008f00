/*
 * The CPU a sweep ran on, recorded in its state and result rows (cpu.c):
 * vendor, brand string, family/model/stepping and the widest kernel ISA the
 * registry runs on it. Accuracy figures are deterministic, but a kernel
 * flagged cpu_dependent may give other bits on another CPU, so a reader can
 * see where each row came from.
 */
#ifndef ACTBENCH_SWEEP_CPU_H
#define ACTBENCH_SWEEP_CPU_H

#include "sweep/state.h"

/* This machine's CPU (probed once). */
const ab_exh_cpu *ab_exh_cpu_this(void);
/* into := into joined with from: each field that differs gets from's value
 * appended after ';' (when not already listed). */
void ab_exh_cpu_join(ab_exh_cpu *into, const ab_exh_cpu *from);

#endif
