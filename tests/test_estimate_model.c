/*
 * The bounds of CPU-dependent kernels hold on every conforming CPU, not just
 * this one. For each of our AVX2 kernels, its estimate-model build
 * (tests/estimate_model/) is run with the reciprocal estimate at the low end,
 * the high end, the correctly rounded value and seeded random points of the
 * interval the architecture allows, on the inputs test_kernels uses, and
 * must stay within the bound the registry declares. The model build does
 * not depend on this CPU's estimate bits, so the verdict is the same on
 * Intel and AMD. Also checked:
 *  - this CPU's rcpps lies inside the model's interval (the model is sound
 *    here);
 *  - a kernel that takes an estimate carries AB_FLAG_CPU_DEPENDENT, and one
 *    that does not, does not (the flag cannot go stale).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "estimate_model.h"

static size_t check_cpu_estimate(void)
{
    enum { N = 1 << 16 };
    static float d[N];
    uint64_t s = 12345;
    for (size_t i = 0; i < N; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        if (i < N / 2) {
            d[i] = 1.0f + (float)i / (float)(N / 2); /* every region of [1, 2) */
        } else {
            uint32_t b = (uint32_t)(s >> 32);
            memcpy(&d[i], &b, 4); /* any bit pattern, specials included */
        }
    }
    uint64_t outside = ab_estimate_check_cpu(d, N);
    printf("this CPU's rcpps: %llu of %d operands outside the model's interval\n",
           (unsigned long long)outside, N);
    return outside != 0;
}

/* Does the model build of impl take an estimate, in either direction? */
static bool takes_estimate(const ab_impl *impl)
{
    size_t m = 0;
    for (; m < ab_estimate_model_count(); m++)
        if (ab_estimate_model_original(m) == impl &&
            ab_estimate_model_mode(m) == AB_ESTIMATE_NEAREST)
            break;
    const ab_impl *model = ab_estimate_model_at(m);
    const ab_activation *act = ab_activation_find(impl->activation);
    enum { N = 64 };
    float x[N], y[N], v[N];
    for (int i = 0; i < N; i++) {
        x[i] = -20.0f + 40.0f * (float)i / (N - 1);
        v[i] = 1.0f;
    }
    ab_params p = act->default_params;
    p.tangent = v;
    ab_estimate_reset_counts();
    for (int d = 0; d < 2; d++) {
        ab_kernel_fn fn = ab_impl_kernel(model, (ab_direction)d);
        if (fn)
            fn(x, y, N, &p);
    }
    return ab_estimate_calls() > 0;
}

static size_t check_flags(void)
{
    size_t bad = 0;
    for (size_t i = 0; i < ab_impl_count(); i++) {
        const ab_impl *impl = ab_impl_at(i);
        if (!ab_estimate_model_has(impl))
            continue;
        bool takes = takes_estimate(impl);
        bool flagged = (impl->flags & AB_FLAG_CPU_DEPENDENT) != 0;
        if (takes != flagged) {
            printf("FLAG %s %s: %s an estimate but is %sflagged cpu_dependent\n", impl->activation,
                   impl->variant, takes ? "takes" : "takes no", flagged ? "" : "not ");
            bad++;
        }
    }
    return bad;
}

/* ACTBENCH_MODEL_INPUTS=N: N random bit patterns (and N/4 grid points) per
 * activation instead of test_kernels' 12000 (by hand; CI uses the default). */
static size_t sample_size(void)
{
    const char *env = getenv("ACTBENCH_MODEL_INPUTS");
    char *end;
    unsigned long long n = env ? strtoull(env, &end, 10) : 0;
    return env && *end == '\0' && n >= 1000 ? (size_t)n : 12000;
}

static size_t check_bounds(size_t *checked)
{
    size_t random = sample_size(), grid = random == 12000 ? 3000 : random / 4;
    size_t failures = 0;
    ab_accuracy_row row;
    for (size_t m = 0; m < ab_estimate_model_count(); m++) {
        const ab_impl *model = ab_estimate_model_at(m);
        if (!(model->flags & AB_FLAG_CPU_DEPENDENT))
            continue; /* no estimate: same output as the real kernel */
        const ab_activation *act = ab_activation_find(model->activation);
        for (int d = 0; d < 2; d++) {
            ab_direction dir = (ab_direction)d;
            if (!ab_impl_kernel(model, dir))
                continue;
            const ab_impl *group[1] = {model};
            int rc;
            if (act->is_vector) {
                rc = ab_accuracy_measure_vector(act, dir, group, 1, true, 7, 0, &row);
            } else {
                ab_input_set in;
                if (ab_inputs_build(&in, act, grid, random, 7) != 0)
                    return failures + 1;
                rc = ab_accuracy_measure_elementwise(act, dir, group, 1, &in, 0, &row);
                ab_inputs_free(&in);
            }
            if (rc != 0)
                return failures + 1;
            (*checked)++;
            const ab_acc_stats *s = &row.stats;
            printf("%-10s %-34s %-10s max ULP %-10.4g bound %-10.4g%s\n", act->name, model->variant,
                   ab_direction_name(dir), s->ulp_counted ? s->max_ulp : 0.0,
                   ab_impl_bound(model, dir)->max_ulp, row.within_bound ? "" : "  FAIL");
            if (!row.within_bound) {
                float wx;
                memcpy(&wx, &s->worst_x, 4);
                printf("    worst x=%a", wx);
                for (int k = 0; k < AB_CLASS_KINDS; k++)
                    if (s->classes[k]) {
                        float cx;
                        memcpy(&cx, &s->class_example_x[k], 4);
                        printf("  %s=%llu (e.g. x=%a)", ab_class_name(k),
                               (unsigned long long)s->classes[k], cx);
                    }
                printf("\n");
                failures++;
            }
        }
    }
    return failures;
}

int main(void)
{
    if (!ab_cpu_has(AB_ISA_AVX2_FMA)) {
        printf("no AVX2+FMA on this CPU: nothing to model\n");
        return 77;
    }
    size_t checked = 0;
    size_t bad_cpu = check_cpu_estimate();
    size_t bad_flags = check_flags();
    size_t failures = check_bounds(&checked);
    printf("%zu model runs checked, %zu outside their declared bound; %zu flag mismatches\n",
           checked, failures, bad_flags);
    return bad_cpu == 0 && bad_flags == 0 && failures == 0 && checked > 0 ? 0 : 1;
}
