/*
 * Thread scaling (performance_threads.csv): throughput with 1, 2, 4, ...
 * and all cores at the L3 and DRAM working sets (quick: L2), next to the
 * copy row's kernel with the same threads, the memory-bandwidth ceiling.
 *
 * Thread 0 is the benchmark's own pinned thread; thread i > 0 is pinned
 * with hwloc to the first PU of another core. Each thread first-touches its
 * own slice (n/T elements of input, output and tangent). A sample: all
 * threads meet at a barrier, each times `reps` calls on its slice with the
 * single-thread checks (bench/protocol.h: CPU before and after, switches,
 * order, affinity re-asserted), and meet again. The sample is the longest
 * thread's time; if any thread's sample is discarded, the whole sample is,
 * and it is retaken (up to AB_SAMPLE_MAX_ATTEMPTS per round). Samples last
 * about 2·10^6 ticks (quick: 2·10^5) so that the threads' start skew at
 * the barrier is small against them. Ticks per element = (longest ticks per call) / n: the whole
 * tensor's throughput.
 *
 * A read+write kernel faster than 0.7 x the copy with the same threads is
 * invalid (bench/block.c explains the floor). A kernel is memory-bound at
 * a size and thread count when its time is
 * within 1.25x of the copy's with the same threads; memory_bound_from says
 * from which thread count on (at that size). An implementation flagged
 * AB_FLAG_NOT_THREAD_SAFE runs with one thread only.
 */
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/distributions.h"
#include "bench/fit.h"
#include "bench/series.h"
#include "common/csv_write.h"
#include "common/stats.h"

#define THREAD_SAMPLE_TICKS 2e6
#define QUICK_THREAD_SAMPLE_TICKS 2e5
#define MEMORY_BOUND_RATIO 1.25
enum { MAX_THREADS = 64, ALIGN_FLOATS = 16 };

typedef struct pool pool;

typedef struct worker {
    pool *pool;
    unsigned index;
    pthread_t thread;
    ab_pin pin;
    hwloc_cpuset_t cpuset;
    float *x, *y, *tangent;
    ab_params params;
    ab_timed_call call;       /* kept across samples of one job: see protocol.h */
    const bench_case *call_for;
    double ticks;
    ab_sample_verdict verdict;
    ab_sample_counts counts;
    int setup_rc;
} worker;

struct pool {
    bench_run *run;
    unsigned threads;
    size_t slice;
    int distribution;
    pthread_barrier_t start, done;
    /* the job, written by thread 0 before the start barrier */
    const bench_case *job;
    unsigned reps;
    atomic_bool go;   /* the barriers exist: workers may start */
    atomic_bool stop; /* workers return */
    worker workers[MAX_THREADS];
};

/* Thread i's core: 0 is the benchmark's own; the others in hwloc order. */
static hwloc_obj_t core_for(const ab_topology *topo, hwloc_obj_t own_core, unsigned i)
{
    if (i == 0)
        return own_core;
    int cores = hwloc_get_nbobjs_by_type(topo->topo, HWLOC_OBJ_CORE);
    for (int c = 0, seen = 0; c < cores; c++) {
        hwloc_obj_t core = hwloc_get_obj_by_type(topo->topo, HWLOC_OBJ_CORE, (unsigned)c);
        if (core != own_core && ++seen == (int)i)
            return core;
    }
    return NULL;
}

static void take_sample(worker *w)
{
    pool *p = w->pool;
    if (w->call_for != p->job) {
        w->params = p->job->params;
        w->params.tangent = w->tangent;
        w->call = (ab_timed_call){.kernel = p->job->call.kernel, .params = &w->params};
        w->call_for = p->job;
    }
    w->ticks = ab_sample_take(&w->call, &w->pin, w->x, w->y, p->slice, p->reps, false,
                              &w->verdict, &w->counts);
}

