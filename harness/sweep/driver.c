/*
 * The driver of one activation's sweep (driver.h). Work is cut in blocks,
 * taken by pinned worker threads from an atomic counter. A finished block's
 * statistics are merged into the run's state under a lock and its bit set
 * in the done bitmap, so the state always describes exactly the completed
 * blocks: a checkpoint is that state written atomically (every
 * ACTBENCH_CHECKPOINT_SECONDS, and when stopped), and a resumed or sharded
 * sweep merges into exactly the result of one run.
 */
#include <inttypes.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "atomic_file.h"
#include "sweep/block.h"
#include "sweep/commit.h"
#include "sweep/cpu.h"
#include "sweep/driver.h"
#include "sweep/output.h"
#include "topology.h"

/* The signal that asked the sweep to stop (SIGINT, SIGTERM), or 0: the
 * workers finish their blocks, the state is checkpointed, and the process
 * exits 128 + the signal, as a shell expects of a process killed by it. */
static volatile sig_atomic_t g_stop;
static void on_signal(int sig)
{
    g_stop = sig;
}

int ab_exh_stop_signal(void)
{
    return g_stop;
}

void ab_exh_catch_signals(bool catch)
{
    static struct sigaction old_int, old_term;
    if (!catch) {
        sigaction(SIGINT, &old_int, NULL);
        sigaction(SIGTERM, &old_term, NULL);
        return;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    g_stop = 0; /* a new command (tests run several in one process) */
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static bool selected(const exh_options *o, const ab_impl *im)
{
    for (size_t i = 0; i < o->impl_count; i++)
        if (o->impls[i] == im)
            return true;
    return false;
}

typedef struct driver {
    ab_exh_state *st;
    ab_exh_ctx ctx;
    uint64_t *todo;
    size_t todo_count;
    uint64_t shard_blocks; /* of this shard, done or not */
    atomic_size_t next;
    atomic_uint finished;
    pthread_mutex_t lock;
    uint64_t blocks_this_session;
    unsigned threads;
    ab_topology topo;
    bool topo_ok;
    char ckpt_dir[4200], ckpt_name[4200], ckpt_path[8500];
    long kill_after; /* test hook: checkpoint after this many blocks, then die */
    double started, wall_before;
    bool failed;
    ab_exh_kernel_time kernels; /* the workers' sums, this session */
} driver;

static uint64_t block_size_of(const ab_exh_state *st)
{
    return (uint64_t)1 << st->block_bits;
}

static void block_span(const ab_exh_state *st, uint64_t b, uint64_t *first, uint64_t *count)
{
    uint64_t bs = block_size_of(st);
    *first = st->range_lo + b * bs;
    uint64_t last = *first + bs - 1;
    if (last > st->range_hi)
        last = st->range_hi;
    *count = last - *first + 1;
}

static bool save_checkpoint_locked(driver *d)
{
    d->st->wall_seconds = d->wall_before + (now_seconds() - d->started);
    return ab_exh_state_save(d->st, d->ckpt_dir, d->ckpt_name);
}

/* ---- the workers ---------------------------------------------------------------- */

typedef struct worker_arg {
    driver *d;
    unsigned index;
} worker_arg;

/* Block b's statistics into the state, and the test hook's kill. */
static void commit_block(driver *d, uint64_t b, const ab_exh_pair *out)
{
    ab_exh_state *st = d->st;
    pthread_mutex_lock(&d->lock);
    for (size_t k = 0; k < st->pair_count; k++)
        ab_exh_pair_merge(&st->pairs[k], &out[k]);
    st->done[b >> 3] |= (uint8_t)(1u << (b & 7));
    d->blocks_this_session++;
    if (d->kill_after > 0 && d->blocks_this_session == (uint64_t)d->kill_after)
        save_checkpoint_locked(d);
    if (d->kill_after > 0 && d->blocks_this_session == (uint64_t)d->kill_after + 2)
        raise(SIGKILL);
    pthread_mutex_unlock(&d->lock);
}

static void *worker_main(void *arg)
{
    worker_arg *wa = arg;
    driver *d = wa->d;
    ab_exh_state *st = d->st;
    if (d->topo_ok)
        ab_topology_pin_worker(&d->topo, wa->index);
    ab_exh_worker *w = ab_exh_worker_new(block_size_of(st));
    ab_exh_pair *out = calloc(st->pair_count, sizeof *out);
    if (w == NULL || out == NULL) {
        fprintf(stderr, "actbench: out of memory\n");
        d->failed = true;
        g_stop = 1;
    }
    while (w != NULL && out != NULL && !g_stop) {
        size_t i = atomic_fetch_add(&d->next, 1);
        if (i >= d->todo_count)
            break;
        uint64_t b = d->todo[i], first, count;
        block_span(st, b, &first, &count);
        ab_exh_eval_block(w, &d->ctx, st->pairs, st->pair_count, first, count, out);
        commit_block(d, b, out);
    }
    if (w != NULL) {
        ab_exh_kernel_time kt = ab_exh_worker_kernel_time(w);
        pthread_mutex_lock(&d->lock);
        d->kernels.seconds += kt.seconds;
        d->kernels.thread_seconds += kt.thread_seconds;
        d->kernels.calls += kt.calls;
        d->kernels.ftz_skipped += kt.ftz_skipped;
        pthread_mutex_unlock(&d->lock);
    }
    free(out);
    ab_exh_worker_free(w);
    mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE); /* this thread's constants (LeakSanitizer) */
    atomic_fetch_add(&d->finished, 1);
    return NULL;
}

/* ---- setting up ------------------------------------------------------------------ */

/* The configuration and the pairs (every supported elementwise
 * implementation of act the options select). Returns the number of pairs,
 * or -1 out of memory; *thread_unsafe when a kernel is not thread-safe. */
static long init_state(const exh_options *o, const ab_activation *act, ab_exh_state *st,
                       bool *thread_unsafe)
{
    memset(st, 0, sizeof *st);
    snprintf(st->activation, sizeof st->activation, "%s", act->name);
    st->format = o->format;
    st->mpfr_reference = o->mpfr || o->format != AB_FMT_BINARY32;
    st->range_lo = o->range_given ? o->range_lo : 0;
    st->range_hi = o->range_given ? o->range_hi : ab_exh_format_top(o->format);
    st->shard_k = o->shard_k;
    st->shard_n = o->shard_n;
    st->block_bits = o->format == AB_FMT_BINARY32 ? 16 : 10;
    const char *bb = getenv("ACTBENCH_EXH_BLOCK_BITS"); /* tests: more, smaller blocks */
    if (bb != NULL && atoi(bb) >= AB_EXH_MIN_BLOCK_BITS && atoi(bb) <= AB_EXH_MAX_BLOCK_BITS)
        st->block_bits = (unsigned)atoi(bb);
    st->block_count = ((st->range_hi - st->range_lo) >> st->block_bits) + 1;
    st->shards_merged = 1;
    st->grid_lo = act->range_lo;
    st->grid_hi = act->range_hi;
    st->cpu = *ab_exh_cpu_this();
    st->pairs = calloc(2 * ab_impl_count() + 1, sizeof *st->pairs);
    st->done = calloc((st->block_count + 7) / 8, 1);
    if (st->pairs == NULL || st->done == NULL) {
        fprintf(stderr, "actbench: out of memory\n");
        return -1;
    }
    *thread_unsafe = false;
    size_t n = 0;
    for (int d = 0; d < 2; d++)
        for (size_t i = 0; i < ab_impl_count(); i++) {
            const ab_impl *im = ab_impl_at(i);
            if (strcmp(im->activation, act->name) != 0 || (im->flags & AB_FLAG_VECTOR) ||
                !ab_impl_supported(im) || !selected(o, im) ||
                !(o->dir_mask & (1u << d)) || ab_impl_kernel(im, (ab_direction)d) == NULL)
                continue;
            ab_exh_pair *p = &st->pairs[n++];
            snprintf(p->variant, sizeof p->variant, "%s", im->variant);
            p->dir = (ab_direction)d;
            p->impl = im;
            ab_exh_pair_reset(p);
            *thread_unsafe |= (im->flags & AB_FLAG_NOT_THREAD_SAFE) != 0;
        }
    st->pair_count = n;
    return (long)n;
}

/* The checkpoint's directory, name and path: --checkpoint (with
 * .ACTIVATION when several), else exh_dir/BASE.ckpt. */
static bool checkpoint_path(driver *d, const exh_options *o, const ab_activation *act,
                            bool several_activations, const char *exh_dir, const char *base)
{
    if (o->checkpoint != NULL) {
        char path[4096];
        snprintf(path, sizeof path, "%s%s%s", o->checkpoint, several_activations ? "." : "",
                 several_activations ? act->name : "");
        const char *slash = strrchr(path, '/');
        if (slash == NULL) {
            snprintf(d->ckpt_dir, sizeof d->ckpt_dir, ".");
            snprintf(d->ckpt_name, sizeof d->ckpt_name, "%s", path);
        } else {
            snprintf(d->ckpt_dir, sizeof d->ckpt_dir, "%.*s", (int)(slash - path), path);
            snprintf(d->ckpt_name, sizeof d->ckpt_name, "%s", slash + 1);
            if (d->ckpt_dir[0] == '\0')
                snprintf(d->ckpt_dir, sizeof d->ckpt_dir, "/");
        }
        if (!ab_ensure_output_dir(d->ckpt_dir))
            return false;
    } else {
        snprintf(d->ckpt_dir, sizeof d->ckpt_dir, "%s", exh_dir);
        snprintf(d->ckpt_name, sizeof d->ckpt_name, "%s.ckpt", base);
    }
    snprintf(d->ckpt_path, sizeof d->ckpt_path, "%s/%s", d->ckpt_dir, d->ckpt_name);
    return true;
}

/* Continues an existing checkpoint of the same sweep (the state takes its
 * statistics and bitmap); false with a message when it is unreadable or of
 * another sweep, or when --resume finds none. */
static bool resume_checkpoint(driver *d, const exh_options *o, const ab_activation *act)
{
    ab_exh_state *st = d->st;
    if (access(d->ckpt_path, F_OK) != 0) {
        if (o->resume)
            fprintf(stderr, "actbench: --resume: no checkpoint %s\n", d->ckpt_path);
        return !o->resume;
    }
    ab_exh_state old;
    if (!ab_exh_state_load(d->ckpt_path, &old))
        return false;
    if (!ab_exh_state_same_config(&old, st, false)) {
        fprintf(stderr,
                "actbench: checkpoint %s is for a different sweep (activation, format, "
                "range, shard, reference or implementations differ); remove it or give "
                "another --checkpoint\n",
                d->ckpt_path);
        ab_exh_state_free(&old);
        return false;
    }
    for (size_t i = 0; i < st->pair_count; i++)
        old.pairs[i].impl = st->pairs[i].impl;
    free(st->pairs);
    free(st->done);
    st->pairs = old.pairs;
    st->done = old.done;
    st->wall_seconds = old.wall_seconds;
    ab_exh_cpu_join(&old.cpu, &st->cpu); /* resumed on another CPU: both are listed */
    st->cpu = old.cpu;
    if (!o->quiet)
        fprintf(stderr, "actbench: %s: resuming from %s (%" PRIu64 " of %" PRIu64
                        " blocks done)\n",
                act->name, d->ckpt_path, ab_exh_blocks_done(st), st->block_count);
    return true;
}

/* The blocks of this shard, and those still to do. */
static bool list_todo(driver *d)
{
    const ab_exh_state *st = d->st;
    d->todo = malloc(st->block_count * sizeof *d->todo);
    if (d->todo == NULL)
        return false;
    for (uint64_t b = 0; b < st->block_count; b++) {
        if (b % st->shard_n != st->shard_k - 1)
            continue;
        d->shard_blocks++;
        if (!ab_exh_block_done(st, b))
            d->todo[d->todo_count++] = b;
    }
    return true;
}

/* Threads (all PUs unless given; 1 when a kernel is not thread-safe), the
 * topology for pinning, and the environment's test hooks. */
static void setup_threads(driver *d, const exh_options *o, const ab_activation *act,
                          bool thread_unsafe)
{
    d->threads = o->threads;
    d->topo_ok = ab_topology_init(&d->topo) == 0;
    if (d->threads == 0)
        d->threads = d->topo_ok && d->topo.pu_count > 0 ? d->topo.pu_count
                                                        : (unsigned)sysconf(_SC_NPROCESSORS_ONLN);
    if (thread_unsafe && d->threads > 1) {
        if (!o->quiet)
            fprintf(stderr, "actbench: %s: an implementation is not thread-safe: 1 thread\n",
                    act->name);
        d->threads = 1;
    }
    d->st->threads = d->threads;
    const char *ka = getenv("ACTBENCH_TEST_KILL_AFTER_BLOCKS");
    d->kill_after = ka ? atol(ka) : 0;
}

/* ---- running ---------------------------------------------------------------------- */

static void format_eta(char *buf, size_t size, double s)
{
    if (!(s < 1e7))
        snprintf(buf, size, "?");
    else if (s >= 3600)
        snprintf(buf, size, "%dh%02dm", (int)(s / 3600), (int)fmod(s / 60, 60));
    else
        snprintf(buf, size, "%dm%02ds", (int)(s / 60), (int)fmod(s, 60));
}

static void show_progress(driver *d, const char *name, double t)
{
    pthread_mutex_lock(&d->lock);
    uint64_t now_done = d->blocks_this_session;
    pthread_mutex_unlock(&d->lock);
    uint64_t done_before = d->shard_blocks - d->todo_count;
    double el = t - d->started;
    double rate = (double)now_done * (double)block_size_of(d->st) / (el > 0 ? el : 1);
    char eta[32];
    format_eta(eta, sizeof eta,
               now_done ? el * (double)(d->todo_count - now_done) / (double)now_done : 1e9);
    fprintf(stderr, "\r%s: %" PRIu64 "/%" PRIu64 " blocks %5.1f%%  %.1f M inputs/s  ETA %s   ",
            name, done_before + now_done, d->shard_blocks,
            100.0 * (double)(done_before + now_done) / (double)d->shard_blocks, rate / 1e6, eta);
}

/* Starts the workers and waits for them, checkpointing every interval
 * seconds and showing progress; returns the number of threads started. */
static unsigned run_workers(driver *d, const char *name, bool progress)
{
    double interval = 10.0;
    const char *ci = getenv("ACTBENCH_CHECKPOINT_SECONDS");
    if (ci != NULL && atof(ci) > 0)
        interval = atof(ci);
    pthread_t *tids = calloc(d->threads, sizeof *tids);
    worker_arg *args = calloc(d->threads, sizeof *args);
    unsigned started = 0;
    for (unsigned t = 0; tids && args && t < d->threads; t++) {
        args[t].d = d;
        args[t].index = t;
        if (pthread_create(&tids[t], NULL, worker_main, &args[t]) != 0)
            break;
        started++;
    }
    double last_ckpt = d->started, last_progress = 0;
    while (started > 0 && atomic_load(&d->finished) < started) {
        struct timespec ts = {0, 100 * 1000 * 1000};
        nanosleep(&ts, NULL);
        double t = now_seconds();
        if (t - last_ckpt >= interval) {
            pthread_mutex_lock(&d->lock);
            save_checkpoint_locked(d);
            pthread_mutex_unlock(&d->lock);
            last_ckpt = t;
        }
        if (progress && t - last_progress >= 1.0) {
            show_progress(d, name, t);
            last_progress = t;
        }
    }
    for (unsigned t = 0; t < started; t++)
        pthread_join(tids[t], NULL);
    free(tids);
    free(args);
    if (progress)
        fprintf(stderr, "\n");
    return started;
}

/* The blocks of this shard not done. */
static uint64_t blocks_remaining(const ab_exh_state *st)
{
    uint64_t remaining = 0;
    for (uint64_t b = 0; b < st->block_count; b++)
        if (b % st->shard_n == st->shard_k - 1 && !ab_exh_block_done(st, b))
            remaining++;
    return remaining;
}

/* How much of the workers' CPU time the kernels took, and how many of their
 * calls needed the FTZ/DAZ run too (this session's blocks only): what a
 * faster verdict path can and cannot win, for a shard's sample as for a
 * whole sweep. */
static void report_kernel_share(const driver *d)
{
    const ab_exh_kernel_time *k = &d->kernels;
    if (k->thread_seconds > 0 && k->calls > 0)
        fprintf(stderr, "actbench: %s: the kernels took %.1f s of the workers' %.1f s of CPU "
                        "time (%.0f %%); FTZ/DAZ runs: %.0f %% of the %" PRIu64 " calls\n",
                d->st->activation, k->seconds, k->thread_seconds,
                100 * k->seconds / k->thread_seconds,
                100 * (1 - (double)k->ftz_skipped / (double)k->calls), k->calls);
}

/* Every block done: a shard writes its state, a whole sweep its outputs. */
static bool write_result(const driver *d, const exh_options *o, const char *exh_dir,
                         const char *base)
{
    const ab_exh_state *st = d->st;
    if (st->shard_n > 1) {
        char name[600], why[200];
        snprintf(name, sizeof name, "%s.state", base);
        if (!ab_exh_state_check(st, why, sizeof why)) {
            fprintf(stderr, "actbench: error: %s: the shard's state is inconsistent (%s); "
                            "nothing written (please report it)\n", st->activation, why);
            return false;
        }
        if (!ab_exh_state_save(st, exh_dir, name))
            return false;
        if (!o->quiet) /* under MPI (keep_finished_shard) rank 0 merges */
            fprintf(stderr, "actbench: %s: shard %u/%u done in %.1f s: %s/%s (%s)\n",
                    st->activation, st->shard_k, st->shard_n, st->wall_seconds, exh_dir, name,
                    o->keep_finished_shard ? "MPI rank 0 merges" : "combine with actbench merge");
        if (!o->quiet)
            report_kernel_share(d);
        return true;
    }
    if (!ab_exh_write_outputs(st, exh_dir))
        return false;
    if (!o->quiet) {
        uint64_t fb = 0;
        for (size_t i = 0; i < st->pair_count; i++)
            fb += st->pairs[i].fallbacks;
        fprintf(stderr, "actbench: %s: %zu implementation-directions, %" PRIu64
                        " inputs in %.1f s (%.1f M inputs/s, %u threads, %" PRIu64
                        " MPFR fallbacks) -> %s\n",
                st->activation, st->pair_count, st->range_hi - st->range_lo + 1,
                st->wall_seconds, (double)(st->range_hi - st->range_lo + 1) / st->wall_seconds / 1e6,
                st->threads, fb, exh_dir);
        report_kernel_share(d);
    }
    return true;
}

/* Runs the blocks to do (the caller catches the signals); then the result,
 * or a checkpoint when stopped. Returns the exit status. */
static int run_and_finish(driver *d, const exh_options *o, const char *exh_dir,
                          const char *base)
{
    ab_exh_state *st = d->st;
    pthread_mutex_init(&d->lock, NULL);
    d->started = now_seconds();
    d->wall_before = st->wall_seconds;
    unsigned started = run_workers(d, st->activation, !o->quiet && isatty(2));
    st->wall_seconds = d->wall_before + (now_seconds() - d->started);

    uint64_t remaining = blocks_remaining(st);
    if (started == 0 || d->failed || remaining > 0) {
        if (ab_exh_state_save(st, d->ckpt_dir, d->ckpt_name))
            fprintf(stderr,
                    "actbench: %s: %s after %" PRIu64 " of %" PRIu64 " blocks; checkpoint %s; "
                    "run the same command again (or add --resume) to continue\n",
                    st->activation, g_stop ? "interrupted" : "stopped",
                    d->shard_blocks - remaining, d->shard_blocks, d->ckpt_path);
        return g_stop ? 128 + g_stop : 1;
    }
    if (!write_result(d, o, exh_dir, base))
        return 1;
    unlink(d->ckpt_path);
    ab_exh_remove_temps(d->ckpt_dir, d->ckpt_name);
    return 0;
}

void ab_exh_sweep_base(const exh_options *o, const ab_activation *act, char *buf, size_t size)
{
    ab_exh_state st;
    memset(&st, 0, sizeof st);
    snprintf(st.activation, sizeof st.activation, "%s", act->name);
    st.format = o->format;
    st.range_lo = o->range_given ? o->range_lo : 0;
    st.range_hi = o->range_given ? o->range_hi : ab_exh_format_top(o->format);
    ab_exh_base_name(&st, buf, size);
    if (o->shard_n > 1) {
        size_t len = strlen(buf);
        snprintf(buf + len, size - len, ".shard-%u-of-%u", o->shard_k, o->shard_n);
    }
}

/* A shard state exh_dir/base.state of this very sweep with all the shard's
 * blocks done (a rank that finished before another failed): it is kept as
 * it is, and only the failed ranks' shards run again. */
static bool finished_shard(const ab_exh_state *st, const exh_options *o, const char *exh_dir,
                           const char *base)
{
    char path[4800];
    snprintf(path, sizeof path, "%s/%s.state", exh_dir, base);
    if (access(path, F_OK) != 0)
        return false;
    ab_exh_state old;
    if (!ab_exh_state_load(path, &old))
        return false;
    bool done = ab_exh_state_same_config(&old, st, false) && blocks_remaining(&old) == 0;
    ab_exh_state_free(&old);
    if (done && !o->quiet)
        fprintf(stderr, "actbench: %s: shard %u/%u already done (%s): kept\n", st->activation,
                st->shard_k, st->shard_n, path);
    return done;
}

int ab_exh_run_sweep(const exh_options *o, const ab_activation *act, const char *exh_dir,
                     bool several_activations)
{
    ab_exh_state st;
    bool thread_unsafe;
    long n = init_state(o, act, &st, &thread_unsafe);
    if (n <= 0) {
        if (n == 0 && !o->quiet)
            fprintf(stderr, "actbench: %s: no implementation selected, skipped\n", act->name);
        ab_exh_state_free(&st);
        return n == 0 ? 0 : 1;
    }
    char base[512];
    ab_exh_sweep_base(o, act, base, sizeof base);
    driver *d = calloc(1, sizeof *d);
    if (d == NULL) {
        ab_exh_state_free(&st);
        return 1;
    }
    d->st = &st;
    int rc = 1, lock = -1;
    if (checkpoint_path(d, o, act, several_activations, exh_dir, base) &&
        (lock = ab_exh_lock_base(exh_dir, base)) >= 0) {
        ab_exh_remove_temps(d->ckpt_dir, d->ckpt_name); /* a killed run's */
        if (o->keep_finished_shard && finished_shard(&st, o, exh_dir, base))
            rc = 0;
        else if (resume_checkpoint(d, o, act) && list_todo(d)) {
            ab_exh_ctx_init(&d->ctx, act, st.format, st.mpfr_reference);
            setup_threads(d, o, act, thread_unsafe);
            rc = run_and_finish(d, o, exh_dir, base);
        }
    }
    ab_exh_unlock_base(lock);
    if (d->topo_ok)
        ab_topology_destroy(&d->topo);
    free(d->todo);
    free(d);
    ab_exh_state_free(&st);
    return rc;
}
