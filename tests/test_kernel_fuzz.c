/*
 * Fuzz test of every registered kernel the CPU can run, forward and
 * derivative, generic over the registry. Each trial draws a length n (mostly
 * short, sometimes zero or long), a misalignment, in-place or not, and
 * inputs mixing ordinary values with special bit patterns (±0, subnormals,
 * ±inf, quiet and signalling NaNs with payloads, the extremes of binary32,
 * random bits). The input, the output and the softmax tangent are placed
 * against PROT_NONE guard pages, once flush with the end of their page and
 * once with the start, so a read or write outside [0, n) crashes the test.
 * Checked on every trial:
 *  - the output equals that of an out-of-place call on ordinary memory
 *    (bitwise, any NaN equal to any NaN); elementwise kernels also equal
 *    the element-by-element answer of one long call (no dependence on n);
 *  - nothing outside y[0, n) is written (canaries);
 *  - MXCSR is the same after the call as before.
 * Duration: ACTBENCH_FUZZ_SECONDS (default 4, shared by all kernels); the
 * seed: ACTBENCH_FUZZ_SEED (default 1). Long runs by hand, e.g.
 * ACTBENCH_FUZZ_SECONDS=600 build/tests/test_kernel_fuzz.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#if defined(__x86_64__)
#include <xmmintrin.h>
#define READ_MXCSR() _mm_getcsr()
#else
#define READ_MXCSR() 0u
#endif

#include "actbench/actbench.h"

#define MAX_N 20000
#define CANARY 0x7fa5a5a5u /* a NaN pattern no kernel writes by chance */