static int setup_worker(worker *w)
{
    pool *p = w->pool;
    if (hwloc_set_cpubind(w->pin.topo, w->cpuset, HWLOC_CPUBIND_THREAD) != 0)
        return -1;
    size_t stride = (p->slice + ALIGN_FLOATS - 1) / ALIGN_FLOATS * ALIGN_FLOATS + 1024 + 80;
    float *base = aligned_alloc(64, 3 * stride * sizeof(float));
    if (base == NULL)
        return -1;
    w->x = base;
    w->y = base + stride;
    w->tangent = base + 2 * stride;
    /* first touch by the pinned thread: its pages are local to it */
    if (ab_distribution_fill((ab_distribution)p->distribution, w->x, w->tangent, p->slice,
                             p->run->impls, p->run->n_impls) != 0)
        return -1;
    memset(w->y, 0, p->slice * sizeof(float));
    return 0;
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    while (!atomic_load(&w->pool->go))
        sched_yield();
    if (atomic_load(&w->pool->stop))
        return NULL;
    w->setup_rc = setup_worker(w);
    for (;;) {
        pthread_barrier_wait(&w->pool->start);
        if (atomic_load(&w->pool->stop))
            break;
        if (w->setup_rc == 0)
            take_sample(w);
        pthread_barrier_wait(&w->pool->done);
    }
    return NULL;
}

/* One sample of the job on every thread: the longest time, or NaN. */
static double pool_sample(pool *p, ab_sample_counts *counts)
{
    for (int attempt = 0; attempt < AB_SAMPLE_MAX_ATTEMPTS; attempt++) {
        pthread_barrier_wait(&p->start);
        take_sample(&p->workers[0]);
        pthread_barrier_wait(&p->done);
        double longest = 0;
        ab_sample_verdict bad = AB_SAMPLE_OK;
        for (unsigned i = 0; i < p->threads; i++) {
            const worker *w = &p->workers[i];
            if (w->setup_rc != 0 || w->verdict != AB_SAMPLE_OK)
                bad = w->setup_rc != 0 ? AB_SAMPLE_PREEMPTED : w->verdict;
            else
                longest = fmax(longest, w->ticks);
        }
        if (bad == AB_SAMPLE_OK)
            return longest;
        counts->discarded[bad]++;
    }
    return NAN;
}

typedef struct scaling_point {
    double ticks_per_elem, dispersion;
    unsigned kept;
    char reason[200];
} scaling_point;

static void time_case(pool *p, const bench_case *c, unsigned rounds, double *samples,
                      scaling_point *out)
{
    ab_sample_counts counts = {{0}, 0};
    p->job = c;
    p->reps = 1;
    double t = pool_sample(p, &counts); /* warm-up and calibration */
    t = isnan(t) ? pool_sample(p, &counts) : t;
    double target = p->run->opt->quick ? QUICK_THREAD_SAMPLE_TICKS : THREAD_SAMPLE_TICKS;
    p->reps = t > 0 ? (unsigned)fmax(1.0, ceil(target / t)) : 1;
    memset(&counts, 0, sizeof counts);
    for (unsigned r = 0; r < rounds; r++)
        samples[r] = pool_sample(p, &counts);
    size_t kept = ab_sample_drop_outliers(samples, rounds, &counts);
    size_t n = p->slice * p->threads;
    out->kept = (unsigned)kept;
    out->ticks_per_elem = ab_stats_median(samples, rounds) / (double)n; /* per call */
    out->dispersion = ab_stats_mdape_pct(samples, rounds);
    out->reason[0] = '\0';
    if (kept < ab_series_min_valid(rounds))
        ab_sample_reason(out->reason, sizeof out->reason, (unsigned)kept, rounds,
                         ab_series_min_valid(rounds), &counts);
    if (out->reason[0])
        out->ticks_per_elem = NAN;
}

static hwloc_obj_t first_pu(hwloc_topology_t topo, hwloc_obj_t core)
{
    return hwloc_get_obj_inside_cpuset_by_type(topo, core->cpuset, HWLOC_OBJ_PU, 0);
}

static void pool_free(pool *p)
{
    for (unsigned i = 0; i < p->threads; i++) {
        free(p->workers[i].x);
        if (p->workers[i].pin.scratch)
            hwloc_bitmap_free(p->workers[i].pin.scratch);
    }
}

static void pool_stop(pool *p)
{
    atomic_store(&p->stop, true);
    pthread_barrier_wait(&p->start);
    for (unsigned i = 1; i < p->threads; i++)
        pthread_join(p->workers[i].thread, NULL);
    pool_free(p);
    pthread_barrier_destroy(&p->start);
    pthread_barrier_destroy(&p->done);
}

/* Starts threads 1..T-1 (thread 0 is the caller); -1 when it cannot. The
 * workers wait for `go`, so that a failed start can send them home before
 * any barrier counts on them. */
