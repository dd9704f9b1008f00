/* See bench.h for the protocol and the output columns. */
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "atomic_file.h"
#include "bench.h"
#include "bench_copy.h"
#include "machine.h"
#include "timer.h"

enum {
    DEFAULT_ROUNDS = 15,
    QUICK_ROUNDS = 5,
    PRELU_CHANNELS = 64,
    N_GRANULE = 64, /* n and n/2 stay multiples of every vector width */
    PREEMPTION_RETRIES = 3,
};
/* Ticks per sample: twice the protocol's 10^4 minimum plus margin, so a
 * fast-running rep count still clears it. */
#define SAMPLE_TARGET_TICKS 25000.0
#define UNSTABLE_PCT 5.0

static const char *const distribution_names[] = {"uniform[-10,10]", "positive(0,10]"};
enum { N_DISTRIBUTIONS = 2 };

typedef struct size_level {
    const char *label;
    size_t total_bytes; /* input + output */
} size_level;

/* One timed thing in a block: an implementation × direction, or the copy. */
typedef struct bench_case {
    const ab_impl *impl; /* NULL: the copy kernel */
    ab_direction direction;
    ab_kernel_fn kernel;
    ab_params params;
    unsigned reps[2];   /* calls per sample at n/2 [0] and n [1] */
    double *samples[2]; /* ticks per call, one per round */
    bool mxcsr_changed;
    unsigned preempted;  /* kept samples during which the thread was preempted */
    uint32_t checksum;
} bench_case;

typedef struct result_row {
    const char *activation, *variant, *isa, *direction, *distribution, *size_label;
    size_t case_index;
    int distribution_index;
    size_t n, bytes;
    double median, min, dispersion;
    bool unstable, mxcsr_changed;
    unsigned rounds, reps_n, reps_half, preempted;
    uint32_t checksum;
    double ratio_to_naive, ratio_to_copy; /* NAN = none */
} result_row;

typedef struct bench_state {
    const ab_bench_options *opt;
    const ab_machine *machine;
    ab_copy_fn copy;
    const char *copy_name;
    bench_case *cases;
    size_t n_cases;
    result_row *rows;
    size_t n_rows, cap_rows;
    ab_atomic_file raw;
    float channel_alpha[PRELU_CHANNELS];
} bench_state;

/* ---- small statistics --------------------------------------------------- */

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median_copy(const double *v, size_t n)
{
    double *s = malloc(n * sizeof *s);
    if (s == NULL)
        return NAN;
    memcpy(s, v, n * sizeof *s);
    qsort(s, n, sizeof *s, compare_double);
    double m = n % 2 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    free(s);
    return m;
}

static double min_of(const double *v, size_t n)
{
    double m = v[0];
    for (size_t i = 1; i < n; i++)
        m = v[i] < m ? v[i] : m;
    return m;
}

/* Median absolute percentage deviation from the median. */
static double mdape_pct(const double *v, size_t n)
{
    double med = median_copy(v, n);
    double *dev = malloc(n * sizeof *dev);
    if (dev == NULL || !(med > 0)) {
        free(dev);
        return NAN;
    }
    for (size_t i = 0; i < n; i++)
        dev[i] = fabs(v[i] - med) / med * 100.0;
    double m = median_copy(dev, n);
    free(dev);
    return m;
}

/* ---- inputs ------------------------------------------------------------- */

static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* u in [0, 1) with 24 random bits: exact in binary32. */
static float uniform01(uint64_t *state)
{
    return (float)(splitmix64(state) >> 40) * 0x1p-24f;
}

static void fill_inputs(float *x, float *tangent, size_t n, int distribution)
{
    uint64_t state = 0xac7be4c40000u + (uint64_t)distribution;
    for (size_t i = 0; i < n; i++) {
        float u = uniform01(&state);
        x[i] = distribution == 0 ? -10.0f + 20.0f * u : 10.0f * (1.0f - u);
    }
    for (size_t i = 0; i < n; i++)
        tangent[i] = 2.0f * uniform01(&state) - 1.0f;
}

/* ---- the timed call ----------------------------------------------------- */

static inline unsigned read_mxcsr(void)
{
#if defined(__x86_64__)
    return _mm_getcsr();
#else
    return 0;
#endif
}

