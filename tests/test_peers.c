/*
 * Peer-library baselines (impls/peers/): what is particular to calling a
 * library behind actbench's kernel signature.
 *  - forward (and derivative where offered) on a few hundred inputs agrees
 *    with the MPFR reference within the registry bound and allowed classes;
 *  - the per-call caches (oneDNN primitives, XNNPACK operators) give the same
 *    value for an element whatever n is, write nothing past y[n-1], and work
 *    in place;
 *  - MXCSR: a kernel that leaves MXCSR changed, or computes with FTZ/DAZ
 *    inside the call (a subnormal relu input comes back as 0), must carry
 *    AB_FLAG_SETS_MXCSR;
 *  - one thread: no worker thread appears while a peer runs a large array;
 *  - two threads calling the same peers at once get the single-thread
 *    results (the caches are per thread);
 *  - peer_versions lists a non-empty version for each peer compiled in;
 *  - reported ISA: every runnable peer-onednn* variant has oneDNN's
 *    implementation string, and the native copy's names avx512 where it is
 *    runnable (it is listed as avx512, so only on CPUs with AVX-512).
 * With ACTBENCH_PEERS=OFF there is nothing to test and it says so.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actbench/peers.h"
#include "actbench/reference.h"
#include "mxcsr.h"
#include "peer_versions.h"

static size_t failures;

#define CHECK(cond, ...)                                                                   \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            failures++;                                                                    \
            printf("FAIL: " __VA_ARGS__);                                                  \
            printf("\n");                                                                  \
        }                                                                                  \
    } while (0)

static bool is_peer(const ab_impl *impl)
{
    return strncmp(impl->variant, "peer-", 5) == 0 && ab_impl_supported(impl);
}

static const ab_activation *activation_of(const ab_impl *impl)
{
    return ab_activation_find(impl->activation);
}

/* The activation's default parameters, with a tangent v for the J·v of a
 * vector activation (up to 1 << 16 elements, the largest row used here). */
static ab_params params_of(const ab_activation *act)
{
    enum { MAX_ROW = 1 << 16 };
    static float tangent[MAX_ROW];
    if (tangent[0] == 0.0f)
        for (size_t i = 0; i < MAX_ROW; i++)
            tangent[i] = (float)((double)(i % 17) / 8.0 - 1.0) + 0.0625f;
    ab_params p = act->default_params;
    p.tangent = tangent;
    return p;
}

static bool same_bits(float a, float b)
{
    return memcmp(&a, &b, sizeof a) == 0 || (isnan(a) && isnan(b));
}

/* A few hundred inputs: the activation's range on a grid, its own named
 * inputs, and the specials. */
static size_t build_inputs(const ab_activation *act, float *x, size_t cap)
{
    static const float specials[] = {0.0f, -0.0f, 0x1p-149f, -0x1p-149f, 0x1p-126f, -0x1p-126f,
                                     1e30f, -1e30f, INFINITY, -INFINITY, NAN, 88.0f, -88.0f,
                                     100.0f, -100.0f};
    size_t n = 0;
    for (size_t i = 0; i < 300 && n < cap; i++)
        x[n++] = (float)(act->range_lo + (act->range_hi - act->range_lo) * (double)i / 299.0);
    for (const float *s = act->special_inputs; !isnan(*s) && n < cap; s++)
        x[n++] = *s;
    for (size_t i = 0; i < sizeof specials / sizeof specials[0] && n < cap; i++)
        x[n++] = specials[i];
    return n;
}

static void check_accuracy_elementwise(const ab_impl *impl, ab_direction dir)
{
    const ab_activation *act = activation_of(impl);
    ab_kernel_fn k = ab_impl_kernel(impl, dir);
    const ab_bound *b = ab_impl_bound(impl, dir);
    float x[400], y[400];
    size_t n = build_inputs(act, x, 400);
    k(x, y, n, &act->default_params);
    mpfr_t f;
    mpfr_init2(f, AB_REF_DEFAULT_PREC);
    for (size_t i = 0; i < n; i++) {
        ab_ref_eval(act, dir, &act->default_params, x[i], f);
        ab_ulp_error e = ab_ulp_error_of(y[i], f);
        CHECK((e.classes & ~b->allowed_classes) == 0,
              "%s %s %s: x=%a y=%a error class 0x%x not allowed (0x%x)", act->name,
              impl->variant, ab_direction_name(dir), x[i], y[i], e.classes, b->allowed_classes);
        CHECK(e.is_nan_case || e.ulp <= b->max_ulp, "%s %s %s: x=%a y=%a %.3g ULP > bound %.3g",
              act->name, impl->variant, ab_direction_name(dir), x[i], y[i], e.ulp, b->max_ulp);
    }
    mpfr_clear(f);
}

