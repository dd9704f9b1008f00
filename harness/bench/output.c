/*
 * The benchmark's result files: performance.csv (machine-readable, one row
 * per activation x variant x direction x distribution x size, plus the copy
 * rows) and performance.md (the same as tables, the clock stated on top).
 *
 * performance.csv columns, in order (the first 23 are the historical ones;
 * new columns are only ever added at the end):
 *   activation, variant, isa, direction   what was timed ("copy" = the
 *                         plain copy loop, the memory ceiling);
 *   distribution          input distribution (bench/distributions.h);
 *   size_label            L1, L2, L3 or DRAM working set;
 *   n                     elements per call; bytes: bytes touched per call
 *                         (8n, 12n with a tangent);
 *   ticks_per_elem_median TSC ticks per element, (median at n - median at
 *                         n/2) / (n/2); empty when invalid;
 *   ticks_per_elem_min    the same from the minima; empty when invalid;
 *   dispersion_mdape_pct  MdAPE of the samples, the larger of the two sizes;
 *   unstable              1 when dispersion >= 5 % or the row is invalid;
 *   ns_per_elem           median ticks / calibrated TSC Hz;
 *   core_cycles_per_elem_est  median ticks x the run's core/TSC ratio (an
 *                         estimate; its source in cycle_source);
 *   cycle_source          "perf_event cycles" or "dependent-add estimate";
 *   ratio_to_naive        median / the "naive" variant's (same activation,
 *                         direction, distribution, size), valid rows only;
 *   ratio_to_copy         median / the copy row's (same distribution, size);
 *   mxcsr_changed         1 when a call changed MXCSR control bits (restored
 *                         after every call);
 *   rounds, reps_n, reps_half  rounds, calls per sample at n and n/2;
 *   output_checksum       hex sum of the output bits after timing;
 *   preempted_samples     samples discarded because the thread was off its
 *                         CPU during them (bench/protocol.h);
 * added columns:
 *   valid                 1 when the row is a measurement, 0 when not;
 *   invalid_reason        why not (empty when valid);
 *   samples_valid         samples kept, of 2 x rounds;
 *   samples_migrated, samples_backwards, samples_outliers  samples
 *                         discarded for each cause (bench/protocol.h);
 *   affinity_resets       samples after which the thread's binding had been
 *                         changed (by the kernel) and was re-asserted;
 *   cpu_id_source         how the CPU was read around each sample;
 *   floor_store_ticks_per_elem, floor_copy_ticks_per_elem  the fastest
 *                         store-only and read+write kernels of the same
 *                         block, per element (empty when not measurable);
 *   gbytes_per_s          bytes / time per call, 10^9 bytes per second;
 *   core_cycles_per_elem  core cycles per element from perf_event; empty
 *                         when perf_event cannot count cycles;
 *   core_cycles_source    "perf_event" or "unavailable: <reason>";
 *   traffic               "read+write", or "store-only" for a kernel whose
 *                         output does not depend on its input (judged
 *                         against the store-only floor).
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/cases.h"
#include "common/csv_write.h"

static bool perf_cycles(const ab_timer_info *t)
{
    return t->cycle_source != NULL && strcmp(t->cycle_source, "perf_event cycles") == 0;
}

static void write_row(FILE *fp, const bench_run *run, const bench_row *r)
{
    const ab_timer_info *t = &run->machine->timer;
    double seconds_per_elem = r->median / t->tsc_hz;
    ab_csv_put_text(fp, r->activation);
    fputc(',', fp);
    ab_csv_put_text(fp, r->variant);
    fprintf(fp, ",%s,%s,", r->isa, r->direction);
    ab_csv_put_text(fp, r->distribution);
    fprintf(fp, ",%s,%zu,%zu,", r->size_label, r->n, r->bytes);
    ab_csv_put_number(fp, r->median, "%.5f");
    fputc(',', fp);
    ab_csv_put_number(fp, r->min, "%.5f");
    fputc(',', fp);
    ab_csv_put_number(fp, r->dispersion, "%.2f");
    fprintf(fp, ",%d,", r->unstable);
    ab_csv_put_number(fp, seconds_per_elem * 1e9, "%.5f");
    fputc(',', fp);
    ab_csv_put_number(fp, r->median * t->core_per_tsc, "%.5f");
    fprintf(fp, ",%s,", t->cycle_source);
    ab_csv_put_number(fp, r->ratio_to_naive, "%.4f");
    fputc(',', fp);
    ab_csv_put_number(fp, r->ratio_to_copy, "%.4f");
    fprintf(fp, ",%d,%u,%u,%u,%08" PRIx32 ",%u", r->mxcsr_changed, r->rounds, r->reps_n,
            r->reps_half, r->checksum, r->counts.discarded[AB_SAMPLE_PREEMPTED]);
    /* added columns */
    fprintf(fp, ",%d,", r->valid);
    ab_csv_put_text(fp, r->invalid_reason);
    fprintf(fp, ",%u,%u,%u,%u,%u,", r->samples_valid, r->counts.discarded[AB_SAMPLE_MIGRATED],
            r->counts.discarded[AB_SAMPLE_BACKWARDS], r->counts.discarded[AB_SAMPLE_OUTLIER],
            r->counts.affinity_resets);
    ab_csv_put_text(fp, run->cpu_id_source);
    fputc(',', fp);
    ab_csv_put_number(fp, r->floor_store, "%.5f");
    fputc(',', fp);
    ab_csv_put_number(fp, r->floor_copy, "%.5f");
    fputc(',', fp);
    ab_csv_put_number(fp, (double)r->bytes / (double)r->n / seconds_per_elem * 1e-9, "%.3f");
    fputc(',', fp);
    if (perf_cycles(t)) {
        ab_csv_put_number(fp, r->median * t->core_per_tsc, "%.5f");
        fputs(",perf_event", fp);
    } else {
        fputc(',', fp);
        char why[160];
        snprintf(why, sizeof why, "unavailable: %s",
                 t->perf_event_error[0] ? t->perf_event_error : "no cycle counter");
        ab_csv_put_text(fp, why);
    }
    fprintf(fp, ",%s\n", r->store_only ? "store-only" : "read+write");
}

int ab_bench_write_csv(const bench_run *run)
{
    ab_atomic_file f;
    if (!ab_atomic_open(&f, run->opt->output_dir, "performance.csv"))
        return -1;
    fputs("activation,variant,isa,direction,distribution,size_label,n,bytes,"
          "ticks_per_elem_median,ticks_per_elem_min,dispersion_mdape_pct,unstable,"
          "ns_per_elem,core_cycles_per_elem_est,cycle_source,ratio_to_naive,ratio_to_copy,"
          "mxcsr_changed,rounds,reps_n,reps_half,output_checksum,preempted_samples,"
          "valid,invalid_reason,samples_valid,samples_migrated,samples_backwards,"
          "samples_outliers,affinity_resets,cpu_id_source,floor_store_ticks_per_elem,"
          "floor_copy_ticks_per_elem,gbytes_per_s,core_cycles_per_elem,core_cycles_source,"
          "traffic\n",
          f.fp);
    for (size_t i = 0; i < run->n_rows; i++)
        write_row(f.fp, run, &run->rows[i]);
    return ab_atomic_commit(&f) ? 0 : -1;
}
