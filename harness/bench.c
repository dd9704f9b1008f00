/* See bench.h: the driver of `actbench bench`. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "bench/cases.h"
#include "bench/cpu_id.h"
#include "bench/distributions.h"
#include "bench/fit.h"
#include "common/mxcsr.h"

enum {
    DEFAULT_ROUNDS = 15,
    QUICK_ROUNDS = 5,
    N_GRANULE = 64, /* n and n/2 stay multiples of every vector width */
};

const char ab_bench_options_help[] =
    "      --distribution LIST  bench: input distributions, comma-separated: uniform,\n"
    "                           positive, normal1, normal4, tails, or all (default all)\n"
    "      --parts LIST         bench: tables to measure, comma-separated: sizes, fit,\n"
    "                           rows, threads, or all (default all)\n";

static const char *const part_names[] = {"sizes", "fit", "rows", "threads"};

static int parse_parts(const char *list, unsigned *mask)
{
    *mask = 0;
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ",");
        unsigned found = 0;
        if (len == 3 && strncmp(p, "all", 3) == 0)
            found = AB_BENCH_PART_ALL;
        for (unsigned i = 0; i < sizeof part_names / sizeof part_names[0]; i++)
            if (strlen(part_names[i]) == len && strncmp(p, part_names[i], len) == 0)
                found = 1u << i;
        if (found == 0) {
            fprintf(stderr, "actbench: unknown bench part '%.*s' (sizes, fit, rows, threads "
                            "or all)\n",
                    (int)len, p);
            return 2;
        }
        *mask |= found;
        p += len + (p[len] == ',');
    }
    if (*mask == 0) {
        fprintf(stderr, "actbench: --parts names no part\n");
        return 2;
    }
    return 0;
}

int ab_bench_set_option(ab_bench_options *opt, const char *name, const char *value)
{
    if (strcmp(name, "distribution") == 0)
        return ab_distribution_parse(value, &opt->distributions) ? 0 : 2;
    if (strcmp(name, "parts") == 0)
        return parse_parts(value, &opt->parts);
    return 1;
}

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

static bench_case memory_case(ab_memory_kernel k, bool is_floor, ab_floor_kind kind)
{
    return (bench_case){.memory_name = k.name, .is_floor = is_floor, .floor_kind = kind,
                        .direction = AB_FORWARD, .call = {.kernel = k.fn}};
}

/* True when the kernel writes the same output for two different inputs: it
 * need not read them, so the store-only floor is its bound. */
static bool output_ignores_input(const bench_case *c, const bench_run *run)
{
    enum { PROBE = 256 };
    float a[PROBE], b[PROBE], ya[PROBE], yb[PROBE], tangent[PROBE];
    if (ab_distribution_fill(AB_DIST_UNIFORM, a, tangent, PROBE, run->impls, run->n_impls) != 0 ||
        ab_distribution_fill(AB_DIST_NORMAL_4, b, tangent, PROBE, run->impls, run->n_impls) != 0)
        return false;
    ab_params params = c->params;
    params.tangent = tangent;
    ab_mxcsr_state saved = ab_mxcsr_save();
    c->call.kernel(a, ya, PROBE, &params);
    c->call.kernel(b, yb, PROBE, &params);
    ab_mxcsr_restore(saved);
    return memcmp(ya, yb, sizeof ya) == 0;
}

/* Cases: [0] the copy row, then the floors (when this CPU has them), then
 * every implementation x direction it offers. */
