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
 * setting); tests/test_peers.c checks that no worker thread appears.
 *
 * Two copies of oneDNN in one process. AB_ONEDNN_CAPPED is the libdnnl the
 * program links, capped at AVX2 (DNNL_MAX_CPU_ISA) so that it is compared
 * with our AVX2 kernels. AB_ONEDNN_NATIVE is a second, independent copy of
 * the same libdnnl.so.2 loaded with dlmopen(LM_ID_NEWLM): a new link-map
 * namespace gets its own oneDNN (and libgomp, libstdc++, libc) with its own
 * global ISA setting, set to dnnl_cpu_isa_all before its first primitive, so
 * it runs what oneDNN chooses for this CPU (avx512_core on an AVX-512
 * machine) in the same run as the capped copy. Both are driven through one
 * table of function pointers (dnnl_api): the linked symbols, or dlsym's of
 * the copy. Sharing threads between two libcs needs care with their
 * thread-specific keys (native_init's comment says why and how). The copy
 * is loaded when the peers are registered, on a CPU that can run it; if it
 * cannot be loaded, its entries are not registered (ab_onednn_registrable)
 * and a message says why. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* dlmopen, LM_ID_NEWLM */
#endif
#include <dlfcn.h>
#include <gnu/lib-names.h> /* LIBC_SO */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h> /* environ */

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

typedef struct dnnl_api dnnl_api;

typedef struct thread_cache {
    const dnnl_api *api; /* of the copy this cache belongs to */
    dnnl_stream_t stream;
    size_t next_victim;
    eltwise_entry slot[CACHE_SLOTS];
} thread_cache;

/* Every oneDNN function this file calls, as pointers. */
#define DNNL_API_FUNCTIONS(X)                                                              \
    X(engine_create) X(stream_create) X(stream_destroy) X(stream_wait)                     \
    X(memory_desc_init_by_tag) X(memory_create) X(memory_destroy)                          \
    X(memory_set_data_handle) X(eltwise_forward_desc_init) X(eltwise_backward_desc_init)   \
    X(primitive_desc_create) X(primitive_desc_destroy) X(primitive_desc_query)             \
    X(primitive_create) X(primitive_destroy) X(primitive_execute) X(set_max_cpu_isa)

struct dnnl_api {
#define DNNL_API_MEMBER(f) __typeof__(&dnnl_##f) f;
    DNNL_API_FUNCTIONS(DNNL_API_MEMBER)
#undef DNNL_API_MEMBER
    void (*omp_set_num_threads)(int); /* the copy's own OpenMP runtime, or NULL */
};

typedef struct onednn_copy {
    dnnl_api api;
    dnnl_engine_t engine;
    pthread_once_t once;
    pthread_key_t cache_key;
    char impl_info[64]; /* the query primitive's implementation string */
    bool has_impl_info;
    char unusable_why[160]; /* when engine is NULL */
    char **libc_environ;    /* the second libc's environment, for the process's life (kept
                               here too: a leak checker does not scan that libc) */
} onednn_copy;

static onednn_copy copies[AB_ONEDNN_COPIES] = {
    [AB_ONEDNN_CAPPED] = {.once = PTHREAD_ONCE_INIT},
    [AB_ONEDNN_NATIVE] = {.once = PTHREAD_ONCE_INIT},
};
static _Thread_local thread_cache *this_thread_cache[AB_ONEDNN_COPIES];

static void entry_release(const dnnl_api *api, eltwise_entry *e)
{
    if (!e->used)
        return;
    if (e->primitive)
        api->primitive_destroy(e->primitive);
    if (e->src)
        api->memory_destroy(e->src);
    if (e->dst)
        api->memory_destroy(e->dst);
    if (e->diff_dst)
        api->memory_destroy(e->diff_dst);
    free(e->ones);
    *e = (eltwise_entry){0};
}

static void cache_release(void *p)
{
    thread_cache *c = p;
    for (size_t i = 0; i < CACHE_SLOTS; i++)
        entry_release(c->api, &c->slot[i]);
    if (c->stream)
        c->api->stream_destroy(c->stream);
    free(c);
}

static void capped_init(void)
{
    onednn_copy *copy = &copies[AB_ONEDNN_CAPPED];
#define DNNL_API_LINKED(f) copy->api.f = dnnl_##f;
    DNNL_API_FUNCTIONS(DNNL_API_LINKED)
#undef DNNL_API_LINKED
#if defined(AB_DNNL_OMP)
    copy->api.omp_set_num_threads = omp_set_num_threads;
#endif
    /* Like for like: this machine exposes AVX-512, and oneDNN would pick its
     * avx512_core kernels; this copy is compared with our AVX2 kernels, so
     * it is capped at AVX2 unless the user set DNNL_MAX_CPU_ISA. oneDNN
     * reads the variable at its first ISA query, which is below. */
    setenv("DNNL_MAX_CPU_ISA", "AVX2", 0);
    if (dnnl_engine_create(&copy->engine, dnnl_cpu, 0) != dnnl_success)
        copy->engine = NULL;
    pthread_key_create(&copy->cache_key, cache_release);
}

/* The second namespace gets its own libc, with its own table of pthread
 * keys, but shares the threads, and with them each thread's key slots (the
 * first 32 live in the thread descriptor). Left alone, its libgomp's keys
 * take slots 0 and 1, which the program's libc has given to other libraries:
 * with libtorch in the process one of them has destructor free, and at
 * thread exit the program's libc ran it on the address the second libgomp
 * had stored there (omp_set_num_threads stores its per-thread state), a
 * pointer into static TLS: free(): invalid pointer. So the slots are
 * partitioned before the second libgomp and oneDNN are loaded: the program's
 * libc reserves TSD_RESERVED slots (keys without destructor, never set),
 * the second libc fills every other slot of the first block with keys of
 * its own, so that the second namespace's keys can only land in the reserved
 * slots, which the program's libc skips at thread exit. What the second
 * namespace keeps per thread (libgomp's state, its malloc's cache) is
 * therefore never released: a few hundred bytes per thread that used the
 * copy. pthread_key_t is the slot index in glibc (the only libc with
 * dlmopen). */
enum { TSD_FIRST_BLOCK = 32, TSD_RESERVED = 8 };

/* The second libc's pthread_key_create and pthread_key_delete. */
typedef struct libc2_keys {
    int (*create_key)(pthread_key_t *, void (*)(void *));
    int (*delete_key)(pthread_key_t);
} libc2_keys;

static bool libc2_keys_find(void *libc2, libc2_keys *keys)
{
    /* Function pointers from dlsym's object pointers (POSIX guarantees it). */
    void *sym = dlsym(libc2, "pthread_key_create");
    memcpy(&keys->create_key, &sym, sizeof sym);
    sym = dlsym(libc2, "pthread_key_delete");
    memcpy(&keys->delete_key, &sym, sizeof sym);
    return keys->create_key != NULL && keys->delete_key != NULL;
}

static bool slot_reserved(const pthread_key_t *reserved, size_t count, pthread_key_t k)
{
    for (size_t i = 0; i < count; i++)
        if (reserved[i] == k)
            return true;
    return false;
}

/* Reserves the slots in both libcs; false (why in err) when the program's
 * libc has no free slot left in the first block. */
static bool tsd_partition(const libc2_keys *keys2, pthread_key_t *reserved, size_t *count,
                          char *err, size_t errlen)
{
    *count = 0;
    for (size_t i = 0; i < TSD_RESERVED; i++) {
        pthread_key_t k;
        if (pthread_key_create(&k, NULL) != 0)
            break;
        if (k < TSD_FIRST_BLOCK)
            reserved[(*count)++] = k;
        else
            pthread_key_delete(k);
    }
    if (*count < 2) {
        snprintf(err, errlen, "no free thread-specific slots to give its libgomp");
        return false;
    }
    /* Fill the first block (a key takes the lowest free slot), then free the
     * reserved slots again: they are the only ones left for the libraries. */
    pthread_key_t filled[TSD_FIRST_BLOCK];
    size_t nfilled = 0;
    while (nfilled < TSD_FIRST_BLOCK && keys2->create_key(&filled[nfilled], NULL) == 0) {
        if (filled[nfilled] >= TSD_FIRST_BLOCK) {
            keys2->delete_key(filled[nfilled]);
            break;
        }
        nfilled++;
    }
    for (size_t i = 0; i < nfilled; i++)
        if (slot_reserved(reserved, *count, filled[i]))
            keys2->delete_key(filled[i]);
    return true;
}

/* True when every key the second namespace holds sits in a reserved slot:
 * its next key would still land in one. */
static bool tsd_partition_held(const libc2_keys *keys2, const pthread_key_t *reserved, size_t count)
{
    pthread_key_t probe;
    if (keys2->create_key(&probe, NULL) != 0)
        return false;
    bool held = slot_reserved(reserved, count, probe);
    keys2->delete_key(probe);
    return held;
}

/* The second libc starts with the program's environ array, which a later
 * setenv may reallocate and free; it gets a copy of its own, taken now
 * (oneDNN reads its DNNL_* variables lazily). */
static bool environ_copy_give(onednn_copy *native, void *libc2)
{
    char ***environ2;
    void *sym = dlsym(libc2, "environ");
    memcpy(&environ2, &sym, sizeof sym);
    if (environ2 == NULL)
        return false;
    size_t n = 0;
    while (environ[n] != NULL)
        n++;
    char **env = native->libc_environ = calloc(n + 1, sizeof *env);
    if (env == NULL)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((env[i] = strdup(environ[i])) == NULL)
            return false;
    *environ2 = env;
    return true;
}

static void native_init(void)
{
    onednn_copy *copy = &copies[AB_ONEDNN_NATIVE];
    copy->engine = NULL;
    pthread_key_create(&copy->cache_key, cache_release);
    char *err = copy->unusable_why;
    size_t errlen = sizeof copy->unusable_why;
    /* The new namespace gets its libc first, so that its keys and environ are
     * set up before libgomp's and oneDNN's constructors run. */
    void *libc2 = dlmopen(LM_ID_NEWLM, LIBC_SO, RTLD_NOW | RTLD_LOCAL);
    Lmid_t lmid;
    if (libc2 == NULL || dlinfo(libc2, RTLD_DI_LMID, &lmid) != 0) {
        snprintf(err, errlen, "dlmopen %s: %s", LIBC_SO, dlerror());
        return;
    }
    libc2_keys keys2;
    if (!libc2_keys_find(libc2, &keys2)) {
        snprintf(err, errlen, "its libc has no pthread_key_create");
        return;
    }
    pthread_key_t reserved[TSD_RESERVED];
    size_t reserved_count;
    if (!tsd_partition(&keys2, reserved, &reserved_count, err, errlen))
        return;
    if (!environ_copy_give(copy, libc2)) {
        snprintf(err, errlen, "no environment for its libc");
        return;
    }
    void *lib =
        dlmopen(lmid, "libdnnl.so." AB_STRINGIFY(DNNL_VERSION_MAJOR), RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        snprintf(err, errlen, "%s", dlerror());
        return;
    }
    if (!tsd_partition_held(&keys2, reserved, reserved_count)) {
        snprintf(err, errlen, "its libraries hold more than %zu thread-specific keys",
                 reserved_count);
        return;
    }
    bool found = true;
    /* A function pointer from dlsym's object pointer (POSIX guarantees it). */
#define DNNL_API_LOOKUP(f)                                                                 \
    {                                                                                      \
        void *sym = dlsym(lib, "dnnl_" #f);                                                \
        found = found && sym != NULL;                                                      \
        memcpy(&copy->api.f, &sym, sizeof sym);                                            \
    }
    DNNL_API_FUNCTIONS(DNNL_API_LOOKUP)
#undef DNNL_API_LOOKUP
    void *omp = dlsym(lib, "omp_set_num_threads"); /* searched in its dependencies too */
    memcpy(&copy->api.omp_set_num_threads, &omp, sizeof omp);
    if (!found) {
        snprintf(err, errlen, "a dnnl_ function is missing");
        return;
    }
    if (copy->api.set_max_cpu_isa(dnnl_cpu_isa_all) != dnnl_success ||
        copy->api.engine_create(&copy->engine, dnnl_cpu, 0) != dnnl_success) {
        snprintf(err, errlen, "no CPU engine at the native ISA");
        copy->engine = NULL;
    }
}

static onednn_copy *copy_get(ab_onednn_copy which)
{
    onednn_copy *copy = &copies[which];
    pthread_once(&copy->once, which == AB_ONEDNN_CAPPED ? capped_init : native_init);
    return copy->engine ? copy : NULL;
}

static thread_cache *cache_get(ab_onednn_copy which)
{
    if (this_thread_cache[which])
        return this_thread_cache[which];
    onednn_copy *copy = copy_get(which);
    if (copy == NULL)
        return NULL;
    if (copy->api.omp_set_num_threads)
        copy->api.omp_set_num_threads(1);
    thread_cache *c = calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    c->api = &copy->api;
    if (copy->api.stream_create(&c->stream, copy->engine, dnnl_stream_default_flags) !=
        dnnl_success) {
        free(c);
        return NULL;
    }
    pthread_setspecific(copy->cache_key, c); /* released when the thread exits */
    this_thread_cache[which] = c;
    return c;
}

static bool entry_create(const onednn_copy *copy, eltwise_entry *e, dnnl_alg_kind_t alg,
                         float alpha, float beta, ab_direction dir, size_t n)
{
    const dnnl_api *api = &copy->api;
    dnnl_engine_t engine = copy->engine;
    *e = (eltwise_entry){.used = true, .alg = alg, .alpha = alpha, .beta = beta,
                         .dir = dir, .n = n};
    dnnl_dims_t dims = {(dnnl_dim_t)n};
    dnnl_memory_desc_t md;
    if (api->memory_desc_init_by_tag(&md, 1, dims, dnnl_f32, dnnl_a) != dnnl_success)
        return false;

    dnnl_eltwise_desc_t fwd_desc;
    dnnl_prop_kind_t prop = dir == AB_FORWARD ? dnnl_forward_inference : dnnl_forward_training;
    if (api->eltwise_forward_desc_init(&fwd_desc, prop, alg, &md, alpha, beta) != dnnl_success)
        return false;
    dnnl_primitive_desc_t fwd_pd;
    if (api->primitive_desc_create(&fwd_pd, &fwd_desc, NULL, engine, NULL) != dnnl_success)
        return false;

    dnnl_status_t status;
    if (dir == AB_FORWARD) {
        status = api->primitive_create(&e->primitive, fwd_pd);
    } else {
        dnnl_eltwise_desc_t bwd_desc;
        dnnl_primitive_desc_t bwd_pd = NULL;
        status = api->eltwise_backward_desc_init(&bwd_desc, alg, &md, &md, alpha, beta);
        if (status == dnnl_success)
            status = api->primitive_desc_create(&bwd_pd, &bwd_desc, NULL, engine, fwd_pd);
        if (status == dnnl_success)
            status = api->primitive_create(&e->primitive, bwd_pd);
        if (bwd_pd)
            api->primitive_desc_destroy(bwd_pd);
    }
    api->primitive_desc_destroy(fwd_pd);
    if (status != dnnl_success) {
        e->primitive = NULL;
        return false;
    }

    if (api->memory_create(&e->src, &md, engine, DNNL_MEMORY_NONE) != dnnl_success ||
        api->memory_create(&e->dst, &md, engine, DNNL_MEMORY_NONE) != dnnl_success)
        return false;
    if (dir == AB_DERIVATIVE) {
        e->ones = malloc(n * sizeof *e->ones);
        if (e->ones == NULL)
            return false;
        for (size_t i = 0; i < n; i++)
            e->ones[i] = 1.0f;
        if (api->memory_create(&e->diff_dst, &md, engine, e->ones) != dnnl_success)
            return false;
    }
    return true;
}

/* Open addressing from a hash of the key: the lookup stays a few compares
 * however many primitives the bench keeps alive. */
static eltwise_entry *entry_find(const onednn_copy *copy, thread_cache *c, dnnl_alg_kind_t alg,
                                 float alpha, float beta, ab_direction dir, size_t n)
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
        entry_release(&copy->api, e);
    }
    if (!entry_create(copy, e, alg, alpha, beta, dir, n)) {
        entry_release(&copy->api, e);
        return NULL;
    }
    return e;
}

