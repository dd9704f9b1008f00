/*
 * Softmax-like (AB_FLAG_VECTOR) activations by shape (performance_rows.csv).
 * Their cost depends on the row length (passes over a row that fits in L1
 * or not, per-row setup) and on how many rows a batch holds. For every row
 * length L in 8, 64, 512, 4096, 32768, 262144, 10^6 (quick: 8, 64, 512) two
 * shapes are timed: one row (1 x L) and a batch of 2^16 elements
 * (2^16/L x L, when L < 2^16). A call processes the rows one after the
 * other, as a framework's row loop would; the time is reported per row and
 * per element and includes the per-row call cost on purpose: that is what
 * a user of the shape pays. The validity rules are the benchmark's
 * (bench/series.h, bench/protocol.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/distributions.h"
#include "bench/fit.h"
#include "bench/series.h"
#include "common/csv_write.h"

enum { BATCH_ELEMENTS = 1 << 16, MAX_SHAPES = 16 };

/* A batch seen through the kernel signature: `params` comes first, so the
 * pointer the timed call passes is the batch itself. */
typedef struct row_batch {
    ab_params params;
    ab_kernel_fn kernel;
    size_t rows, length;
} row_batch;

static void call_rows(const float *x, float *y, size_t n, const ab_params *p)
{
    const row_batch *b = (const row_batch *)p;
    ab_params row = b->params;
    (void)n;
    for (size_t r = 0; r < b->rows; r++) {
        size_t at = r * b->length;
        row.tangent = b->params.tangent ? b->params.tangent + at : NULL;
        b->kernel(x + at, y + at, b->length, &row);
    }
}

typedef struct shape {
    size_t rows, length;
} shape;

static size_t shapes_for(bool quick, shape *out)
{
    static const size_t lengths[] = {8, 64, 512, 4096, 32768, 262144, 1000000};
    size_t count = 0, n_lengths = quick ? 3 : sizeof lengths / sizeof lengths[0];
    for (size_t i = 0; i < n_lengths; i++) {
        out[count++] = (shape){1, lengths[i]};
        if (lengths[i] < BATCH_ELEMENTS)
            out[count++] = (shape){BATCH_ELEMENTS / lengths[i], lengths[i]};
    }
    return count;
}

static void write_shape(FILE *fp, const bench_case *c, const char *dist, const shape *sh,
                        const ab_series *s, unsigned rounds, double hz)
{
    char reason[200] = "";
    if (!s->enough)
        ab_series_reason(reason, sizeof reason, s, rounds);
    else if (!(s->median > 0))
        snprintf(reason, sizeof reason, "time not positive");
    double per_row = reason[0] ? NAN : s->median / (double)sh->rows;
    double per_elem = per_row / (double)sh->length;
    ab_case_put_csv(fp, c, dist);
    fprintf(fp, ",%zu,%zu,", sh->length, sh->rows);
    const double v[] = {per_row, per_elem, per_row / hz * 1e9, per_elem / hz * 1e9,
                        s->dispersion};
    static const char *const formats[] = {"%.1f", "%.5f", "%.2f", "%.5f", "%.2f"};
    ab_csv_put_numbers(fp, 5, v, formats);
    fprintf(fp, "%u,%d,", s->kept, reason[0] == '\0');
    ab_csv_put_text(fp, reason);
    fputc('\n', fp);
}

int ab_bench_rows(bench_run *run, int distribution, unsigned rounds, double warmup_ticks)
{
    size_t count = 0;
    for (size_t k = 0; k < run->n_cases; k++)
        count += run->cases[k].impl && (run->cases[k].impl->flags & AB_FLAG_VECTOR);
    if (count == 0)
        return 0; /* no vector activation selected: no file */
    shape shapes[MAX_SHAPES];
    size_t n_shapes = shapes_for(run->opt->quick, shapes), n_max = 0;
    for (size_t i = 0; i < n_shapes; i++)
        if (shapes[i].rows * shapes[i].length > n_max)
            n_max = shapes[i].rows * shapes[i].length;
    ab_series *s = calloc(count, sizeof *s);
    row_batch *batch = calloc(count, sizeof *batch);
    const bench_case **which = calloc(count, sizeof *which);
    double *samples = calloc(count * rounds, sizeof *samples);
    float *x = aligned_alloc(64, n_max * sizeof(float));
    float *y = aligned_alloc(64, (n_max + 80) * sizeof(float));
    float *tangent = aligned_alloc(64, n_max * sizeof(float));
    ab_atomic_file f;
    int rc = -1;
    bool open = false;
    if (!s || !batch || !which || !samples || !x || !y || !tangent) {
        fprintf(stderr, "actbench: out of memory\n");
        goto out;
    }
    if (ab_distribution_fill((ab_distribution)distribution, x, tangent, n_max, run->impls,
                             run->n_impls) != 0)
        goto out;
    open = ab_atomic_open(&f, run->opt->output_dir, "performance_rows.csv");
    if (!open)
        goto out;
    fputs("activation,variant,isa,direction,distribution,row_length,rows,ticks_per_row,"
          "ticks_per_elem,ns_per_row,ns_per_elem,dispersion_mdape_pct,samples_valid,valid,"
          "invalid_reason\n",
          f.fp);
    for (size_t k = 0, j = 0; k < run->n_cases; k++)
        if (run->cases[k].impl && (run->cases[k].impl->flags & AB_FLAG_VECTOR))
            which[j++] = &run->cases[k];
    const char *dist = ab_distribution_name((ab_distribution)distribution);
    for (size_t i = 0; i < n_shapes; i++) {
        if (!run->opt->quiet)
            fprintf(stderr, "actbench: bench rows %zu × %zu: %zu cases × %u rounds\n",
                    shapes[i].rows, shapes[i].length, count, rounds);
        for (size_t j = 0; j < count; j++) {
            batch[j] = (row_batch){.params = which[j]->params, .kernel = which[j]->call.kernel,
                                   .rows = shapes[i].rows, .length = shapes[i].length};
            batch[j].params.tangent = tangent;
            s[j] = (ab_series){.call = {.kernel = call_rows, .params = &batch[j].params},
                               .samples = samples + j * rounds};
        }
        ab_series_run(s, count, &run->pin, x, y + 80, shapes[i].rows * shapes[i].length,
                      rounds, warmup_ticks);
        for (size_t j = 0; j < count; j++)
            write_shape(f.fp, which[j], dist, &shapes[i], &s[j], rounds,
                        run->machine->timer.tsc_hz);
    }
    rc = ab_atomic_commit(&f) ? 0 : -1;
    open = false;
out:
    if (open)
        ab_atomic_abort(&f);
    free(s);
    free(batch);
    free(which);
    free(samples);
    free(x);
    free(y);
    free(tangent);
    return rc;
}
