/* The benchmark clock: calibrated TSC frequency plausible, readings
 * monotonic, core/TSC ratio plausible, timer overhead small, and the
 * calibration agrees with CLOCK_MONOTONIC_RAW over an independent interval. */
#include <stdio.h>
#include <time.h>

#include "machine.h"
#include "timer.h"
#include "check.h"


static double raw_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int main(void)
{
    const ab_machine *m = ab_machine_get(false);
    CHECK(m != NULL, "machine probe failed");
    if (m == NULL)
        return 1;
    const ab_timer_info *t = &m->timer;
    printf("clock: %s\n", t->clock_name);
    printf("tsc_hz %.6g (spread %.3f %%), invariant %d, rdtscp %d\n", t->tsc_hz,
           t->tsc_hz_spread_pct, t->invariant_tsc, t->has_rdtscp);
    printf("hypervisor %d '%s'\n", t->hypervisor, t->hypervisor_vendor);
    printf("core/tsc %.4f (%s; perf_event: %s)\n", t->core_per_tsc, t->cycle_source,
           t->perf_event_error[0] ? t->perf_event_error : "used");
    printf("overhead ticks: min %.0f median %.0f\n", t->overhead_ticks_min,
           t->overhead_ticks_median);
    printf("pinned PU P#%d; L1d %zu L2 %zu L3 %zu (sizing L3 %zu) %s\n",
           m->topology.pinned_pu_os, m->topology.l1d_bytes, m->topology.l2_bytes,
           m->topology.l3_bytes, m->l3_bytes_for_sizing, m->cache_note);
    printf("cpu '%s' vendor '%s'\nflags: %s\n", m->cpu_model, m->cpu_vendor, m->cpuid_flags);

    if (t->tsc) {
        CHECK(t->tsc_hz >= 0.5e9 && t->tsc_hz <= 10e9, "TSC Hz %.6g outside 0.5-10 GHz",
              t->tsc_hz);
        CHECK(t->tsc_hz_spread_pct < 1.0, "calibration repeats spread %.3f %%",
              t->tsc_hz_spread_pct);
    } else {
        CHECK(t->tsc_hz > 0.99e9 && t->tsc_hz < 1.01e9, "ns clock calibrated to %.6g Hz",
              t->tsc_hz);
    }
    /* The core clock of any current CPU is 0.2-3 times its TSC rate (in ns
     * ticks: 0.2-10 GHz). */
    double lo = t->tsc ? 0.2 : 0.2, hi = t->tsc ? 3.0 : 10.0;
    CHECK(t->core_per_tsc > lo && t->core_per_tsc < hi, "core/TSC ratio %.4f implausible",
          t->core_per_tsc);
    CHECK(t->cycle_source != NULL, "no cycle source");
    CHECK(t->overhead_ticks_median > 0 && t->overhead_ticks_median < 2000,
          "timer overhead %.0f ticks implausible", t->overhead_ticks_median);

    /* Monotonic: a million back-to-back readings never go backwards. */
    uint64_t prev = ab_timer_start();
    long backwards = 0;
    for (int i = 0; i < 1000000; i++) {
        uint64_t now = (i & 1) ? ab_timer_stop() : ab_timer_start();
        backwards += now < prev;
        prev = now;
    }
    CHECK(backwards == 0, "%ld readings went backwards", backwards);

    /* Independent check of the calibration over 50 ms, median of 5 (a
     * preemption between the two reads at either end skews one trial). */
    double measured[5];
    for (int trial = 0; trial < 5; trial++) {
        double s0 = raw_seconds();
        uint64_t t0 = ab_timer_start();
        while (raw_seconds() - s0 < 0.050) {
        }
        uint64_t t1 = ab_timer_stop();
        double s1 = raw_seconds();
        measured[trial] = (double)(t1 - t0) / (s1 - s0);
    }
    for (int i = 1; i < 5; i++) /* insertion sort */
        for (int j = i; j > 0 && measured[j] < measured[j - 1]; j--) {
            double tmp = measured[j];
            measured[j] = measured[j - 1];
            measured[j - 1] = tmp;
        }
    CHECK(measured[2] / t->tsc_hz > 0.995 && measured[2] / t->tsc_hz < 1.005,
          "50 ms check: %.6g Hz vs calibrated %.6g Hz", measured[2], t->tsc_hz);

    /* The ratio re-measured now stays in the same plausible range. */
    double again = ab_timer_core_per_tsc_now(t);
    printf("core/tsc re-measured: %.4f\n", again);
    CHECK(again > lo && again < hi, "re-measured core/TSC ratio %.4f implausible", again);

    /* A second probe returns the same calibration (one per process). */
    CHECK(ab_machine_get(true) == m, "machine probed twice");

    if (failures)
        fprintf(stderr, "%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
