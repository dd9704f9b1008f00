/*
 * One block of the benchmark: a working-set size and an input
 * distribution, every case interleaved (bench/cases.h), then each case
 * judged.
 *
 * Per element = (median ticks per call at n - median at n/2) / (n/2): the
 * per-call overhead cancels. A case is valid only if
 *   1. at each of the two sizes at least max(3, ceil(rounds/2)) samples
 *      survived (bench/protocol.h: migrated, backwards, preempted and
 *      outlier samples are discarded);
 *   2. the per-element time is positive;
 *   3. it is not below AB_BENCH_FLOOR_MARGIN x its floor in the same block:
 *      a kernel that reads its input and writes its output cannot move its
 *      bytes faster than the fastest copy (the copy row and the ordinary
 *      and non-temporal floor copies); a kernel whose output does not
 *      depend on its input (case->store_only) may not read it, and is
 *      judged against the fastest store-only fill instead.
 * An invalid case keeps its reason and loses its numbers.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/cases.h"
#include "bench/distributions.h"
#include "bench/series.h"
#include "common/csv_write.h"
#include "common/mxcsr.h"
#include "common/stats.h"
#include "timer.h"

const char *ab_case_activation(const bench_case *c)
{
    return c->impl ? c->impl->activation : c->is_floor ? "floor" : "copy";
}

const char *ab_case_variant(const bench_case *c)
{
    return c->impl ? c->impl->variant : c->memory_name;
}

const char *ab_case_isa(const bench_case *c)
{
#if defined(__x86_64__)
    const char *memory_isa = "x86-64";
#else
    const char *memory_isa = "scalar";
#endif
    return c->impl ? ab_isa_name(c->impl->isa) : memory_isa;
}

void ab_case_put_csv(FILE *fp, const bench_case *c, const char *distribution)
{
    ab_csv_put_text(fp, ab_case_activation(c));
    fputc(',', fp);
    ab_csv_put_text(fp, ab_case_variant(c));
    fprintf(fp, ",%s,%s,", ab_case_isa(c), ab_direction_name(c->direction));
    ab_csv_put_text(fp, distribution);
}

size_t ab_case_bytes(const bench_case *c, size_t n)
{
    bool has_tangent = c->impl && (c->impl->flags & AB_FLAG_VECTOR) &&
                       c->direction == AB_DERIVATIVE;
    return n * sizeof(float) * (has_tangent ? 3 : 2);
}

static int add_row(bench_run *run, const bench_row *row)
{
    if (run->n_rows == run->cap_rows) {
        size_t cap = run->cap_rows ? 2 * run->cap_rows : 64;
        bench_row *r = realloc(run->rows, cap * sizeof *r);
        if (r == NULL) {
            fprintf(stderr, "actbench: out of memory\n");
            return -1;
        }
        run->rows = r;
        run->cap_rows = cap;
    }
    run->rows[run->n_rows++] = *row;
    return 0;
}

static uint32_t checksum_of(const float *y, size_t n)
{
    uint32_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t bits;
        memcpy(&bits, &y[i], sizeof bits);
        sum += bits;
    }
    return sum;
}

static void write_raw(bench_run *run, const bench_case *c, const bench_level *level,
                      int distribution, size_t n, unsigned round, size_t position,
                      unsigned reps, double ticks, ab_sample_verdict verdict)
{
    FILE *raw = run->raw.fp;
    ab_case_put_csv(raw, c, ab_distribution_name((ab_distribution)distribution));
    fprintf(raw, ",%s,%zu,%u,%zu,%u,", level->label, n, round, position, reps);
    ab_csv_put_number(raw, ticks * reps, "%.1f");
    fputc(',', raw);
    ab_csv_put_number(raw, ticks, "%.3f");
    fprintf(raw, ",%d,%s\n", verdict == AB_SAMPLE_PREEMPTED, ab_sample_verdict_name(verdict));
}

/* Per-element median and minimum of a case from its samples; NaN when
 * either size has too few. *kept gets the surviving samples. */