static void check_accuracy_vector(const ab_impl *impl)
{
    const ab_activation *act = activation_of(impl);
    enum { N = 200 };
    float x[N], y[N];
    mpfr_t f[N];
    for (size_t i = 0; i < N; i++) {
        x[i] = (float)(((int)(i * 37 % N) - N / 2) * 0.1);
        mpfr_init2(f[i], AB_REF_DEFAULT_PREC);
    }
    impl->forward(x, y, N, &act->default_params);
    ab_ref_eval_vector(act, AB_FORWARD, x, NULL, N, f);
    for (size_t i = 0; i < N; i++) {
        ab_ulp_error e = ab_ulp_error_of(y[i], f[i]);
        CHECK((e.classes & ~impl->forward_bound.allowed_classes) == 0 &&
                  (e.is_nan_case || e.ulp <= impl->forward_bound.max_ulp),
              "%s %s forward: element %zu y=%a %.3g ULP (bound %.3g), classes 0x%x", act->name,
              impl->variant, i, y[i], e.ulp, impl->forward_bound.max_ulp, e.classes);
        mpfr_clear(f[i]);
    }
}

/* The same element through every n, including cache switches back and
 * forth; nothing written past n; in place equal to out of place. */
static void check_sizes(const ab_impl *impl, ab_direction dir)
{
    const ab_activation *act = activation_of(impl);
    ab_kernel_fn k = ab_impl_kernel(impl, dir);
    ab_params p = params_of(act);
    enum { N = 1000 };
    static float x[N], full[N], y[N + 1], inplace[N];
    for (size_t i = 0; i < N; i++)
        x[i] = (float)(act->range_lo + (act->range_hi - act->range_lo) * (double)((i * 613) % N) / N);
    k(x, full, N, &p);
    static const size_t sizes[] = {1, 7, 8, 9, 33, 1000, 1, 8, 999, 0};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t n = sizes[s];
        const float guard = 12345.0f;
        for (size_t i = 0; i <= n; i++)
            y[i] = guard;
        k(x, y, n, &p);
        CHECK(same_bits(y[n], guard), "%s %s %s n=%zu: wrote past y[n-1]", act->name,
              impl->variant, ab_direction_name(dir), n);
        if (act->is_vector)
            continue; /* a row of n is a different softmax */
        for (size_t i = 0; i < n; i++)
            if (!same_bits(y[i], full[i])) {
                CHECK(false, "%s %s %s n=%zu: y[%zu]=%a, %a with n=%d", act->name, impl->variant,
                      ab_direction_name(dir), n, i, y[i], full[i], N);
                break;
            }
    }
    if (act->is_vector)
        return;
    memcpy(inplace, x, sizeof x);
    k(inplace, inplace, N, &p);
    for (size_t i = 0; i < N; i++)
        if (!same_bits(inplace[i], full[i])) {
            CHECK(false, "%s %s %s: in place y[%zu]=%a, %a out of place", act->name,
                  impl->variant, ab_direction_name(dir), i, inplace[i], full[i]);
            break;
        }
}

/* MXCSR left changed, or FTZ/DAZ in force inside the call (a positive
 * subnormal through relu / leaky_relu / hardswish's linear part comes back
 * as 0 or the wrong value), needs AB_FLAG_SETS_MXCSR. Returns whether the
 * kernel changed MXCSR or showed DAZ, for the report. */
static void check_mxcsr(const ab_impl *impl, ab_direction dir)
{
    const ab_activation *act = activation_of(impl);
    ab_kernel_fn k = ab_impl_kernel(impl, dir);
    float x[64], y[64];
    for (size_t i = 0; i < 64; i++)
        x[i] = (float)(i % 2 ? 0x1p-140 * (double)i : -3.0 + 0.1 * (double)i);
    ab_params p = params_of(act);
    ab_mxcsr_state before = ab_mxcsr_save();
    k(x, y, 64, &p);
    bool changed = ab_mxcsr_restore(before);
    bool flagged = (impl->flags & AB_FLAG_SETS_MXCSR) != 0;
    CHECK(!changed || flagged, "%s %s %s: changed MXCSR but is not flagged AB_FLAG_SETS_MXCSR",
          act->name, impl->variant, ab_direction_name(dir));
    bool daz_seen = false;
    if (dir == AB_FORWARD && (strcmp(act->name, "relu") == 0 || strcmp(act->name, "leaky_relu") == 0)) {
        float sub = 0x1p-140f, out = 1.0f;
        k(&sub, &out, 1, &p);
        daz_seen = out != sub;
        CHECK(!daz_seen || flagged, "%s %s: relu(%a) = %a: FTZ/DAZ inside the call, not flagged",
              act->name, impl->variant, sub, out);
    }
    if (changed || daz_seen || flagged)
        printf("  MXCSR: %-11s %-15s %-10s left changed: %s, FTZ/DAZ seen inside: %s, flagged: %s\n",
               act->name, impl->variant, ab_direction_name(dir), changed ? "yes" : "no",
               daz_seen ? "yes" : (dir == AB_FORWARD ? "no/not tested" : "not tested"),
               flagged ? "yes" : "no");
}