static int pool_start(pool *p, bench_run *run, unsigned threads, size_t slice, int distribution)
{
    const ab_topology *topo = &run->machine->topology;
    memset(p, 0, sizeof *p);
    p->run = run;
    p->threads = threads;
    p->slice = slice;
    p->distribution = distribution;
    atomic_init(&p->go, false);
    atomic_init(&p->stop, false);
    hwloc_obj_t own_pu = hwloc_get_obj_by_type(topo->topo, HWLOC_OBJ_PU,
                                               (unsigned)topo->pinned_pu_logical);
    hwloc_obj_t own_core = hwloc_get_ancestor_obj_by_type(topo->topo, HWLOC_OBJ_CORE, own_pu);
    int rc = own_pu != NULL ? 0 : -1;
    for (unsigned i = 0; rc == 0 && i < threads; i++) {
        worker *w = &p->workers[i];
        hwloc_obj_t core = core_for(topo, own_core, i);
        hwloc_obj_t pu = i == 0 ? own_pu : core ? first_pu(topo->topo, core) : NULL;
        w->pool = p;
        w->index = i;
        w->pin = (ab_pin){.topo = topo->topo, .scratch = hwloc_bitmap_alloc()};
        if (pu == NULL || w->pin.scratch == NULL)
            rc = -1;
        else
            w->cpuset = pu->cpuset, w->pin.cpuset = pu->cpuset;
    }
    unsigned started = 1;
    for (unsigned i = 1; rc == 0 && i < threads; i++) {
        if (pthread_create(&p->workers[i].thread, NULL, worker_main, &p->workers[i]) != 0)
            rc = -1;
        else
            started++;
    }
    if (rc != 0) {
        atomic_store(&p->stop, true);
        atomic_store(&p->go, true);
        for (unsigned i = 1; i < started; i++)
            pthread_join(p->workers[i].thread, NULL);
        pool_free(p);
        fprintf(stderr, "actbench: cannot start %u pinned threads\n", threads);
        return -1;
    }
    pthread_barrier_init(&p->start, NULL, threads);
    pthread_barrier_init(&p->done, NULL, threads);
    atomic_store(&p->go, true);
    p->workers[0].setup_rc = setup_worker(&p->workers[0]);
    return 0;
}

static void write_point(FILE *fp, const bench_case *c, const char *dist, const char *label,
                        size_t n, unsigned threads, const scaling_point *pt,
                        const scaling_point *one, const scaling_point *copy,
                        unsigned bound_from, double hz)
{
    double t = pt->ticks_per_elem, bytes = (double)ab_case_bytes(c, n) / (double)n;
    double ratio = t / copy->ticks_per_elem;
    ab_case_put_csv(fp, c, dist);
    fprintf(fp, ",%s,%zu,%u,", label, n, threads);
    const double v[] = {t, t / hz * 1e9, bytes / (t / hz) * 1e-9, one->ticks_per_elem / t,
                        copy->ticks_per_elem, ratio};
    static const char *const formats[] = {"%.5f", "%.5f", "%.3f", "%.3f", "%.5f", "%.3f"};
    ab_csv_put_numbers(fp, 6, v, formats);
    fprintf(fp, "%d,", isfinite(ratio) && ratio <= MEMORY_BOUND_RATIO);
    if (bound_from)
        fprintf(fp, "%u", bound_from);
    fputc(',', fp);
    ab_csv_put_number(fp, pt->dispersion, "%.2f");
    fprintf(fp, ",%u,%d,", pt->kept, pt->reason[0] == '\0');
    ab_csv_put_text(fp, pt->reason);
    fputc('\n', fp);
}

static size_t thread_counts(const bench_run *run, unsigned *out)
{
    int cores = hwloc_get_nbobjs_by_type(run->machine->topology.topo, HWLOC_OBJ_CORE);
    unsigned all = cores < 1 ? 1 : cores > MAX_THREADS ? MAX_THREADS : (unsigned)cores;
    size_t k = 0;
    for (unsigned t = 1; t < all; t *= 2)
        out[k++] = t;
    out[k++] = all;
    return k;
}

/* A read+write kernel faster than AB_BENCH_FLOOR_MARGIN x the copy with
 * the same threads is a measuring error, as in the single-thread table. */
static void below_copy(scaling_point *pt, const scaling_point *copy, const bench_case *c)
{
    if (c->is_floor || c->store_only || !(copy->ticks_per_elem > 0) ||
        !(pt->ticks_per_elem < AB_BENCH_FLOOR_MARGIN * copy->ticks_per_elem))
        return;
    snprintf(pt->reason, sizeof pt->reason,
             "below copy floor: %.4g ticks/element < %.2f x %.4g (the copy with the same "
             "threads)",
             pt->ticks_per_elem, AB_BENCH_FLOOR_MARGIN, copy->ticks_per_elem);
    pt->ticks_per_elem = NAN;
}