static uint64_t rng_state;
static uint64_t next_u64(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static float from_bits(uint32_t b)
{
    float f;
    memcpy(&f, &b, 4);
    return f;
}

static float fuzz_value(const ab_activation *act)
{
    static const uint32_t specials[] = {
        0x00000000, 0x80000000, 0x00000001, 0x80000001, 0x007fffff, 0x807fffff, 0x00800000,
        0x80800000, 0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000,
        0x7fc00123, 0x7f800001, 0xff812345, 0x3f800000, 0xbf800000, 0x42b17218, 0xc2aeac50,
        0xc2cff1b5};
    uint64_t r = next_u64();
    switch (r % 8) {
    case 0:
        return from_bits(specials[(r >> 8) % (sizeof specials / sizeof specials[0])]);
    case 1:
    case 2:
        return from_bits((uint32_t)(r >> 32)); /* any bit pattern */
    default: {
        /* ordinary values over the activation's interesting range, and beyond */
        double u = (double)(r >> 11) * 0x1p-53;
        double lo = act->range_lo * 2, hi = act->range_hi * 2;
        return (float)(lo + u * (hi - lo));
    }
    }
}

/* A region of whole pages with an inaccessible page on each side. */
typedef struct guarded {
    unsigned char *base;
    size_t span, usable;
} guarded;

static void guarded_alloc(guarded *g, size_t bytes)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    g->usable = (bytes + page - 1) / page * page;
    g->span = g->usable + 2 * page;
    g->base = mmap(NULL, g->span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (g->base == MAP_FAILED) {
        perror("mmap");
        exit(2);
    }
    if (mprotect(g->base, page, PROT_NONE) != 0 ||
        mprotect(g->base + page + g->usable, page, PROT_NONE) != 0) {
        perror("mprotect");
        exit(2);
    }
    g->base += page;
}

/* n floats placed flush with the end of the region (at_end) or its start,
 * shifted by `misalign` bytes (a multiple of 4) from 64-byte alignment. */
static float *guarded_place(const guarded *g, size_t n, bool at_end, size_t misalign)
{
    if (at_end)
        return (float *)(g->base + g->usable - n * sizeof(float));
    return (float *)(g->base + misalign);
}

static bool same_bits(float a, float b)
{
    return memcmp(&a, &b, 4) == 0 || (isnan(a) && isnan(b));
}

static size_t failures;
static void fail(const ab_impl *impl, ab_direction d, const char *what, size_t n, size_t i)
{
    if (failures < 30)
        fprintf(stderr, "FAIL %s %s %s: %s (n=%zu, element %zu)\n", impl->activation,
                impl->variant, ab_direction_name(d), what, n, i);
    failures++;
}

static size_t draw_n(void)
{
    uint64_t r = next_u64();
    switch (r % 10) {
    case 0:
        return 0;
    case 1:
        return 1 + (r >> 8) % 16;
    case 2:
        return (r >> 8) % MAX_N;
    default:
        return (r >> 8) % 300;
    }
}

typedef struct buffers {
    guarded x, y, v;
    float *x_plain, *ref, *v_plain, *single;
} buffers;

static size_t trial(const ab_impl *impl, ab_direction d, const buffers *b)
{
    const ab_activation *act = ab_activation_find(impl->activation);
    ab_kernel_fn k = ab_impl_kernel(impl, d);
    bool vec = (impl->flags & AB_FLAG_VECTOR) != 0;
    size_t n = draw_n();
    bool at_end = next_u64() & 1, in_place = (next_u64() % 4) == 0;
    size_t misalign = 4 * (next_u64() % 16);

    for (size_t i = 0; i < n; i++) {
        b->x_plain[i] = fuzz_value(act);
        b->v_plain[i] = (float)((double)(next_u64() >> 11) * 0x1p-52 - 1.0);
    }
    ab_params p = act->default_params;
    p.tangent = b->v_plain;
    k(b->x_plain, b->ref, n, &p); /* out of place, ordinary memory */

    float *x = guarded_place(&b->x, n, at_end, misalign);
    float *y = in_place ? x : guarded_place(&b->y, n, !at_end, misalign);
    float *v = guarded_place(&b->v, n, at_end, misalign);
    memcpy(x, b->x_plain, n * sizeof(float));
    memcpy(v, b->v_plain, n * sizeof(float));
    /* canaries around y where the page leaves room */
    float canary = from_bits(CANARY);
    bool room_before = (unsigned char *)y > (in_place ? b->x.base : b->y.base);
    bool room_after = (unsigned char *)(y + n) < (in_place ? b->x.base + b->x.usable
                                                           : b->y.base + b->y.usable);
    if (!in_place) {
        if (room_before)
            y[-1] = canary;
        if (room_after)
            y[n] = canary;
    }
    p.tangent = v;
    unsigned before = READ_MXCSR();
    k(x, y, n, &p);
    unsigned after = READ_MXCSR();
    if (before != after)
        fail(impl, d, "MXCSR changed", n, 0);
    for (size_t i = 0; i < n; i++)
        if (!same_bits(y[i], b->ref[i])) {
            fail(impl, d, in_place ? "in-place result differs" : "guarded result differs", n, i);
            break;
        }
    if (!in_place && ((room_before && !same_bits(y[-1], canary)) ||
                      (room_after && memcmp(&y[n], &canary, 4) != 0)))
        fail(impl, d, "wrote outside y[0, n)", n, 0);
    if (!vec) {
        /* elementwise: each element alone gives the same bits */
        size_t i = n ? (size_t)(next_u64() % n) : 0;
        if (n) {
            p.tangent = b->v_plain;
            k(&b->x_plain[i], b->single, 1, &p);
            if (!same_bits(b->single[0], b->ref[i]))
                fail(impl, d, "result depends on n or position", n, i);
        }
    }
    return n;
}

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static double env_double(const char *name, double fallback)
{
    const char *s = getenv(name);
    char *end;
    double v = s ? strtod(s, &end) : fallback;
    if (s && (*end != '\0' || !(v > 0))) {
        fprintf(stderr, "test_kernel_fuzz: %s must be a positive number, not '%s'\n", name, s);
        exit(2);
    }
    return v;
}

int main(void)
{
    double seconds = env_double("ACTBENCH_FUZZ_SECONDS", 4.0);
    rng_state = (uint64_t)env_double("ACTBENCH_FUZZ_SEED", 1.0);
    buffers b;
    guarded_alloc(&b.x, (MAX_N + 32) * sizeof(float));
    guarded_alloc(&b.y, (MAX_N + 32) * sizeof(float));
    guarded_alloc(&b.v, (MAX_N + 32) * sizeof(float));
    b.x_plain = malloc(MAX_N * sizeof(float));
    b.v_plain = malloc(MAX_N * sizeof(float));
    b.ref = malloc(MAX_N * sizeof(float));
    b.single = malloc(sizeof(float));
    if (!b.x_plain || !b.v_plain || !b.ref || !b.single)
        return 2;

    size_t pairs = 0;
    for (size_t i = 0; i < ab_impl_count(); i++)
        for (int d = 0; d < 2; d++)
            pairs += ab_impl_supported(ab_impl_at(i)) &&
                     ab_impl_kernel(ab_impl_at(i), (ab_direction)d) != NULL;
    double per_pair = seconds / (double)(pairs ? pairs : 1);
    unsigned long long trials = 0, elements = 0;
    for (size_t i = 0; i < ab_impl_count(); i++) {
        const ab_impl *impl = ab_impl_at(i);
        if (!ab_impl_supported(impl))
            continue;
        for (int d = 0; d < 2; d++) {
            if (!ab_impl_kernel(impl, (ab_direction)d))
                continue;
            double stop = now_seconds() + per_pair;
            size_t pair_trials = 0;
            do {
                elements += trial(impl, (ab_direction)d, &b);
                pair_trials++;
            } while (pair_trials < 20 || now_seconds() < stop);
            trials += pair_trials;
        }
    }
    printf("%zu implementation-directions, %llu trials, ~%llu elements, %zu failures\n", pairs,
           trials, elements, failures);
    free(b.x_plain);
    free(b.v_plain);
    free(b.ref);
    free(b.single);
    return failures == 0 && pairs > 0 ? 0 : 1;
}