static inline void write_mxcsr(unsigned v)
{
#if defined(__x86_64__)
    _mm_setcsr(v);
#else
    (void)v;
#endif
}

static inline void call_case(bench_case *c, ab_copy_fn copy, const float *x, float *y,
                             size_t n)
{
    unsigned saved = read_mxcsr();
    if (c->impl != NULL)
        c->kernel(x, y, n, &c->params);
    else
        copy(x, y, n);
    /* y is "used": the compiler must assume each call's output is read. */
    __asm__ volatile("" : : "r"(y) : "memory");
    if (read_mxcsr() != saved) {
        write_mxcsr(saved);
        c->mxcsr_changed = true;
    }
}

static long involuntary_switches(void)
{
    struct rusage u;
    return getrusage(RUSAGE_THREAD, &u) == 0 ? u.ru_nivcsw : 0;
}

/* Ticks per call of `reps` back-to-back calls. A sample during which the
 * thread was preempted (the TSC keeps counting while another task runs; on
 * this shared host that is most samples longer than a few ms) is taken
 * again, up to PREEMPTION_RETRIES times; *preempted says whether the kept
 * one still was. */
static double time_sample(bench_case *c, ab_copy_fn copy, const float *x, float *y, size_t n,
                          unsigned reps, bool *preempted)
{
    double ticks = 0;
    for (int attempt = 0; attempt <= PREEMPTION_RETRIES; attempt++) {
        long switches = involuntary_switches();
        uint64_t t0 = ab_timer_start();
        for (unsigned r = 0; r < reps; r++)
            call_case(c, copy, x, y, n);
        uint64_t t1 = ab_timer_stop();
        ticks = (double)(t1 - t0) / reps;
        *preempted = involuntary_switches() != switches;
        if (!*preempted)
            break;
    }
    return ticks;
}

static unsigned reps_for(double ticks_per_call)
{
    if (!(ticks_per_call > 0))
        return 1000;
    double r = ceil(SAMPLE_TARGET_TICKS / ticks_per_call);
    return r < 1 ? 1 : r > 1e7 ? 10000000u : (unsigned)r;
}

/* ---- output helpers ----------------------------------------------------- */

static void csv_field(FILE *fp, const char *s)
{
    if (strpbrk(s, ",\"\n") == NULL) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', fp);
        fputc(*s, fp);
    }
    fputc('"', fp);
}

static void csv_number(FILE *fp, double v, const char *format)
{
    if (isfinite(v))
        fprintf(fp, format, v);
}

static const char *case_activation(const bench_case *c)
{
    return c->impl ? c->impl->activation : "copy";
}

static const char *case_variant(const bench_case *c, const bench_state *st)
{
    return c->impl ? c->impl->variant : st->copy_name;
}

static const char *case_isa(const bench_case *c)
{
#if defined(__x86_64__)
    const char *copy_isa = "x86-64";
#else
    const char *copy_isa = "scalar";
#endif
    return c->impl ? ab_isa_name(c->impl->isa) : copy_isa;
}

static const char *case_direction(const bench_case *c)
{
    return ab_direction_name(c->direction);
}

/* ---- one block: a size and a distribution ------------------------------- */