static int setup_cases(bench_run *run, unsigned max_rounds)
{
    size_t cap = 2 * run->n_impls + AB_BENCH_MAX_MEMORY_CASES;
    run->cases = calloc(cap, sizeof *run->cases);
    if (run->cases == NULL)
        return -1;
    for (unsigned i = 0; i < AB_BENCH_PRELU_CHANNELS; i++)
        run->channel_alpha[i] = 0.05f + 0.01f * (float)i;
    run->cases[run->n_cases++] = memory_case(ab_memory_copy_row(), false, AB_FLOOR_COPY);
    for (int k = 0; k < AB_FLOOR_KINDS; k++) {
        ab_memory_kernel floors[AB_MEMORY_MAX_WIDTHS];
        size_t count = ab_memory_floors((ab_floor_kind)k, floors);
        for (size_t i = 0; i < count; i++)
            run->cases[run->n_cases++] = memory_case(floors[i], true, (ab_floor_kind)k);
    }
    for (size_t i = 0; i < run->n_impls; i++) {
        const ab_impl *impl = run->impls[i];
        const ab_activation *act = ab_activation_find(impl->activation);
        for (int d = 0; d < 2; d++) {
            ab_kernel_fn fn = ab_impl_kernel(impl, (ab_direction)d);
            if (fn == NULL)
                continue;
            bench_case *c = &run->cases[run->n_cases++];
            c->impl = impl;
            c->direction = (ab_direction)d;
            c->call.kernel = fn;
            if (act != NULL)
                c->params = act->default_params;
            /* Only prelu reads the channels; others ignore them, so the
             * harness need not know which activation is which. */
            c->params.channel_alpha = run->channel_alpha;
            c->params.channels = AB_BENCH_PRELU_CHANNELS;
        }
    }
    for (size_t k = 0; k < run->n_cases; k++) {
        run->cases[k].call.params = &run->cases[k].params;
        run->cases[k].store_only = run->cases[k].impl && output_ignores_input(&run->cases[k], run);
        for (int s = 0; s < 2; s++) {
            run->cases[k].samples[s] = calloc(max_rounds, sizeof(double));
            if (run->cases[k].samples[s] == NULL)
                return -1;
        }
    }
    return 0;
}

static void free_run(bench_run *run)
{
    for (size_t k = 0; k < run->n_cases; k++)
        for (int s = 0; s < 2; s++)
            free(run->cases[k].samples[s]);
    free(run->cases);
    free(run->rows);
    if (run->pin.scratch != NULL)
        hwloc_bitmap_free(run->pin.scratch);
}

static int check_arguments(const ab_bench_options *opt, const ab_impl *const *impls,
                           size_t n_impls)
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
    if (opt->parts > AB_BENCH_PART_ALL) {
        fprintf(stderr, "actbench: bench: unknown part in the mask %#x\n", opt->parts);
        return 2;
    }
    if (opt->distributions >= (1u << AB_DIST_COUNT)) {
        fprintf(stderr, "actbench: bench: unknown distribution in the mask %#x\n",
                opt->distributions);
        return 2;
    }
    return 0;
}

/* Pins this thread where the machine probe pinned its own, and remembers
 * the PU's cpuset for re-asserting after every sample. */
static int pin_run(bench_run *run)
{
    const ab_topology *topo = &run->machine->topology;
    if (ab_topology_pin_worker(topo, (unsigned)topo->pinned_pu_logical) != 0)
        return -1;
    hwloc_obj_t pu = hwloc_get_obj_by_type(topo->topo, HWLOC_OBJ_PU,
                                           (unsigned)topo->pinned_pu_logical);
    run->pin.scratch = hwloc_bitmap_alloc();
    if (pu == NULL || run->pin.scratch == NULL) {
        fprintf(stderr, "actbench: cannot read the pinned PU's cpuset\n");
        return -1;
    }
    run->pin.topo = topo->topo;
    run->pin.cpuset = pu->cpuset;
    run->cpu_id_source = ab_cpu_id_init();
    return 0;
}

/* x, y and the tangent 64-byte aligned, each a page plus 320 bytes past a
 * page boundary from the previous: no 4K aliasing. */
static float *alloc_buffers(size_t n, float **x, float **y, float **tangent)
{
    size_t stride = round_up_page(n * sizeof(float)) + 4096 + 5 * 64;
    float *base = aligned_alloc(4096, round_up_page(3 * stride));
    if (base != NULL) {
        *x = base;
        *y = (float *)((char *)base + stride);
        *tangent = (float *)((char *)base + 2 * stride);
    }
    return base;
}

static int run_levels(bench_run *run, const bench_level *levels, size_t n_levels,
                      unsigned rounds, unsigned dram_rounds, double warmup_ticks)
{
    unsigned mask = run->opt->distributions ? run->opt->distributions
                                            : (1u << AB_DIST_COUNT) - 1;
    for (size_t l = 0; l < n_levels; l++) {
        size_t n = round_down_elems(levels[l].total_bytes);
        float *x, *y, *tangent;
        float *base = alloc_buffers(n, &x, &y, &tangent);
        if (base == NULL) {
            fprintf(stderr, "actbench: cannot allocate the buffers of the %s size (n = %zu)\n",
                    levels[l].label, n);
            return -1;
        }
        unsigned level_rounds = strcmp(levels[l].label, "DRAM") == 0 ? dram_rounds : rounds;
        for (int d = 0; d < AB_DIST_COUNT; d++) {
            if (!(mask & (1u << d)))
                continue;
            if (!run->opt->quiet)
                fprintf(stderr, "actbench: bench %s (n = %zu) %s: %zu cases × %u rounds\n",
                        levels[l].label, n, ab_distribution_name((ab_distribution)d),
                        run->n_cases, level_rounds);
            if (ab_bench_block(run, &levels[l], level_rounds, warmup_ticks, x, y, tangent, n,
                               d) != 0) {
                free(base);
                return -1;
            }
        }
        free(base);
    }
    return 0;
}

