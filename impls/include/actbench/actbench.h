/*
 * actbench kernel library: one kernel signature for every implementation of
 * every activation, and the registry that lists them.
 *
 * A kernel reads n floats from x and writes n floats to y. It accepts any n
 * (0 included), unaligned pointers and in-place calls (y == x).
 *
 * Elementwise activations: forward writes f(x[i]); derivative writes f'(x[i]).
 * Vector activations (softmax, log_softmax): the whole array is one row;
 * forward writes the row's softmax; derivative writes the Jacobian-vector
 * product J(x)·v with v = params->tangent (n floats, may not alias y).
 */
#ifndef ACTBENCH_ACTBENCH_H
#define ACTBENCH_ACTBENCH_H

#include <stddef.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Parameters of the parameterised activations. Doubles, so that the exact
 * function computed is defined by these values (the reference uses them as
 * they are; a float kernel rounds them as it sees fit). */
typedef struct ab_params {
    double alpha;   /* leaky_relu / prelu slope; elu / selu alpha */
    double beta;    /* silu x·σ(βx); softplus (1/β)·log(1+e^(βx)) */
    double lambda;  /* selu scale */
    /* prelu vector form: element i uses channel_alpha[i % channels].
     * NULL (or channels == 0) means the scalar alpha for every element. */
    const float *channel_alpha;
    size_t channels;
    /* softmax / log_softmax derivative: the vector v of J·v. */
    const float *tangent;
} ab_params;

typedef void (*ab_kernel_fn)(const float *x, float *y, size_t n,
                             const ab_params *params);

/* In order of width: the dispatcher (actbench/dispatch.h) prefers a later ISA. */
typedef enum ab_isa {
    AB_ISA_SCALAR = 0, /* portable C */
    AB_ISA_AVX2_FMA,   /* x86-64 AVX2 + FMA, chosen at run time */
    AB_ISA_AVX512,     /* x86-64 AVX-512 F + BW + DQ + VL with FMA, at run time */
} ab_isa;

typedef enum ab_direction {
    AB_FORWARD = 0,
    AB_DERIVATIVE = 1,
} ab_direction;

/* Error classes counted apart from the ULP statistics
 * (docs/accuracy.md). Bit masks so a bound can allow a set. */
enum {
    AB_CLASS_NAN_UNEXPECTED = 1u << 0,   /* NaN returned, finite/inf expected */
    AB_CLASS_NAN_MISSING = 1u << 1,      /* NaN expected, something else returned */
    AB_CLASS_INF_WHERE_FINITE = 1u << 2, /* ±inf returned, |f| < 2^128 */
    AB_CLASS_FLUSH_TO_ZERO = 1u << 3,    /* ±0 returned, |f| >= 2^-150 */
    AB_CLASS_SIGNED_ZERO = 1u << 4,      /* zero of the wrong sign */
    AB_CLASS_FINITE_WHERE_INF = 1u << 5, /* finite returned, f = ±inf exactly */
};

/* What an implementation promises for one direction, over every input. */
typedef struct ab_bound {
    double max_ulp;            /* max ULP error over all non-NaN cases */
    unsigned allowed_classes;  /* AB_CLASS_* that may occur */
} ab_bound;

enum {
    AB_FLAG_VECTOR = 1u << 0,        /* softmax-like: operates on a whole row */
    AB_FLAG_SETS_MXCSR = 1u << 1,    /* may change MXCSR (peer libraries) */
    AB_FLAG_FTZ_DEPENDENT = 1u << 2, /* result depends on MXCSR FTZ/DAZ */
    AB_FLAG_NOT_THREAD_SAFE = 1u << 3,
    /* The output bits can depend on the CPU model, not only on the ISA:
     * estimate instructions (rcpps, rsqrtps) in the result path, or a peer
     * library that picks its code path by CPU. Its declared bound is the
     * portable one (docs/accuracy.md, "CPU-dependent results"); a measured
     * figure holds for the CPU it was measured on. */
    AB_FLAG_CPU_DEPENDENT = 1u << 4,
};
/* Number of AB_FLAG_* bits, and the name of bit k ("vector", "sets_mxcsr",
 * "ftz_dependent", "not_thread_safe", "cpu_dependent"); NULL past the end. */
#define AB_FLAG_KINDS 5
const char *ab_flag_name(unsigned bit_index);

typedef struct ab_impl {
    const char *activation;   /* canonical activation name, e.g. "sigmoid" */
    const char *variant;      /* e.g. "naive", "branchless", "avx2-rr-p6-div" */
    ab_isa isa;
    ab_kernel_fn forward;
    ab_kernel_fn derivative;  /* NULL: not offered (some peer libraries) */
    ab_bound forward_bound;
    ab_bound derivative_bound;
    unsigned flags;
    const char *method;       /* one line: how it computes */
} ab_impl;