static int add_row(bench_state *st, const result_row *row)
{
    if (st->n_rows == st->cap_rows) {
        size_t cap = st->cap_rows ? 2 * st->cap_rows : 64;
        result_row *r = realloc(st->rows, cap * sizeof *r);
        if (r == NULL)
            return -1;
        st->rows = r;
        st->cap_rows = cap;
    }
    st->rows[st->n_rows++] = *row;
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

static int run_block(bench_state *st, const size_level *level, unsigned rounds,
                     double warmup_ticks, float *x, float *y, float *tangent, size_t n,
                     int distribution)
{
    const size_t sizes[2] = {n / 2, n};
    fill_inputs(x, tangent, n, distribution);
    memset(y, 0, n * sizeof *y);

    for (size_t k = 0; k < st->n_cases; k++) {
        st->cases[k].mxcsr_changed = false;
        st->cases[k].preempted = 0;
        st->cases[k].params.tangent = tangent;
    }

    /* Warm-up: page faults, caches, branch predictors, the AVX power-up,
     * and the rep counts, refined on every pass. */
    uint64_t warm_start = ab_timer_start();
    for (unsigned pass = 0;; pass++) {
        for (size_t k = 0; k < st->n_cases; k++) {
            bench_case *c = &st->cases[k];
            for (int s = 0; s < 2; s++) {
                unsigned reps = pass == 0 ? 1 : c->reps[s];
                bool preempted;
                c->reps[s] = reps_for(time_sample(c, st->copy, x, y, sizes[s], reps, &preempted));
            }
        }
        if (pass >= 1 && (double)(ab_timer_stop() - warm_start) >= warmup_ticks)
            break;
    }

    FILE *raw = st->raw.fp;
    for (unsigned round = 0; round < rounds; round++) {
        for (size_t k = 0; k < st->n_cases; k++) {
            bench_case *c = &st->cases[k];
            for (int s = 0; s < 2; s++) {
                bool preempted;
                double t = time_sample(c, st->copy, x, y, sizes[s], c->reps[s], &preempted);
                c->samples[s][round] = t;
                c->preempted += preempted;
                csv_field(raw, case_activation(c));
                fputc(',', raw);
                csv_field(raw, case_variant(c, st));
                fprintf(raw, ",%s,%s,", case_isa(c), case_direction(c));
                csv_field(raw, distribution_names[distribution]);
                fprintf(raw, ",%s,%zu,%u,%zu,%u,%.1f,%.3f,%d\n", level->label, sizes[s], round,
                        k, c->reps[s], t * c->reps[s], t, preempted);
            }
        }
    }

    for (size_t k = 0; k < st->n_cases; k++) {
        bench_case *c = &st->cases[k];
        /* After timing, outside it: one more call, and its output summed. */
        call_case(c, st->copy, x, y, n);
        c->checksum = checksum_of(y, n);
        double span = (double)(sizes[1] - sizes[0]);
        double med = (median_copy(c->samples[1], rounds) - median_copy(c->samples[0], rounds)) / span;
        double mn = (min_of(c->samples[1], rounds) - min_of(c->samples[0], rounds)) / span;
        double d0 = mdape_pct(c->samples[0], rounds), d1 = mdape_pct(c->samples[1], rounds);
        double disp = d0 > d1 ? d0 : d1;
        bool has_tangent = c->impl && (c->impl->flags & AB_FLAG_VECTOR) &&
                           c->direction == AB_DERIVATIVE;
        result_row row = {
            .activation = case_activation(c),
            .variant = case_variant(c, st),
            .isa = case_isa(c),
            .direction = case_direction(c),
            .distribution = distribution_names[distribution],
            .distribution_index = distribution,
            .size_label = level->label,
            .case_index = k,
            .n = n,
            .bytes = n * sizeof(float) * (has_tangent ? 3 : 2),
            .median = med,
            .min = mn,
            .dispersion = disp,
            .unstable = !(disp < UNSTABLE_PCT) || !(med > 0),
            .mxcsr_changed = c->mxcsr_changed,
            .rounds = rounds,
            .reps_n = c->reps[1],
            .reps_half = c->reps[0],
            .checksum = c->checksum,
            .preempted = c->preempted,
            .ratio_to_naive = NAN,
            .ratio_to_copy = NAN,
        };
        if (add_row(st, &row) != 0) {
            fprintf(stderr, "actbench: out of memory\n");
            return -1;
        }
    }
    return 0;
}

/* ---- ratios and files ----------------------------------------------------- */

static void compute_ratios(bench_state *st)
{
    for (size_t i = 0; i < st->n_rows; i++) {
        result_row *r = &st->rows[i];
        for (size_t j = 0; j < st->n_rows; j++) {
            const result_row *b = &st->rows[j];
            if (strcmp(b->size_label, r->size_label) != 0 ||
                b->distribution_index != r->distribution_index || !(b->median > 0))
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

static int write_csv(const bench_state *st)
{
    const ab_machine *m = st->machine;
    ab_atomic_file f;
    if (!ab_atomic_open(&f, st->opt->output_dir, "performance.csv"))
        return -1;
    FILE *fp = f.fp;
    fputs("activation,variant,isa,direction,distribution,size_label,n,bytes,"
          "ticks_per_elem_median,ticks_per_elem_min,dispersion_mdape_pct,unstable,"
          "ns_per_elem,core_cycles_per_elem_est,cycle_source,ratio_to_naive,ratio_to_copy,"
          "mxcsr_changed,rounds,reps_n,reps_half,output_checksum,preempted_samples\n",
          fp);
    for (size_t i = 0; i < st->n_rows; i++) {
        const result_row *r = &st->rows[i];
        csv_field(fp, r->activation);
        fputc(',', fp);
        csv_field(fp, r->variant);
        fprintf(fp, ",%s,%s,", r->isa, r->direction);
        csv_field(fp, r->distribution); /* "uniform[-10,10]" has a comma: quoted */
        fprintf(fp, ",%s,%zu,%zu,", r->size_label, r->n, r->bytes);
        csv_number(fp, r->median, "%.5f");
        fputc(',', fp);
        csv_number(fp, r->min, "%.5f");
        fputc(',', fp);
        csv_number(fp, r->dispersion, "%.2f");
        fprintf(fp, ",%d,", r->unstable);
        csv_number(fp, r->median / m->timer.tsc_hz * 1e9, "%.5f");
        fputc(',', fp);
        csv_number(fp, r->median * m->timer.core_per_tsc, "%.5f");
        fprintf(fp, ",%s,", m->timer.cycle_source);
        csv_number(fp, r->ratio_to_naive, "%.4f");
        fputc(',', fp);
        csv_number(fp, r->ratio_to_copy, "%.4f");
        fprintf(fp, ",%d,%u,%u,%u,%08" PRIx32 ",%u\n", r->mxcsr_changed, r->rounds, r->reps_n,
                r->reps_half, r->checksum, r->preempted);
    }
    return ab_atomic_commit(&f) ? 0 : -1;
}

/* Markdown order: copy first, then by activation name, direction,
 * distribution, and the caller's order of implementations. */
static int compare_rows_for_table(const void *a, const void *b)
{
    const result_row *x = *(const result_row *const *)a, *y = *(const result_row *const *)b;
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

static int write_md(const bench_state *st, const size_level *levels, size_t n_levels,
                    unsigned rounds, unsigned dram_rounds)
{
    const ab_machine *m = st->machine;
    const ab_timer_info *t = &m->timer;
    ab_atomic_file f;
    if (!ab_atomic_open(&f, st->opt->output_dir, "performance.md"))
        return -1;
    FILE *fp = f.fp;
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
    fprintf(fp, "- CPU: %s; hypervisor: %s%s%s.\n", m->cpu_model[0] ? m->cpu_model : "unknown",
            t->hypervisor ? "yes, " : "none detected", t->hypervisor ? t->hypervisor_vendor : "",
            "");
    fprintf(fp, "- Pinned to PU P#%d (hwloc logical %d); its caches: L1d %s, L2 %s, L3 %s.%s%s\n",
            m->topology.pinned_pu_os, m->topology.pinned_pu_logical, l1, l2, l3,
            m->cache_note[0] ? " Note: " : "", m->cache_note);
    fprintf(fp, "- Protocol: %u rounds (DRAM: %u), implementations interleaved within each "
                "round; ticks/elem = (median at n − median at n/2) / (n/2); dispersion = "
                "MdAPE over rounds; ⚠ = unstable (dispersion ≥ %.0f %%), MX = the kernel "
                "changed MXCSR (restored after each call), P*k* = *k* of the 2 × rounds samples were preempted even after %d retries (treat with suspicion).%s\n",
            rounds, dram_rounds, UNSTABLE_PCT, PREEMPTION_RETRIES, st->opt->quick ? " **Quick mode**: L1 and L2 "
                                                               "sizes only, few rounds." : "");
    fprintf(fp, "- Compare ratios within this run, not absolute times across runs. "
                "× copy = time / the plain copy kernel's (%s) at the same size: the memory "
                "ceiling.\n",
            st->copy_name);

    const result_row **sorted = malloc(st->n_rows * sizeof *sorted);
    if (sorted == NULL && st->n_rows > 0) {
        ab_atomic_abort(&f);
        fprintf(stderr, "actbench: out of memory\n");
        return -1;
    }
    for (size_t i = 0; i < st->n_rows; i++)
        sorted[i] = &st->rows[i];
    qsort(sorted, st->n_rows, sizeof *sorted, compare_rows_for_table);

    for (size_t l = 0; l < n_levels; l++) {
        size_t n = 0;
        for (size_t i = 0; i < st->n_rows; i++)
            if (strcmp(st->rows[i].size_label, levels[l].label) == 0)
                n = st->rows[i].n;
        char total[32];
        size_text(total, sizeof total, n * 2 * sizeof(float));
        fprintf(fp, "\n## %s: n = %zu (%s input + output)\n\n", levels[l].label, n, total);
        fputs("| activation | variant | isa | direction | distribution | ticks/elem | ns/elem "
              "| ≈cycles/elem | × naive | × copy | MdAPE % | |\n"
              "|---|---|---|---|---|--:|--:|--:|--:|--:|--:|---|\n",
              fp);
        for (size_t i = 0; i < st->n_rows; i++) {
            const result_row *r = sorted[i];
            if (strcmp(r->size_label, levels[l].label) != 0)
                continue;
            fprintf(fp, "| %s | %s | %s | %s | %s | ", r->activation, r->variant, r->isa,
                    r->direction, r->distribution);
            md_number(fp, r->median, "%.3f");
            md_number(fp, r->median / t->tsc_hz * 1e9, "%.3f");
            md_number(fp, r->median * t->core_per_tsc, "%.3f");
            md_number(fp, r->ratio_to_naive, "%.2f");
            md_number(fp, r->ratio_to_copy, "%.2f");
            md_number(fp, r->dispersion, "%.1f");
            fprintf(fp, "%s%s", r->unstable ? "⚠" : "", r->mxcsr_changed ? " MX" : "");
            if (r->preempted)
                fprintf(fp, " P%u", r->preempted);
            fputs(" |\n", fp);
        }
    }
    free(sorted);
    return ab_atomic_commit(&f) ? 0 : -1;
}

/* ---- driver ---------------------------------------------------------------- */

static size_t round_down_elems(size_t total_bytes)
{
    size_t n = total_bytes / (2 * sizeof(float));
    n -= n % N_GRANULE;
    return n < 2 * N_GRANULE ? 2 * N_GRANULE : n;
}

static size_t round_up_page(size_t bytes)
{
    return (bytes + 4095) & ~(size_t)4095;
}

static int setup_cases(bench_state *st, const ab_impl *const *impls, size_t n_impls,
                       unsigned max_rounds)
{
    size_t cap = 2 * n_impls + 1;
    st->cases = calloc(cap, sizeof *st->cases);
    if (st->cases == NULL)
        return -1;
    for (unsigned i = 0; i < PRELU_CHANNELS; i++)
        st->channel_alpha[i] = 0.05f + 0.01f * (float)i;
    st->cases[st->n_cases++] = (bench_case){.impl = NULL, .direction = AB_FORWARD};
    for (size_t i = 0; i < n_impls; i++) {
        const ab_impl *impl = impls[i];
        const ab_activation *act = ab_activation_find(impl->activation);
        for (int d = 0; d < 2; d++) {
            ab_kernel_fn fn = ab_impl_kernel(impl, (ab_direction)d);
            if (fn == NULL)
                continue;
            bench_case *c = &st->cases[st->n_cases++];
            c->impl = impl;
            c->direction = (ab_direction)d;
            c->kernel = fn;
            if (act != NULL)
                c->params = act->default_params;
            /* Only prelu reads the channels; others ignore them, so the
             * harness need not know which activation is which. */
            c->params.channel_alpha = st->channel_alpha;
            c->params.channels = PRELU_CHANNELS;
        }
    }
    for (size_t k = 0; k < st->n_cases; k++)
        for (int s = 0; s < 2; s++) {
            st->cases[k].samples[s] = calloc(max_rounds, sizeof(double));
            if (st->cases[k].samples[s] == NULL)
                return -1;
        }
    return 0;
}

static void free_state(bench_state *st)
{
    for (size_t k = 0; k < st->n_cases; k++)
        for (int s = 0; s < 2; s++)
            free(st->cases[k].samples[s]);
    free(st->cases);
    free(st->rows);
}

int ab_bench_run(const ab_bench_options *opt, const ab_impl *const *impls, size_t n_impls)
{
    if (opt == NULL || opt->output_dir == NULL || (n_impls > 0 && impls == NULL)) {
        fprintf(stderr, "actbench: bench: no output directory given\n");
        return 2;
    }
    for (size_t i = 0; i < n_impls; i++)
        if (impls[i] == NULL || !ab_impl_supported(impls[i])) {
            fprintf(stderr, "actbench: bench: %s %s needs %s, which this CPU lacks\n",
                    impls[i] ? impls[i]->activation : "?", impls[i] ? impls[i]->variant : "?",
                    impls[i] ? ab_isa_name(impls[i]->isa) : "?");
            return 2;
        }
    if (!ab_ensure_output_dir(opt->output_dir))
        return 1;
    char raw_dir[4096];
    if (snprintf(raw_dir, sizeof raw_dir, "%s/raw", opt->output_dir) >= (int)sizeof raw_dir ||
        !ab_ensure_output_dir(raw_dir))
        return 1;

    bench_state st = {.opt = opt};
    st.machine = ab_machine_get(opt->quiet);
    if (st.machine == NULL)
        return 1;
    const ab_topology *topo = &st.machine->topology;
    /* The machine probe pinned the thread that made it; pin this one too. */
    if (ab_topology_pin_worker(topo, (unsigned)topo->pinned_pu_logical) != 0)
        return 1;
    st.copy = ab_bench_copy_kernel(&st.copy_name);

    size_t l1 = topo->l1d_bytes ? topo->l1d_bytes : (size_t)32 << 10;
    size_t l2 = topo->l2_bytes ? topo->l2_bytes : (size_t)512 << 10;
    size_t l3 = st.machine->l3_bytes_for_sizing;
    const size_level all_levels[] = {
        {"L1", l1 / 2}, {"L2", l2 / 2}, {"L3", l3 / 2}, {"DRAM", 4 * l3}};
    size_t n_levels = opt->quick ? 2 : 4;
    unsigned rounds = opt->rounds ? opt->rounds : opt->quick ? QUICK_ROUNDS : DEFAULT_ROUNDS;
    unsigned dram_rounds = rounds / 3 > 3 ? rounds / 3 : 3;
    if (dram_rounds > rounds)
        dram_rounds = rounds;
    double warmup_ticks = (opt->quick ? 0.005 : 0.050) * st.machine->timer.tsc_hz;

    int rc = 1;
    float *base = NULL;
    if (setup_cases(&st, impls, n_impls, rounds) != 0) {
        fprintf(stderr, "actbench: out of memory\n");
        goto out;
    }
    if (!ab_atomic_open(&st.raw, raw_dir, "bench_samples.csv"))
        goto out;
    fputs("activation,variant,isa,direction,distribution,size_label,n,round,position,reps,"
          "ticks_total,ticks_per_call,preempted\n",
          st.raw.fp);

    for (size_t l = 0; l < n_levels; l++) {
        const size_level *level = &all_levels[l];
        size_t n = round_down_elems(level->total_bytes);
        /* x, y and the tangent 64-byte aligned, each a page plus 320 bytes
         * past a page boundary from the previous: no 4K aliasing. */
        size_t stride = round_up_page(n * sizeof(float)) + 4096 + 5 * 64;
        size_t total = round_up_page(3 * stride);
        base = aligned_alloc(4096, total);
        if (base == NULL) {
            fprintf(stderr, "actbench: cannot allocate %zu bytes for the %s size\n", total,
                    level->label);
            ab_atomic_abort(&st.raw);
            goto out;
        }
        float *x = base;
        float *y = (float *)((char *)base + stride);
        float *tangent = (float *)((char *)base + 2 * stride);
        unsigned level_rounds = strcmp(level->label, "DRAM") == 0 ? dram_rounds : rounds;
        for (int d = 0; d < N_DISTRIBUTIONS; d++) {
            if (!opt->quiet)
                fprintf(stderr, "actbench: bench %s (n = %zu) %s: %zu cases × %u rounds\n",
                        level->label, n, distribution_names[d], st.n_cases, level_rounds);
            if (run_block(&st, level, level_rounds, warmup_ticks, x, y, tangent, n, d) != 0) {
                ab_atomic_abort(&st.raw);
                goto out;
            }
        }
        free(base);
        base = NULL;
    }
    if (!ab_atomic_commit(&st.raw))
        goto out;
    compute_ratios(&st);
    if (write_csv(&st) != 0 || write_md(&st, all_levels, n_levels, rounds, dram_rounds) != 0)
        goto out;
    rc = 0;
out:
    free(base);
    free_state(&st);
    return rc;
}
