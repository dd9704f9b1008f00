/*
 * Fast references in double with a rigorous per-input absolute error bound:
 * the error model they all follow, and their lookup by activation id. Each
 * activation's fast reference, with its bound, sits next to its MPFR
 * reference in reference/<activation>.c; the shared building blocks are in
 * fastref_internal.h.
 *
 * Model of the error (u = 2^-53, the unit roundoff of double):
 *   - each +, -, *, / of doubles: relative error <= u (round to nearest);
 *     products of a float by a float and scalings by powers of 2 are exact;
 *   - each glibc double exp, expm1, log1p, tanh, erfc: relative error
 *     <= EPS = 2^-49 (glibc documents <= 1 ulp for exp/expm1/log1p/tanh and
 *     a few ulps for erfc; 1 ulp <= 2^-52 relative, so 2^-49 leaves 8 ulps);
 *   - an error in an argument z propagates with the condition number
 *     |z f'(z) / f(z)|; where the argument itself is computed (z = beta*x,
 *     t = -x/sqrt 2, the gelu_tanh polynomial), its absolute error is carried
 *     and multiplied by |f'(z)|.
 * Each function states its first-order relative bound R (or a bound
 * built from the magnitudes of its terms where they cancel, e.g. near the
 * zero of gelu'). The returned err is 2 * (first-order bound) + TINY: the
 * factor 2 covers the second-order terms (all first-order terms are below
 * 2^-35, so their products are below 2^-70), and TINY = 2^-900 covers double
 * underflow (a subnormal or flushed exp() contributes an absolute error
 * below 2^-1074 * 2^128 = 2^-946, far below any binary32 rounding
 * boundary). Exactly computed cases (relu, identity, ...) return err = 0.
 * tests/test_fastref.c measures |value - MPFR| / err over millions of inputs
 * and requires it to be <= 1 (and reports the observed maximum).
 *
 * Non-finite x (and nothing else) is left to MPFR: err = +inf.
 */
#include <math.h>

#include "actbench/fastref.h"
#include "ref_internal.h"

ab_fastref_fn ab_fastref_lookup(const ab_activation *act, ab_direction dir)
{
    const ab_ref_activation *ref = ab_ref_of(act);
    if (ref == NULL || act->is_vector)
        return NULL;
    return dir == AB_FORWARD ? ref->fast_forward : ref->fast_derivative;
}

bool ab_fastref_eval(const ab_activation *act, ab_direction dir, const ab_params *params,
                     const float *x, ab_fastref_value *out, size_t n)
{
    ab_fastref_fn fn = ab_fastref_lookup(act, dir);
    if (fn == NULL)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i])) {
            out[i].value = NAN;
            out[i].tail = 0.0;
            out[i].err = INFINITY;
            out[i].sign = 0;
            out[i].tail_sign = 0;
            out[i].const_id = 0;
            continue;
        }
        fn((double)x[i], params, &out[i]);
    }
    return true;
}