/* Elements per thread: a multiple of 64, so every vector width divides it. */
static size_t slice_of(size_t n_total, unsigned threads)
{
    size_t slice = n_total / threads / 64 * 64;
    return slice ? slice : 64;
}

/* Times every case with each thread count at one size and writes its rows. */
static int scale_level(bench_run *run, FILE *fp, const bench_level *level, int distribution,
                       unsigned rounds, const unsigned *counts, size_t n_counts)
{
    size_t n_cases = run->n_cases;
    scaling_point *pts = calloc(n_cases * n_counts, sizeof *pts);
    double *samples = calloc(rounds, sizeof *samples);
    if (pts == NULL || samples == NULL) {
        free(pts);
        free(samples);
        fprintf(stderr, "actbench: out of memory\n");
        return -1;
    }
    size_t n_total = level->total_bytes / (2 * sizeof(float));
    for (size_t ti = 0; ti < n_counts; ti++) {
        unsigned threads = counts[ti];
        size_t slice = slice_of(n_total, threads);
        pool p;
        if (!run->opt->quiet)
            fprintf(stderr, "actbench: bench threads %s × %u: %zu cases × %u rounds\n",
                    level->label, threads, n_cases, rounds);
        if (pool_start(&p, run, threads, slice, distribution) != 0) {
            free(pts);
            free(samples);
            return -1;
        }
        for (size_t k = 0; k < n_cases; k++) {
            const bench_case *c = &run->cases[k];
            scaling_point *pt = &pts[k * n_counts + ti];
            if (c->is_floor)
                continue;
            if (threads > 1 && c->impl && (c->impl->flags & AB_FLAG_NOT_THREAD_SAFE)) {
                pt->ticks_per_elem = NAN;
                snprintf(pt->reason, sizeof pt->reason, "not thread-safe: one thread only");
                continue;
            }
            time_case(&p, c, rounds, samples, pt);
        }
        pool_stop(&p);
        ab_pin_reassert(&run->pin);
    }
    const char *dist = ab_distribution_name((ab_distribution)distribution);
    for (size_t k = 1; k < n_cases; k++) /* [0] is the copy itself */
        for (size_t ti = 0; ti < n_counts; ti++)
            below_copy(&pts[k * n_counts + ti], &pts[ti], &run->cases[k]);
    for (size_t k = 0; k < n_cases; k++) {
        if (run->cases[k].is_floor)
            continue;
        unsigned bound_from = 0;
        for (size_t ti = n_counts; ti-- > 0;) { /* from where on it stays bound */
            double ratio = pts[k * n_counts + ti].ticks_per_elem / pts[ti].ticks_per_elem;
            if (!(ratio <= MEMORY_BOUND_RATIO))
                break;
            bound_from = counts[ti];
        }
        for (size_t ti = 0; ti < n_counts; ti++)
            write_point(fp, &run->cases[k], dist, level->label, counts[ti] * slice_of(n_total, counts[ti]),
                        counts[ti], &pts[k * n_counts + ti], &pts[k * n_counts], &pts[ti],
                        bound_from, run->machine->timer.tsc_hz);
    }
    free(pts);
    free(samples);
    return 0;
}

int ab_bench_threads(bench_run *run, const bench_level *levels, size_t n_levels,
                     unsigned rounds)
{
    unsigned counts[MAX_THREADS];
    size_t n_counts = thread_counts(run, counts);
    int distribution = 0;
    while (run->opt->distributions && !(run->opt->distributions & (1u << distribution)))
        distribution++;
    ab_atomic_file f;
    if (!ab_atomic_open(&f, run->opt->output_dir, "performance_threads.csv"))
        return -1;
    fputs("activation,variant,isa,direction,distribution,size_label,n,threads,ticks_per_elem,"
          "ns_per_elem,gbytes_per_s,speedup_vs_1,copy_ticks_per_elem,ratio_to_copy,"
          "memory_bound,memory_bound_from_threads,dispersion_mdape_pct,samples_valid,valid,"
          "invalid_reason\n",
          f.fp);
    for (size_t l = 0; l < n_levels; l++)
        if (scale_level(run, f.fp, &levels[l], distribution, rounds, counts, n_counts) != 0) {
            ab_atomic_abort(&f);
            return -1;
        }
    return ab_atomic_commit(&f) ? 0 : -1;
}
