/*
 * softmax and log_softmax: every vector implementation in the registry the
 * CPU can run, forward and J·v derivative, per element against the MPFR
 * reference ab_ref_eval_vector, with the bound and allowed classes that
 * implementation declares. Rows: random (spread 1 and 40), large spread
 * (±1e4 and ±80..±300), all equal, ties at the max, and -inf masked entries,
 * of lengths 0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 100 and 1000; every row is
 * also run in place (y == x) and must give the same bits. Reports, per
 * implementation, the max ULP with its row kind and length and the max
 * |sum - 1| of the forward softmax (in binary64, a report, not a bound).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actbench/actbench.h"
#include "actbench/reference.h"

enum { ROW_KINDS = 7 };
static const char *const row_kind_names[ROW_KINDS] = {
    "random", "wide-random", "large-spread", "all-equal", "tied-max", "masked", "huge-spread"};
static const size_t lengths[] = {0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 100, 1000};

static uint64_t rng_state = 0x9e3779b97f4a7c15u;
static double uniform(void) /* [0, 1) */
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (double)(rng_state >> 11) * 0x1p-53;
}

static void make_row(int kind, float *x, float *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        v[i] = (float)(uniform() * 2.0 - 1.0);
        switch (kind) {
        case 0: x[i] = (float)(uniform() * 2.0 - 1.0); break;
        case 1: x[i] = (float)(uniform() * 80.0 - 40.0); break;
        case 2: x[i] = (float)(uniform() * 600.0 - 300.0); break;
        case 3: x[i] = 1.25f; break;
        case 4: x[i] = (float)(uniform() * 10.0 - 10.0); break;
        case 5: x[i] = uniform() < 0.3 ? -INFINITY : (float)(uniform() * 20.0 - 10.0); break;
        default: x[i] = (float)(uniform() * 2e4 - 1e4); break;
        }
    }
    if (kind == 4 && n > 0) /* three-way tie at the max */
        for (size_t k = 0; k < 3; k++)
            x[(size_t)(uniform() * (double)n)] = 3.0f;
    if (kind == 5 && n > 0)
        x[(size_t)(uniform() * (double)n)] = 0.5f; /* at least one unmasked */
}

typedef struct impl_result {
    double max_ulp, max_sum_error;
    int worst_kind;
    size_t worst_n;
    unsigned classes;
    size_t failures;
} impl_result;

static void check_impl(const ab_impl *impl, const ab_activation *act, ab_direction dir,
                       impl_result *res)
{
    const ab_bound *bound = ab_impl_bound(impl, dir);
    ab_kernel_fn k = ab_impl_kernel(impl, dir);
    size_t nmax = 1000;
    float *x = malloc(nmax * sizeof *x), *v = malloc(nmax * sizeof *v);
    float *y = malloc(nmax * sizeof *y), *inplace = malloc(nmax * sizeof *inplace);
    mpfr_t *exact = malloc(nmax * sizeof *exact);
    for (size_t i = 0; i < nmax; i++)
        mpfr_init2(exact[i], 128);
    for (int kind = 0; kind < ROW_KINDS; kind++) {
        for (size_t li = 0; li < sizeof lengths / sizeof lengths[0]; li++) {
            size_t n = lengths[li];
            make_row(kind, x, v, n);
            ab_params p = act->default_params;
            p.tangent = v;
            k(x, y, n, &p);
            memcpy(inplace, x, n * sizeof *x);
            k(inplace, inplace, n, &p);
            if (memcmp(inplace, y, n * sizeof *y) != 0) {
                printf("FAIL %s/%s %s: in-place differs (%s, n=%zu)\n", act->name,
                       impl->variant, ab_direction_name(dir), row_kind_names[kind], n);
                res->failures++;
            }
            if (n == 0)
                continue;
            ab_ref_eval_vector(act, dir, x, v, n, exact);
            double sum = 0.0;
            for (size_t i = 0; i < n; i++) {
                ab_ulp_error e = ab_ulp_error_of(y[i], exact[i]);
                res->classes |= e.classes;
                if (e.classes & ~bound->allowed_classes) {
                    printf("FAIL %s/%s %s: class 0x%x at i=%zu (%s, n=%zu) y=%a\n", act->name,
                           impl->variant, ab_direction_name(dir), e.classes, i,
                           row_kind_names[kind], n, y[i]);
                    res->failures++;
                }
                if (!e.is_nan_case && e.ulp > res->max_ulp) {
                    res->max_ulp = e.ulp;
                    res->worst_kind = kind;
                    res->worst_n = n;
                }
                sum += y[i];
            }
            if (dir == AB_FORWARD && strcmp(act->name, "softmax") == 0 &&
                fabs(sum - 1.0) > res->max_sum_error)
                res->max_sum_error = fabs(sum - 1.0);
        }
    }
    if (res->max_ulp > bound->max_ulp) {
        printf("FAIL %s/%s %s: max %.4f ULP > declared %.4g\n", act->name, impl->variant,
               ab_direction_name(dir), res->max_ulp, bound->max_ulp);
        res->failures++;
    }
    for (size_t i = 0; i < nmax; i++)
        mpfr_clear(exact[i]);
    free(exact);
    free(x);
    free(v);
    free(y);
    free(inplace);
}

int main(void)
{
    size_t failures = 0, checked = 0;
    for (size_t i = 0; i < ab_impl_count(); i++) {
        const ab_impl *impl = ab_impl_at(i);
        const ab_activation *act = ab_activation_find(impl->activation);
        if (!(impl->flags & AB_FLAG_VECTOR) || act == NULL || !ab_impl_supported(impl))
            continue;
        for (int d = 0; d < 2; d++) {
            ab_direction dir = (ab_direction)d;
            if (ab_impl_kernel(impl, dir) == NULL)
                continue;
            impl_result r = {0};
            check_impl(impl, act, dir, &r);
            checked++;
            failures += r.failures;
            printf("%-12s %-16s %-10s max %8.4f ULP (%s, n=%zu) classes 0x%x", act->name,
                   impl->variant, ab_direction_name(dir), r.max_ulp,
                   row_kind_names[r.worst_kind], r.worst_n, r.classes);
            if (dir == AB_FORWARD && strcmp(act->name, "softmax") == 0)
                printf(" max|sum-1| %.3g", r.max_sum_error);
            printf("\n");
        }
    }
    printf("%zu implementation-directions checked, %zu failures\n", checked, failures);
    return failures == 0 && checked > 0 ? 0 : 1;
}