static int thread_count(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (f == NULL)
        return -1;
    char line[256];
    int threads = -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "Threads: %d", &threads) == 1)
            break;
    fclose(f);
    return threads;
}

/* A library that parallelised would start worker threads on a large array. */
static void check_single_thread(const ab_impl *impl, ab_direction dir)
{
    const ab_activation *act = activation_of(impl);
    size_t n = act->is_vector ? 1u << 16 : 1u << 21;
    float *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
    if (!x || !y)
        exit(2);
    for (size_t i = 0; i < n; i++)
        x[i] = (float)((double)(i % 1000) / 100.0 - 5.0);
    ab_params p = params_of(act);
    int before = thread_count();
    for (int r = 0; r < 3; r++)
        ab_impl_kernel(impl, dir)(x, y, n, &p);
    int after = thread_count();
    CHECK(before > 0 && before == after, "%s %s %s: threads %d before, %d after a call of n=%zu",
          act->name, impl->variant, ab_direction_name(dir), before, after, n);
    free(x);
    free(y);
}

/* Two threads at once, every peer, several sizes. */
typedef struct worker_job {
    bool mismatch;
    unsigned seed;
} worker_job;

static void *worker(void *arg)
{
    worker_job *job = arg;
    enum { N = 777 };
    float x[N], y[N], z[N];
    for (int round = 0; round < 20; round++)
        for (size_t i = 0; i < ab_impl_count(); i++) {
            const ab_impl *impl = ab_impl_at(i);
            const ab_activation *act = activation_of(impl);
            if (!is_peer(impl) || act->is_vector)
                continue;
            size_t n = 1 + (job->seed * 131 + (unsigned)round * 97 + i) % N;
            for (size_t j = 0; j < n; j++)
                x[j] = (float)(act->range_lo + (act->range_hi - act->range_lo) *
                                                   (double)((j * 7 + job->seed) % n) / (double)n);
            impl->forward(x, y, n, &act->default_params);
            for (size_t j = 0; j < n; j++) /* n = 1: no cache, no parallelism */
                impl->forward(&x[j], &z[j], 1, &act->default_params);
            for (size_t j = 0; j < n; j++)
                if (!same_bits(y[j], z[j]))
                    job->mismatch = true;
        }
    return NULL;
}

static void check_threads(void)
{
    pthread_t t[2];
    worker_job jobs[2] = {{false, 1}, {false, 2}};
    for (int i = 0; i < 2; i++)
        if (pthread_create(&t[i], NULL, worker, &jobs[i]) != 0)
            exit(2);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    CHECK(!jobs[0].mismatch && !jobs[1].mismatch,
          "two threads: a peer's result depended on the other thread (or on n)");
}

int main(void)
{
    size_t peers = 0;
    for (size_t i = 0; i < ab_impl_count(); i++) {
        const ab_impl *impl = ab_impl_at(i);
        if (!is_peer(impl))
            continue;
        peers++;
        const ab_activation *act = activation_of(impl);
        for (int d = 0; d < 2; d++) {
            ab_direction dir = (ab_direction)d;
            if (ab_impl_kernel(impl, dir) == NULL)
                continue;
            if (act->is_vector) {
                if (dir == AB_FORWARD)
                    check_accuracy_vector(impl);
            } else {
                check_accuracy_elementwise(impl, dir);
            }
            check_sizes(impl, dir);
            check_mxcsr(impl, dir);
            check_single_thread(impl, dir);
        }
    }
    if (peers > 0)
        check_threads();

    for (size_t i = 0; i < ab_impl_count(); i++) {
        const ab_impl *impl = ab_impl_at(i);
        if (!is_peer(impl) || strncmp(impl->variant, "peer-onednn", 11) != 0)
            continue;
        const char *isa = ab_peer_reported_isa(impl);
        CHECK(isa != NULL, "%s %s: no implementation string", impl->activation, impl->variant);
        if (isa != NULL && strcmp(impl->variant, "peer-onednn-native") == 0)
            CHECK(strstr(isa, "avx512") != NULL, "%s %s: native copy runs %s",
                  impl->activation, impl->variant, isa);
    }

    size_t count;
    const ab_peer_version *v = ab_peer_versions(&count);
    for (size_t i = 0; i < count; i++) {
        printf("  peer %-8s %-28s (%s) reported ISA: %s\n", v[i].peer, v[i].version,
               v[i].source, v[i].reported_isa ? v[i].reported_isa : "none");
        CHECK(v[i].version != NULL && v[i].version[0] != '\0' && strcmp(v[i].version, "unknown") != 0,
              "peer %s: no version", v[i].peer);
    }
    CHECK((peers == 0) == (count == 0), "%zu peer implementations but %zu peer versions", peers,
          count);

    if (peers == 0)
        printf("no peer implementations in this build (ACTBENCH_PEERS=OFF or none found)\n");
    printf("%zu peer implementations, %zu failures\n", peers, failures);
    return failures == 0 ? 0 : 1;
}