static void per_element(bench_case *c, unsigned rounds, size_t n, bench_row *row,
                        unsigned min_valid, bool *enough)
{
    double *median = &row->median, *min = &row->min, *dispersion = &row->dispersion;
    unsigned *kept = &row->samples_valid;
    size_t k0 = ab_sample_drop_outliers(c->samples[0], rounds, &c->counts);
    size_t k1 = ab_sample_drop_outliers(c->samples[1], rounds, &c->counts);
    *kept = (unsigned)(k0 + k1);
    *enough = k0 >= min_valid && k1 >= min_valid;
    double span = (double)(n - n / 2);
    *median = (ab_stats_median(c->samples[1], rounds) - ab_stats_median(c->samples[0], rounds)) /
              span;
    *min = (ab_stats_min(c->samples[1], rounds) - ab_stats_min(c->samples[0], rounds)) / span;
    double d0 = ab_stats_mdape_pct(c->samples[0], rounds);
    double d1 = ab_stats_mdape_pct(c->samples[1], rounds);
    *dispersion = isnan(d0) ? d1 : isnan(d1) ? d0 : fmax(d0, d1);
    /* In ticks per call: the per-element time is this difference over
     * n - n/2, and it means nothing when the calls' own spread is as large
     * (a call whose fixed cost dwarfs its work, e.g. a framework's dispatch
     * and allocation of tens of thousands of ticks per call). */
    double m0 = ab_stats_median(c->samples[0], rounds);
    double m1 = ab_stats_median(c->samples[1], rounds);
    row->call_difference = m1 - m0;
    row->call_spread = fmax(d0 * m0, d1 * m1) / 100.0;
}

static void judge(bench_row *r, bool enough, unsigned min_valid)
{
    double floor = r->store_only ? r->floor_store : r->floor_copy;
    r->valid = false;
    if (!enough)
        ab_sample_reason(r->invalid_reason, sizeof r->invalid_reason, r->samples_valid,
                         2 * r->rounds, 2 * min_valid, &r->counts);
    else if (!(r->median > 0))
        snprintf(r->invalid_reason, sizeof r->invalid_reason,
                 "per-element time not positive (%.4g ticks): the n/2-to-n difference is "
                 "lost in noise",
                 r->median);
    else if (r->call_difference < r->call_spread)
        snprintf(r->invalid_reason, sizeof r->invalid_reason,
                 "per-call cost dominates: the n/2-to-n difference (%.4g ticks per call) is "
                 "within the calls' spread (%.4g ticks)",
                 r->call_difference, r->call_spread);
    else if (floor > 0 && r->median < AB_BENCH_FLOOR_MARGIN * floor)
        snprintf(r->invalid_reason, sizeof r->invalid_reason,
                 "below %s floor: %.4g ticks/element < %.2f x %.4g (the fastest %s of the "
                 "same bytes)",
                 r->store_only ? "store-only" : "copy", r->median, AB_BENCH_FLOOR_MARGIN, floor,
                 r->store_only ? "store-only fill" : "copy");
    else
        r->valid = true;
    if (!r->valid) { /* never a number in a table, a ranking or a graph */
        r->median = r->min = NAN;
        r->unstable = true;
    }
}

/* The floors of a block: the fastest valid kernel of each traffic kind
 * (the copy row is a read+write kernel too). */
static void block_floors(const double *floor_median, double copy_row, double *store,
                         double *copy)
{
    *store = fmin(floor_median[AB_FLOOR_STORE], floor_median[AB_FLOOR_STORE_NT]);
    *copy = fmin(fmin(floor_median[AB_FLOOR_COPY], floor_median[AB_FLOOR_COPY_NT]), copy_row);
}

static void warm_up(bench_run *run, double warmup_ticks, const float *x, float *y,
                    const size_t sizes[2])
{
    uint64_t warm_start = ab_timer_start();
    for (unsigned pass = 0;; pass++) {
        for (size_t k = 0; k < run->n_cases; k++) {
            bench_case *c = &run->cases[k];
            for (int s = 0; s < 2; s++) {
                unsigned reps = pass == 0 ? 1 : c->reps[s];
                ab_sample_verdict v;
                ab_sample_counts ignored = {{0}, 0};
                double t = ab_sample_take(&c->call, &run->pin, x, y, sizes[s], reps, true, &v,
                                          &ignored);
                if (!isnan(t))
                    c->reps[s] = ab_sample_reps_for(t);
                else if (pass == 0)
                    c->reps[s] = 1;
            }
        }
        if (pass >= 1 && (double)(ab_timer_stop() - warm_start) >= warmup_ticks)
            break;
    }
}

