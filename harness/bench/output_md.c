/*
 * performance.md: the benchmark's rows as readable tables, one per size,
 * with the clock, the CPU, the protocol and the floors stated on top, and
 * every invalid case listed with its reason at the end.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/cases.h"

/* Copy first, then by activation name, direction, distribution, and the
 * caller's order of implementations. */
static int compare_rows_for_table(const void *a, const void *b)
{
    const bench_row *x = *(const bench_row *const *)a, *y = *(const bench_row *const *)b;
    bool xc = strcmp(x->activation, "copy") == 0, yc = strcmp(y->activation, "copy") == 0;
    if (xc != yc)
        return xc ? -1 : 1;
    int c = strcmp(x->activation, y->activation);
    if (c == 0) /* forward before derivative */
        c = -strcmp(x->direction, y->direction);
    if (c == 0)
        c = x->distribution_index - y->distribution_index;
    if (c == 0)
        c = (x->case_index > y->case_index) - (x->case_index < y->case_index);
    return c;
}

static void md_number(FILE *fp, double v, const char *format)
{
    if (isfinite(v))
        fprintf(fp, format, v);
    else
        fputs("–", fp);
    fputs(" | ", fp);
}

static void size_text(char *buf, size_t size, size_t bytes)
{
    if (bytes >= ((size_t)1 << 20))
        snprintf(buf, size, "%.4g MiB", (double)bytes / (1 << 20));
    else
        snprintf(buf, size, "%.4g KiB", (double)bytes / 1024);
}

static void write_header(FILE *fp, const bench_run *run, unsigned rounds, unsigned dram_rounds)
{
    const ab_machine *m = run->machine;
    const ab_timer_info *t = &m->timer;
    char l1[32], l2[32], l3[32];
    size_text(l1, sizeof l1, m->topology.l1d_bytes);
    size_text(l2, sizeof l2, m->topology.l2_bytes);
    size_text(l3, sizeof l3, m->topology.l3_bytes);
    fprintf(fp, "# actbench performance\n\n");
    fprintf(fp, "- Clock: %s at **%.4f GHz** (calibrated against CLOCK_MONOTONIC_RAW), "
                "invariant TSC: %s.\n",
            t->clock_name, t->tsc_hz * 1e-9, t->invariant_tsc ? "yes" : "**no**");
    fprintf(fp, "- Core cycles per TSC tick: **%.3f**, source: %s%s%s%s. The cycle column is "
                "ticks × this ratio, an estimate; on a shared host the ratio drifts "
                "between runs.\n",
            t->core_per_tsc, t->cycle_source, t->perf_event_error[0] ? " (" : "",
            t->perf_event_error, t->perf_event_error[0] ? ")" : "");
    fprintf(fp, "- CPU: %s; hypervisor: %s%s.\n", m->cpu_model[0] ? m->cpu_model : "unknown",
            t->hypervisor ? "yes, " : "none detected", t->hypervisor ? t->hypervisor_vendor : "");
    fprintf(fp, "- Pinned to PU P#%d (hwloc logical %d); its caches: L1d %s, L2 %s, L3 %s.%s%s\n",
            m->topology.pinned_pu_os, m->topology.pinned_pu_logical, l1, l2, l3,
            m->cache_note[0] ? " Note: " : "", m->cache_note);
    fprintf(fp, "- Protocol: %u rounds (DRAM: %u), implementations interleaved within each "
                "round; ticks/elem = (median at n − median at n/2) / (n/2); dispersion = "
                "MdAPE over rounds; ⚠ = unstable (dispersion ≥ %.0f %%), MX = the kernel "
                "changed MXCSR (restored after each call).%s\n",
            rounds, dram_rounds, AB_BENCH_UNSTABLE_PCT,
            run->opt->quick ? " **Quick mode**: L1 and L2 sizes only, few rounds." : "");
    fprintf(fp, "- Every sample is checked: the CPU (read with %s) before and after, the "
                "time the thread spent off its CPU, and the timestamps' order; migrated, preempted "
                "or backwards samples, and samples over %.1f × the median, are discarded. "
                "A row without enough samples, with a non-positive time, or below %.2f × "
                "its floor (the fastest copy of the same bytes, measured in the same block; "
                "the fastest store-only fill for a kernel whose output ignores its input) "
                "is **invalid**: it has no number and is listed at the end.\n",
            run->cpu_id_source, AB_SAMPLE_OUTLIER_FACTOR, AB_BENCH_FLOOR_MARGIN);
    fprintf(fp, "- Compare ratios within this run, not absolute times across runs. "
                "× copy = time / the plain copy kernel's (%s) at the same size: the memory "
                "ceiling.\n",
            run->cases[0].memory_name);
}

