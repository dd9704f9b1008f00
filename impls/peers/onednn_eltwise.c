/* The oneDNN side of every peer-onednn kernel.
 *
 * Fairness: a oneDNN user creates a primitive once and executes it many
 * times, so creation happens outside the timed region — on the first call
 * for a given (algorithm, alpha, beta, n, direction), which the bench's
 * warm-up call makes. Each thread keeps its own cache (and stream and
 * memory objects, whose data handles are rebound on every call), so the
 * kernels are thread-safe without a lock in the timed path.
 *
 * One thread: the Debian oneDNN runs its parallel regions on OpenMP, sized
 * by the calling thread's omp_get_max_threads(). Each calling thread sets
 * its own OpenMP thread count to 1 before its first primitive is created
 * (an OpenMP ICV is per thread, so this touches no other thread's
 * setting); tests/test_peers.c checks that no worker thread appears. */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#if defined(AB_DNNL_OMP)
#include <omp.h>
#endif

#include "onednn_eltwise.h"

enum { CACHE_SLOTS = 512 }; /* the bench interleaves ~11 algorithms × 2 directions × 2 sizes × 4 levels: a smaller cache would evict inside the timed region */

typedef struct eltwise_entry {
    bool used;
    dnnl_alg_kind_t alg;
    float alpha, beta;
    ab_direction dir;
    size_t n;
    dnnl_primitive_t primitive;
    dnnl_memory_t src, dst;   /* dst: diff_src for the derivative */
    dnnl_memory_t diff_dst;   /* derivative only: n ones */
    float *ones;
} eltwise_entry;

typedef struct thread_cache {
    dnnl_stream_t stream;
    size_t next_victim;
    eltwise_entry slot[CACHE_SLOTS];
} thread_cache;

static dnnl_engine_t engine;
static pthread_once_t engine_once = PTHREAD_ONCE_INIT;
static pthread_key_t cache_key;
static _Thread_local thread_cache *this_thread_cache;

static void entry_release(eltwise_entry *e)
{
    if (!e->used)
        return;
    if (e->primitive)
        dnnl_primitive_destroy(e->primitive);
    if (e->src)
        dnnl_memory_destroy(e->src);
    if (e->dst)
        dnnl_memory_destroy(e->dst);
    if (e->diff_dst)
        dnnl_memory_destroy(e->diff_dst);
    free(e->ones);
    *e = (eltwise_entry){0};
}

static void cache_release(void *p)
{
    thread_cache *c = p;
    for (size_t i = 0; i < CACHE_SLOTS; i++)
        entry_release(&c->slot[i]);
    if (c->stream)
        dnnl_stream_destroy(c->stream);
    free(c);
}

static void engine_init(void)
{
    /* Like for like: this machine exposes AVX-512, and oneDNN would pick its
     * avx512_core kernels; the peers are compared with our AVX2 kernels, so
     * oneDNN is capped at AVX2 unless the user set DNNL_MAX_CPU_ISA. oneDNN
     * reads the variable at its first ISA query, which is below. */
    setenv("DNNL_MAX_CPU_ISA", "AVX2", 0);
    if (dnnl_engine_create(&engine, dnnl_cpu, 0) != dnnl_success)
        engine = NULL;
    pthread_key_create(&cache_key, cache_release);
}

static thread_cache *cache_get(void)
{
    if (this_thread_cache)
        return this_thread_cache;
    pthread_once(&engine_once, engine_init);
    if (engine == NULL)
        return NULL;
#if defined(AB_DNNL_OMP)
    omp_set_num_threads(1);
#endif
    thread_cache *c = calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    if (dnnl_stream_create(&c->stream, engine, dnnl_stream_default_flags) != dnnl_success) {
        free(c);
        return NULL;
    }
    pthread_setspecific(cache_key, c); /* released when the thread exits */
    this_thread_cache = c;
    return c;
}

