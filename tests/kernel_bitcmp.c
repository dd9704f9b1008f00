/*
 * kernel_bitcmp: compares an implementation's outputs in two builds of
 * libactbench, bit for bit, over every binary32 input (or every K-th bit
 * pattern with --stride K), in one or both directions. It proves that a
 * rewrite of a kernel that should keep its bits (a shorter form of the same
 * operations) does, so that the committed 2^32 sweep rows stay valid
 * without a re-sweep. The two libraries are loaded with dlmopen into
 * separate namespaces, so their identical symbol names do not collide.
 *   kernel_bitcmp [--stride K] [--direction forward|derivative|both]
 *                 OLD_LIB NEW_LIB ACTIVATION VARIANT [NEW_VARIANT]
 * Exit 0: the same bits everywhere; 1: differences (the first ones are
 * printed); 2: usage error or a library/implementation that cannot load.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actbench/actbench.h"

typedef const ab_impl *(*impl_find_fn)(const char *, const char *);
typedef const ab_activation *(*activation_find_fn)(const char *);
typedef bool (*impl_supported_fn)(const ab_impl *);

static int usage(void)
{
    fprintf(stderr, "usage: kernel_bitcmp [--stride K] [--direction forward|derivative|both]\n"
                    "                     OLD_LIB NEW_LIB ACTIVATION VARIANT [NEW_VARIANT]\n");
    return 2;
}

/* The implementation in one library, with the activation's default
 * parameters; NULL after a message. */
static const ab_impl *load_impl(const char *lib, const char *act, const char *variant,
                                ab_params *params)
{
    void *h = dlmopen(LM_ID_NEWLM, lib, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        fprintf(stderr, "kernel_bitcmp: cannot load %s: %s\n", lib, dlerror());
        return NULL;
    }
    impl_find_fn find = (impl_find_fn)dlsym(h, "ab_impl_find");
    activation_find_fn activation = (activation_find_fn)dlsym(h, "ab_activation_find");
    impl_supported_fn supported = (impl_supported_fn)dlsym(h, "ab_impl_supported");
    if (!find || !activation || !supported) {
        fprintf(stderr, "kernel_bitcmp: %s is not a libactbench\n", lib);
        return NULL;
    }
    const ab_activation *a = activation(act);
    const ab_impl *impl = a ? find(act, variant) : NULL;
    if (!impl) {
        fprintf(stderr, "kernel_bitcmp: %s has no %s %s\n", lib, act, variant);
        return NULL;
    }
    if (!supported(impl)) {
        fprintf(stderr, "kernel_bitcmp: this CPU cannot run %s %s\n", act, variant);
        return NULL;
    }
    *params = a->default_params;
    return impl;
}

int main(int argc, char **argv)
{
    static const struct option options[] = {
        {"stride", required_argument, NULL, 's'},
        {"direction", required_argument, NULL, 'd'},
        {NULL, 0, NULL, 0}};
    uint64_t stride = 1;
    int first = AB_FORWARD, last = AB_DERIVATIVE;
    for (int c; (c = getopt_long(argc, argv, "", options, NULL)) != -1;) {
        char *end;
        if (c == 's') {
            unsigned long long k = strtoull(optarg, &end, 10);
            if (*end || k == 0 || k > (1ull << 32)) {
                fprintf(stderr, "kernel_bitcmp: --stride wants 1..2^32, not '%s'\n", optarg);
                return 2;
            }
            stride = k;
        } else if (c == 'd') {
            if (!strcmp(optarg, "forward"))
                last = AB_FORWARD;
            else if (!strcmp(optarg, "derivative"))
                first = AB_DERIVATIVE;
            else if (strcmp(optarg, "both")) {
                fprintf(stderr, "kernel_bitcmp: --direction wants forward, derivative or both\n");
                return 2;
            }
        } else
            return usage();
    }
    if (argc - optind != 4 && argc - optind != 5)
        return usage();
    const char *act = argv[optind + 2];
    const char *variant = argv[optind + 3];
    const char *new_variant = argc - optind == 5 ? argv[optind + 4] : variant;
    ab_params params_old, params_new;
    const ab_impl *old_impl = load_impl(argv[optind], act, variant, &params_old);
    const ab_impl *new_impl = old_impl ? load_impl(argv[optind + 1], act, new_variant, &params_new) : NULL;
    if (!new_impl)
        return 2;

    enum { CHUNK = 1 << 20 };
    float *x = malloc(sizeof(float) * CHUNK), *a = malloc(sizeof(float) * CHUNK);
    float *b = malloc(sizeof(float) * CHUNK);
    if (!x || !a || !b) {
        fprintf(stderr, "kernel_bitcmp: out of memory\n");
        return 2;
    }
    uint64_t differences = 0, inputs = 0;
    for (int d = first; d <= last; d++) {
        ab_kernel_fn old_kernel = ab_impl_kernel(old_impl, (ab_direction)d);
        ab_kernel_fn new_kernel = ab_impl_kernel(new_impl, (ab_direction)d);
        uint64_t next = 0;
        while (next < (1ull << 32)) {
            size_t n = 0;
            for (; n < CHUNK && next < (1ull << 32); n++, next += stride) {
                uint32_t bits = (uint32_t)next;
                memcpy(x + n, &bits, sizeof bits);
            }
            old_kernel(x, a, n, &params_old);
            new_kernel(x, b, n, &params_new);
            inputs += n;
            if (!memcmp(a, b, sizeof(float) * n))
                continue;
            for (size_t i = 0; i < n; i++) {
                uint32_t xi, ai, bi;
                memcpy(&xi, x + i, 4), memcpy(&ai, a + i, 4), memcpy(&bi, b + i, 4);
                if (ai != bi && differences++ < 5)
                    printf("%s x = 0x%08" PRIx32 ": old 0x%08" PRIx32 ", new 0x%08" PRIx32 "\n",
                           d == AB_FORWARD ? "forward" : "derivative", xi, ai, bi);
            }
        }
    }
    printf("%s %s%s%s: %" PRIu64 " differences in %" PRIu64 " outputs (stride %" PRIu64 ")\n", act,
           variant, new_variant == variant ? "" : " vs ", new_variant == variant ? "" : new_variant,
           differences, inputs, stride);
    free(x), free(a), free(b);
    return differences ? 1 : 0;
}
