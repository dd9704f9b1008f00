/*
 * Applies GELU (and its derivative) to a buffer through the dispatch API,
 * then shows what was chosen and checks it: the dispatched result must be
 * bit-identical to calling the chosen registry entry directly, and must be
 * within the chosen kernel's declared bound of a named reference variant.
 *
 * Build against an installed actbench, either way:
 *   cc gelu_dispatch.c $(pkg-config --cflags --libs actbench) -o gelu_dispatch
 *   cmake -S examples -B build-example && cmake --build build-example
 */
#include <stdio.h>
#include <string.h>

#include <actbench/actbench.h>
#include <actbench/dispatch.h>
#include <actbench/version.h>

#define N 4099 /* not a multiple of any vector width: the tail is used too */

static float x[N], y[N], direct[N], named[N];

/* Distance in representable floats between a and b (same sign assumed). */
static long float_steps(float a, float b)
{
    int ia, ib;
    memcpy(&ia, &a, sizeof ia);
    memcpy(&ib, &b, sizeof ib);
    return ia > ib ? (long)ia - ib : (long)ib - ia;
}

static int check(ab_direction d, void (*dispatched)(const float *, float *, size_t))
{
    bool policy_met;
    const ab_impl *chosen = ab_dispatch_pick("gelu", d, NULL, &policy_met);
    const ab_impl *reference = ab_impl_find("gelu", "branchless");
    if (chosen == NULL || reference == NULL) {
        fprintf(stderr, "gelu is not in the registry\n");
        return 1;
    }
    ab_params params = ab_activation_find("gelu")->default_params;
    dispatched(x, y, N);
    ab_impl_kernel(chosen, d)(x, direct, N, &params);
    ab_impl_kernel(reference, d)(x, named, N, &params);
    long worst = 0;
    for (size_t i = 0; i < N; i++) {
        if (memcmp(&y[i], &direct[i], sizeof y[i]) != 0) {
            fprintf(stderr, "dispatch differs from %s at x = %a\n", chosen->variant, x[i]);
            return 1;
        }
        if (y[i] != 0 && named[i] != 0 && (y[i] < 0) == (named[i] < 0)) {
            long steps = float_steps(y[i], named[i]);
            worst = steps > worst ? steps : worst;
        }
    }
    /* Two kernels each within b ULP of the truth are within 2b + 1 floats. */
    double allowed = 2 * (ab_impl_bound(chosen, d)->max_ulp + ab_impl_bound(reference, d)->max_ulp) + 1;
    printf("gelu %-10s %-26s policy %s; %ld floats from %s at most\n", ab_direction_name(d),
           chosen->variant, policy_met ? "met" : "NOT met", worst, reference->variant);
    return worst <= allowed ? 0 : 1;
}

int main(void)
{
    for (size_t i = 0; i < N; i++)
        x[i] = -8.0f + 16.0f * (float)i / (N - 1);
    printf("actbench %s\n", ACTBENCH_VERSION);
    int failures = check(AB_FORWARD, ab_gelu_f32) + check(AB_DERIVATIVE, ab_gelu_derivative_f32);
    ab_gelu_f32((const float[]){1.0f}, y, 1);
    printf("gelu(1) = %.8f\n", y[0]); /* 0.84134475 (0.8413447460685429...) */
    printf("\n%s", ab_dispatch_describe());
    return failures == 0 && y[0] >= 0.8413446f && y[0] <= 0.8413449f ? 0 : 1;
}