static bool entry_create(eltwise_entry *e, dnnl_alg_kind_t alg, float alpha, float beta,
                         ab_direction dir, size_t n)
{
    *e = (eltwise_entry){.used = true, .alg = alg, .alpha = alpha, .beta = beta,
                         .dir = dir, .n = n};
    dnnl_dims_t dims = {(dnnl_dim_t)n};
    dnnl_memory_desc_t md;
    if (dnnl_memory_desc_init_by_tag(&md, 1, dims, dnnl_f32, dnnl_a) != dnnl_success)
        return false;

    dnnl_eltwise_desc_t fwd_desc;
    dnnl_prop_kind_t prop = dir == AB_FORWARD ? dnnl_forward_inference : dnnl_forward_training;
    if (dnnl_eltwise_forward_desc_init(&fwd_desc, prop, alg, &md, alpha, beta) != dnnl_success)
        return false;
    dnnl_primitive_desc_t fwd_pd;
    if (dnnl_primitive_desc_create(&fwd_pd, &fwd_desc, NULL, engine, NULL) != dnnl_success)
        return false;

    dnnl_status_t status;
    if (dir == AB_FORWARD) {
        status = dnnl_primitive_create(&e->primitive, fwd_pd);
    } else {
        dnnl_eltwise_desc_t bwd_desc;
        dnnl_primitive_desc_t bwd_pd = NULL;
        status = dnnl_eltwise_backward_desc_init(&bwd_desc, alg, &md, &md, alpha, beta);
        if (status == dnnl_success)
            status = dnnl_primitive_desc_create(&bwd_pd, &bwd_desc, NULL, engine, fwd_pd);
        if (status == dnnl_success)
            status = dnnl_primitive_create(&e->primitive, bwd_pd);
        if (bwd_pd)
            dnnl_primitive_desc_destroy(bwd_pd);
    }
    dnnl_primitive_desc_destroy(fwd_pd);
    if (status != dnnl_success) {
        e->primitive = NULL;
        return false;
    }

    if (dnnl_memory_create(&e->src, &md, engine, DNNL_MEMORY_NONE) != dnnl_success ||
        dnnl_memory_create(&e->dst, &md, engine, DNNL_MEMORY_NONE) != dnnl_success)
        return false;
    if (dir == AB_DERIVATIVE) {
        e->ones = malloc(n * sizeof *e->ones);
        if (e->ones == NULL)
            return false;
        for (size_t i = 0; i < n; i++)
            e->ones[i] = 1.0f;
        if (dnnl_memory_create(&e->diff_dst, &md, engine, e->ones) != dnnl_success)
            return false;
    }
    return true;
}

/* Open addressing from a hash of the key: the lookup stays a few compares
 * however many primitives the bench keeps alive. */
static eltwise_entry *entry_find(thread_cache *c, dnnl_alg_kind_t alg, float alpha, float beta,
                                 ab_direction dir, size_t n)
{
    uint64_t h = ((uint64_t)n * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)alg * 0xBF58476D1CE4E5B9ull) ^
                 (uint64_t)dir;
    size_t start = (size_t)(h >> 40) % CACHE_SLOTS;
    eltwise_entry *e = NULL;
    for (size_t k = 0; k < CACHE_SLOTS; k++) {
        eltwise_entry *s = &c->slot[(start + k) % CACHE_SLOTS];
        if (!s->used) {
            e = s;
            break;
        }
        if (s->alg == alg && s->alpha == alpha && s->beta == beta && s->dir == dir && s->n == n)
            return s;
    }
    if (e == NULL) { /* full: evict round-robin */
        e = &c->slot[c->next_victim];
        c->next_victim = (c->next_victim + 1) % CACHE_SLOTS;
        entry_release(e);
    }
    if (!entry_create(e, alg, alpha, beta, dir, n)) {
        entry_release(e);
        return NULL;
    }
    return e;
}

void ab_onednn_eltwise(dnnl_alg_kind_t alg, float alpha, float beta, ab_direction dir,
                       const float *x, float *y, size_t n)
{
    if (n == 0)
        return;
    thread_cache *c = cache_get();
    eltwise_entry *e = c ? entry_find(c, alg, alpha, beta, dir, n) : NULL;
    bool ok = e != NULL;
    if (ok) {
        /* oneDNN takes void *; the source is only read. */
        ok = dnnl_memory_set_data_handle(e->src, (void *)(uintptr_t)x) == dnnl_success &&
             dnnl_memory_set_data_handle(e->dst, y) == dnnl_success;
    }
    if (ok) {
        dnnl_exec_arg_t args[3];
        int nargs;
        if (dir == AB_FORWARD) {
            args[0] = (dnnl_exec_arg_t){DNNL_ARG_SRC, e->src};
            args[1] = (dnnl_exec_arg_t){DNNL_ARG_DST, e->dst};
            nargs = 2;
        } else {
            args[0] = (dnnl_exec_arg_t){DNNL_ARG_SRC, e->src};
            args[1] = (dnnl_exec_arg_t){DNNL_ARG_DIFF_DST, e->diff_dst};
            args[2] = (dnnl_exec_arg_t){DNNL_ARG_DIFF_SRC, e->dst};
            nargs = 3;
        }
        ok = dnnl_primitive_execute(e->primitive, c->stream, nargs, args) == dnnl_success &&
             dnnl_stream_wait(c->stream) == dnnl_success;
    }
    if (!ok)
        for (size_t i = 0; i < n; i++)
            y[i] = NAN;
}