int ab_bench_block(bench_run *run, const bench_level *level, unsigned rounds,
                   double warmup_ticks, float *x, float *y, float *tangent, size_t n,
                   int distribution)
{
    const size_t sizes[2] = {n / 2, n};
    if (ab_distribution_fill((ab_distribution)distribution, x, tangent, n, run->impls,
                             run->n_impls) != 0) {
        fprintf(stderr, "actbench: out of memory\n");
        return -1;
    }
    memset(y, 0, n * sizeof *y);
    for (size_t k = 0; k < run->n_cases; k++) {
        bench_case *c = &run->cases[k];
        c->call.mxcsr_changed = false;
        memset(&c->counts, 0, sizeof c->counts);
        c->params.tangent = tangent;
    }
    /* Warm-up: page faults, caches, branch predictors, the AVX power-up,
     * and the rep counts, refined on every pass. */
    warm_up(run, warmup_ticks, x, y, sizes);

    for (unsigned round = 0; round < rounds; round++)
        for (size_t k = 0; k < run->n_cases; k++) {
            bench_case *c = &run->cases[k];
            for (int s = 0; s < 2; s++) {
                ab_sample_verdict v;
                double t = ab_sample_take(&c->call, &run->pin, x, y, sizes[s], c->reps[s], true,
                                          &v, &c->counts);
                c->samples[s][round] = t;
                write_raw(run, c, level, distribution, sizes[s], round, k, c->reps[s], t, v);
            }
        }

    unsigned min_valid = ab_series_min_valid(rounds);
    double floor_median[AB_FLOOR_KINDS] = {NAN, NAN, NAN, NAN};
    size_t first_row = run->n_rows;
    for (size_t k = 0; k < run->n_cases; k++) {
        bench_case *c = &run->cases[k];
        /* After timing, outside it: one more call, and its output summed. */
        ab_mxcsr_state saved = ab_mxcsr_save();
        c->call.kernel(x, y, n, &c->params);
        ab_mxcsr_restore(saved);
        c->checksum = checksum_of(y, n);
        bench_row row = {
            .activation = ab_case_activation(c),
            .variant = ab_case_variant(c),
            .isa = ab_case_isa(c),
            .direction = ab_direction_name(c->direction),
            .distribution = ab_distribution_name((ab_distribution)distribution),
            .distribution_index = distribution,
            .size_label = level->label,
            .case_index = k,
            .n = n,
            .bytes = ab_case_bytes(c, n),
            .mxcsr_changed = c->call.mxcsr_changed,
            .rounds = rounds,
            .reps_n = c->reps[1],
            .reps_half = c->reps[0],
            .checksum = c->checksum,
            .ratio_to_naive = NAN,
            .ratio_to_copy = NAN,
        };
        bool enough;
        per_element(c, rounds, n, &row, min_valid, &enough);
        row.counts = c->counts;
        row.unstable = !(row.dispersion < AB_BENCH_UNSTABLE_PCT);
        if (c->is_floor) {
            if (enough && row.median > 0) /* the fastest of each kind */
                floor_median[c->floor_kind] = fmin(floor_median[c->floor_kind], row.median);
            continue;
        }
        row.floor_store = row.floor_copy = NAN; /* filled below, once all are timed */
        row.store_only = c->store_only;
        if (add_row(run, &row) != 0)
            return -1;
        run->rows[run->n_rows - 1].valid = enough; /* judged below */
    }
    const bench_row *copy_row = &run->rows[first_row]; /* case 0 */
    double store, copy;
    block_floors(floor_median, copy_row->valid && copy_row->median > 0 ? copy_row->median : NAN,
                 &store, &copy);
    for (size_t i = first_row; i < run->n_rows; i++) {
        bench_row *r = &run->rows[i];
        bool enough = r->valid;
        r->floor_store = store;
        r->floor_copy = copy;
        judge(r, enough, min_valid);
    }
    return 0;
}

void ab_bench_ratios(bench_run *run)
{
    for (size_t i = 0; i < run->n_rows; i++) {
        bench_row *r = &run->rows[i];
        for (size_t j = 0; j < run->n_rows; j++) {
            const bench_row *b = &run->rows[j];
            if (strcmp(b->size_label, r->size_label) != 0 ||
                b->distribution_index != r->distribution_index || !(b->median > 0) ||
                !(r->median > 0))
                continue;
            if (strcmp(b->activation, "copy") == 0)
                r->ratio_to_copy = r->median / b->median;
            else if (strcmp(r->activation, "copy") != 0 &&
                     strcmp(b->activation, r->activation) == 0 &&
                     strcmp(b->direction, r->direction) == 0 &&
                     strcmp(b->variant, "naive") == 0)
                r->ratio_to_naive = r->median / b->median;
        }
    }
}