void ab_onednn_eltwise(ab_onednn_copy which, dnnl_alg_kind_t alg, float alpha, float beta,
                       ab_direction dir, const float *x, float *y, size_t n)
{
    if (n == 0)
        return;
    thread_cache *c = cache_get(which);
    const onednn_copy *copy = c ? &copies[which] : NULL;
    const dnnl_api *api = c ? &copy->api : NULL;
    eltwise_entry *e = c ? entry_find(copy, c, alg, alpha, beta, dir, n) : NULL;
    bool ok = e != NULL;
    if (ok) {
        /* oneDNN takes void *; the source is only read. */
        ok = api->memory_set_data_handle(e->src, (void *)(uintptr_t)x) == dnnl_success &&
             api->memory_set_data_handle(e->dst, y) == dnnl_success;
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
        ok = api->primitive_execute(e->primitive, c->stream, nargs, args) == dnnl_success &&
             api->stream_wait(c->stream) == dnnl_success;
    }
    if (!ok)
        for (size_t i = 0; i < n; i++)
            y[i] = NAN;
}

/* The implementation string oneDNN gives a logistic forward primitive on
 * 4096 floats (e.g. "jit:avx2"), asked once per copy: the eltwise
 * primitives of one copy share one JIT ISA. */
static void impl_info_query(onednn_copy *copy)
{
    const dnnl_api *api = &copy->api;
    dnnl_dims_t dims = {4096};
    dnnl_memory_desc_t md;
    dnnl_eltwise_desc_t desc;
    dnnl_primitive_desc_t pd;
    if (api->memory_desc_init_by_tag(&md, 1, dims, dnnl_f32, dnnl_a) != dnnl_success ||
        api->eltwise_forward_desc_init(&desc, dnnl_forward_inference, dnnl_eltwise_logistic,
                                       &md, 0.0f, 0.0f) != dnnl_success ||
        api->primitive_desc_create(&pd, &desc, NULL, copy->engine, NULL) != dnnl_success)
        return;
    const char *info = NULL;
    if (api->primitive_desc_query(pd, dnnl_query_impl_info_str, 0, &info) == dnnl_success &&
        info != NULL) {
        snprintf(copy->impl_info, sizeof copy->impl_info, "%s", info);
        copy->has_impl_info = true;
    }
    api->primitive_desc_destroy(pd);
}