/* The main table: every size x distribution, then performance.csv/.md. */
static int run_sizes(bench_run *run, const char *raw_dir, const bench_level *levels,
                     size_t n_levels, unsigned rounds, unsigned dram_rounds,
                     double warmup_ticks)
{
    if (!ab_atomic_open(&run->raw, raw_dir, "bench_samples.csv"))
        return -1;
    fputs("activation,variant,isa,direction,distribution,size_label,n,round,position,reps,"
          "ticks_total,ticks_per_call,preempted,verdict\n",
          run->raw.fp);
    if (run_levels(run, levels, n_levels, rounds, dram_rounds, warmup_ticks) != 0) {
        ab_atomic_abort(&run->raw);
        return -1;
    }
    if (!ab_atomic_commit(&run->raw))
        return -1;
    ab_bench_ratios(run);
    if (ab_bench_write_csv(run) != 0 ||
        ab_bench_write_md(run, levels, n_levels, rounds, dram_rounds) != 0)
        return -1;
    return 0;
}

int ab_bench_run(const ab_bench_options *opt, const ab_impl *const *impls, size_t n_impls)
{
    int rc = check_arguments(opt, impls, n_impls);
    if (rc != 0)
        return rc;
    if (!ab_ensure_output_dir(opt->output_dir))
        return 1;
    char raw_dir[4096];
    if (snprintf(raw_dir, sizeof raw_dir, "%s/raw", opt->output_dir) >= (int)sizeof raw_dir ||
        !ab_ensure_output_dir(raw_dir))
        return 1;

    bench_run run = {.opt = opt, .impls = impls, .n_impls = n_impls};
    run.machine = ab_machine_get(opt->quiet);
    if (run.machine == NULL)
        return 1;
    rc = 1;
    if (pin_run(&run) != 0)
        goto out;
    const ab_topology *topo = &run.machine->topology;
    size_t l1 = topo->l1d_bytes ? topo->l1d_bytes : (size_t)32 << 10;
    size_t l2 = topo->l2_bytes ? topo->l2_bytes : (size_t)512 << 10;
    size_t l3 = run.machine->l3_bytes_for_sizing;
    const bench_level levels[] = {{"L1", l1 / 2}, {"L2", l2 / 2}, {"L3", l3 / 2}, {"DRAM", 4 * l3}};
    size_t n_levels = opt->quick ? 2 : 4;
    unsigned rounds = opt->rounds ? opt->rounds : opt->quick ? QUICK_ROUNDS : DEFAULT_ROUNDS;
    unsigned dram_rounds = rounds / 3 > 3 ? rounds / 3 : 3;
    if (dram_rounds > rounds)
        dram_rounds = rounds;
    double warmup_ticks = (opt->quick ? 0.005 : 0.050) * run.machine->timer.tsc_hz;

    if (setup_cases(&run, rounds) != 0) {
        fprintf(stderr, "actbench: out of memory\n");
        goto out;
    }
    unsigned parts = opt->parts ? opt->parts : AB_BENCH_PART_ALL;
    if ((parts & AB_BENCH_PART_SIZES) &&
        run_sizes(&run, raw_dir, levels, n_levels, rounds, dram_rounds, warmup_ticks) != 0)
        goto out;
    int first_distribution = 0;
    while (opt->distributions && !(opt->distributions & (1u << first_distribution)))
        first_distribution++;
    if ((parts & AB_BENCH_PART_FIT) &&
        ab_bench_fit(&run, first_distribution, rounds, warmup_ticks) != 0)
        goto out;
    if ((parts & AB_BENCH_PART_ROWS) &&
        ab_bench_rows(&run, first_distribution, rounds, warmup_ticks) != 0)
        goto out;
    /* threads: L3 and DRAM (quick: L2 only) */
    if ((parts & AB_BENCH_PART_THREADS) &&
        ab_bench_threads(&run, opt->quick ? &levels[1] : &levels[2], opt->quick ? 1 : 2,
                         dram_rounds) != 0)
        goto out;
    rc = 0;
out:
    free_run(&run);
    return rc;
}