/* The activations, in the order of actbench/activation_list.def: AB_ACT_sigmoid,
 * AB_ACT_tanh, ... AB_ACTIVATION_COUNT. */
typedef enum ab_activation_id {
#define ACTIVATION(name, ...) AB_ACT_##name,
#include "actbench/activation_list.def"
#undef ACTIVATION
    AB_ACTIVATION_COUNT
} ab_activation_id;

/* Qualitative properties, for the report's table (text, "—" when moot). */
typedef struct ab_activation_traits {
    const char *monotonic;
    const char *smooth;
    const char *zero_centred;
    const char *saturating;
    const char *bounded_below;
    const char *gradient;      /* where and how the gradient vanishes */
} ab_activation_traits;

/* Description of an activation, for the harness, the reference, the docs
 * and the report; one entry of actbench/activation_list.def. */
typedef struct ab_activation {
    ab_activation_id id;
    const char *name;          /* canonical, e.g. "silu" */
    const char *alias;         /* another accepted name ("swish") or NULL */
    bool is_vector;            /* softmax, log_softmax */
    ab_params default_params;
    double range_lo, range_hi; /* interesting range for the dense grid and plots */
    /* Activation-specific named inputs (thresholds, kinks, saturation edges),
     * terminated by a NaN entry, or NULL. The generic list of accuracy.md is
     * added by the harness. */
    const float *special_inputs;
    /* Text (UTF-8, plain: no Markdown escaping) for the docs and the report. */
    const char *formula;
    const char *derivative_formula;
    const char *parameters;    /* the parameters and their defaults, or NULL */
    const char *conventions;   /* values at kinks, zeros and limits, or NULL */
    const char *output_range;
    ab_activation_traits traits;
    /* Elementwise: the reference's exact binary32 values with the default
     * parameters, at_zero_inf[direction][k] at x = +0, -0, -inf, +inf
     * (k = 0..3). The kernels follow the same conventions. */
    float at_zero_inf[2][4];
} ab_activation;

/* ---- registry ---------------------------------------------------------- */

/* Every registered implementation, including those the CPU cannot run: the
 * kernels built into libactbench first, then the tables added by
 * ab_registry_add (libactbench_peers, plugins) in the order they were added. */
size_t ab_impl_count(void);
const ab_impl *ab_impl_at(size_t index);

/* True when the running CPU supports impl->isa. */
bool ab_impl_supported(const ab_impl *impl);

/* Lookup by activation name (or alias) and variant name; an old variant
 * name (ab_variant_alias) finds the renamed variant. NULL when absent. */
const ab_impl *ab_impl_find(const char *activation, const char *variant);

/* A variant's old name, kept for one release so that -V and result files
 * written under it still work: (activation, old_name) now means
 * (activation, current_name). */
typedef struct ab_variant_alias {
    const char *activation; /* canonical activation name */
    const char *old_name;
    const char *current_name;
} ab_variant_alias;
size_t ab_variant_alias_count(void);
const ab_variant_alias *ab_variant_alias_at(size_t index); /* NULL past the end */
/* The current name of `variant` of `activation` (canonical name or alias)
 * when `variant` is an old name, else NULL. */
const char *ab_variant_renamed(const char *activation, const char *variant);

static inline ab_kernel_fn ab_impl_kernel(const ab_impl *impl, ab_direction d)
{
    return d == AB_FORWARD ? impl->forward : impl->derivative;
}
static inline const ab_bound *ab_impl_bound(const ab_impl *impl, ab_direction d)
{
    return d == AB_FORWARD ? &impl->forward_bound : &impl->derivative_bound;
}

size_t ab_activation_count(void); /* AB_ACTIVATION_COUNT */
/* index is an ab_activation_id; NULL past the end. */
const ab_activation *ab_activation_at(size_t index);
/* By canonical name or alias; NULL when unknown. */
const ab_activation *ab_activation_find(const char *name);

/* Appends a table of count implementations to the registry; the table must
 * stay valid for the life of the process. Every entry is checked first (a
 * known activation, a non-empty variant name, a forward kernel, a known ISA,
 * AB_FLAG_VECTOR matching the activation, bounds >= 0, no (activation,
 * variant) pair already registered): on a bad entry nothing is added, false
 * is returned and err (errlen bytes, may be NULL) says why. Registration is
 * not thread-safe: add tables before other threads use the registry. */
bool ab_registry_add(const ab_impl *impls, size_t count, char *err, size_t errlen);

bool ab_cpu_has(ab_isa isa);
const char *ab_isa_name(ab_isa isa);
const char *ab_direction_name(ab_direction d);

#ifdef __cplusplus
}
#endif
#endif