static pthread_once_t impl_info_once[AB_ONEDNN_COPIES] = {PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT};

static void impl_info_capped(void)
{
    if (copy_get(AB_ONEDNN_CAPPED))
        impl_info_query(&copies[AB_ONEDNN_CAPPED]);
}

static void impl_info_native(void)
{
    if (copy_get(AB_ONEDNN_NATIVE))
        impl_info_query(&copies[AB_ONEDNN_NATIVE]);
}

const char *ab_onednn_impl_info(ab_onednn_copy which)
{
    pthread_once(&impl_info_once[which],
                 which == AB_ONEDNN_CAPPED ? impl_info_capped : impl_info_native);
    return copies[which].has_impl_info ? copies[which].impl_info : NULL;
}

bool ab_onednn_registrable(const ab_impl *impl)
{
    if (strcmp(impl->variant, "peer-onednn-native") != 0 || !ab_cpu_has(impl->isa))
        return true;
    static bool told;
    const char *why = copies[AB_ONEDNN_NATIVE].unusable_why;
    if (copy_get(AB_ONEDNN_NATIVE) != NULL) {
        /* Listed as avx512: an implementation string without it would be
         * peer-onednn again under another name. */
        const char *isa = ab_onednn_impl_info(AB_ONEDNN_NATIVE);
        if (isa != NULL && strstr(isa, "avx512") != NULL)
            return true;
        why = isa != NULL ? isa : "no implementation string";
    }
    if (!told)
        fprintf(stderr, "actbench: peer-onednn-native not registered: %s\n", why);
    told = true;
    return false;
}