static void write_level(FILE *fp, const bench_run *run, const bench_row *const *sorted,
                        const char *label)
{
    const ab_timer_info *t = &run->machine->timer;
    size_t n = 0;
    double floor_store = NAN, floor_copy = NAN;
    for (size_t i = 0; i < run->n_rows; i++)
        if (strcmp(run->rows[i].size_label, label) == 0 && run->rows[i].distribution_index == 0) {
            n = run->rows[i].n;
            floor_store = run->rows[i].floor_store;
            floor_copy = run->rows[i].floor_copy;
        }
    char total[32];
    size_text(total, sizeof total, n * 2 * sizeof(float));
    fprintf(fp, "\n## %s: n = %zu (%s input + output)\n\n", label, n, total);
    fprintf(fp, "Floors (first distribution): store-only %.4g, read+write %.4g ticks/element.\n\n",
            floor_store, floor_copy);
    fputs("| activation | variant | isa | direction | distribution | ticks/elem | ns/elem "
          "| GB/s | × naive | × copy | MdAPE % | |\n"
          "|---|---|---|---|---|--:|--:|--:|--:|--:|--:|---|\n",
          fp);
    for (size_t i = 0; i < run->n_rows; i++) {
        const bench_row *r = sorted[i];
        if (strcmp(r->size_label, label) != 0)
            continue;
        fprintf(fp, "| %s | %s | %s | %s | %s | ", r->activation, r->variant, r->isa,
                r->direction, r->distribution);
        md_number(fp, r->median, "%.3f");
        md_number(fp, r->median / t->tsc_hz * 1e9, "%.3f");
        md_number(fp, (double)r->bytes / (double)r->n / (r->median / t->tsc_hz) * 1e-9, "%.2f");
        md_number(fp, r->ratio_to_naive, "%.2f");
        md_number(fp, r->ratio_to_copy, "%.2f");
        md_number(fp, r->dispersion, "%.1f");
        fprintf(fp, "%s%s%s |\n", !r->valid ? "invalid" : r->unstable ? "⚠" : "",
                r->mxcsr_changed ? " MX" : "", r->counts.affinity_resets ? " re-pinned" : "");
    }
}

int ab_bench_write_md(const bench_run *run, const bench_level *levels, size_t n_levels,
                      unsigned rounds, unsigned dram_rounds)
{
    ab_atomic_file f;
    if (!ab_atomic_open(&f, run->opt->output_dir, "performance.md"))
        return -1;
    const bench_row **sorted = malloc((run->n_rows + 1) * sizeof *sorted);
    if (sorted == NULL) {
        ab_atomic_abort(&f);
        fprintf(stderr, "actbench: out of memory\n");
        return -1;
    }
    for (size_t i = 0; i < run->n_rows; i++)
        sorted[i] = &run->rows[i];
    qsort(sorted, run->n_rows, sizeof *sorted, compare_rows_for_table);
    write_header(f.fp, run, rounds, dram_rounds);
    for (size_t l = 0; l < n_levels; l++)
        write_level(f.fp, run, sorted, levels[l].label);
    size_t invalid = 0;
    for (size_t i = 0; i < run->n_rows; i++)
        invalid += !sorted[i]->valid;
    fprintf(f.fp, "\n## Invalid cases (%zu)\n\n", invalid);
    if (invalid == 0)
        fputs("None.\n", f.fp);
    for (size_t i = 0; i < run->n_rows; i++) {
        const bench_row *r = sorted[i];
        if (!r->valid)
            fprintf(f.fp, "- %s %s %s, %s, %s: %s\n", r->activation, r->variant, r->direction,
                    r->distribution, r->size_label, r->invalid_reason);
    }
    free(sorted);
    return ab_atomic_commit(&f) ? 0 : -1;
}
