/*
 * The dispatch API: one call per elementwise activation and direction, which
 * runs the kernel chosen for this CPU, for programs that want a good kernel
 * without studying the registry:
 *
 *   void ab_<activation>_f32(const float *x, float *y, size_t n);
 *   void ab_<activation>_derivative_f32(const float *x, float *y, size_t n);
 *
 * for every activation of AB_ELEMENTWISE_ACTIVATIONS below: ab_gelu_f32,
 * ab_silu_derivative_f32, ab_leaky_relu_f32, ... They write f(x[i]) (or
 * f'(x[i])) to y[i] for i < n, with the activation's default parameters
 * (ab_activation_find(name)->default_params: leaky_relu alpha 0.01, silu and
 * softplus beta 1, ...), and take the kernel contract of actbench.h: any n,
 * unaligned pointers, y == x. softmax and log_softmax are rows, not
 * elementwise: use their registry entries.
 *
 * How the kernel is chosen, once per activation and direction (all of them
 * at the first call of any dispatch function; thread-safe):
 *  1. Candidates: the kernels built into libactbench (never a peer or a
 *     plugin, so the choice does not depend on what else the program links)
 *     that this CPU runs, that any thread may call, and that neither change
 *     MXCSR nor depend on it.
 *  2. Policy: the declared bound (the registry's max ULP error over every
 *     binary32 input, docs/accuracy.md) is at most 2 ULP and allows no error
 *     class (AB_DISPATCH_DEFAULT_POLICY). A kernel flagged
 *     AB_FLAG_CPU_DEPENDENT is a candidate like the others: its declared
 *     bound holds on every CPU.
 *  3. Speed: the library holds no timing data, so "fastest" is a static
 *     order, not a measurement: the widest ISA first (the later one in
 *     ab_isa), then the tightest declared bound, then the first registered.
 *     `actbench bench` measures the real speeds on your machine; when they
 *     disagree, ask the registry for the variant by name (ab_impl_find).
 *  4. When no candidate meets the policy, the most accurate one (least max
 *     ULP, then fewest allowed error classes, then the widest ISA), and
 *     ab_dispatch_describe says that the policy is not met.
 *
 * ab_dispatch_describe() (and `actbench list --dispatch`) shows each choice.
 */
#ifndef ACTBENCH_DISPATCH_H
#define ACTBENCH_DISPATCH_H

#include "actbench/actbench.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The elementwise activations, in the registry's order (a test checks that
 * this list and ab_activation_at agree). X(name) per activation. */
#define AB_ELEMENTWISE_ACTIVATIONS(X)                                          \
    X(sigmoid) X(tanh) X(relu) X(leaky_relu) X(prelu) X(elu) X(selu) X(gelu) \
    X(gelu_tanh) X(silu) X(mish) X(softplus) X(softsign) X(hardsigmoid)       \
    X(hardswish) X(binary_step) X(identity)

#define AB_DISPATCH_DECLARE_(act)                                  \
    void ab_##act##_f32(const float *x, float *y, size_t n); \
    void ab_##act##_derivative_f32(const float *x, float *y, size_t n);
AB_ELEMENTWISE_ACTIVATIONS(AB_DISPATCH_DECLARE_)
#undef AB_DISPATCH_DECLARE_

/* What a kernel must promise (its declared bound) to be chosen. */
typedef struct ab_dispatch_policy {
    double max_ulp;
    unsigned allowed_classes; /* AB_CLASS_* bits a chosen kernel may show */
} ab_dispatch_policy;

#define AB_DISPATCH_DEFAULT_POLICY ((ab_dispatch_policy){2.0, 0u})

/* The kernel the rules above pick for activation (name or alias) in
 * direction d under policy (NULL: the default), without remembering it:
 * call its kernel with parameters of your own. *policy_met (may be NULL)
 * says whether it meets the policy. NULL for an unknown or vector
 * activation. */
const ab_impl *ab_dispatch_pick(const char *activation, ab_direction d,
                                const ab_dispatch_policy *policy, bool *policy_met);

/* The choices of the dispatch functions, one line per activation and
 * direction ("gelu forward avx2-f64-erfcx-p12-div avx2+fma 1 ULP"), after a
 * line naming the policy. The text is built once and never freed. */
const char *ab_dispatch_describe(void);

#ifdef __cplusplus
}
#endif
#endif
