/*
 * The MPFR evaluator of the elementwise activations and their derivatives
 * (each activation's formulation is in reference/<activation>.c, found by
 * its id through reference_table.c), and the dispatch of the vector ones.
 *
 * Every function is built inside MPFR at a working precision
 *     w = prec(out) + 64 + 3 * max(0, log2|x|)      (|β·x| for silu/softplus)
 * from a formulation without cancellation, then rounded once into `out`, to
 * odd (see ab_ref_set_round_to_odd: no double rounding when out is rounded again to
 * binary32). The
 * 3·log2|x| term pays for the amplification of the argument's rounding error
 * by exp/erfc of x, x² or x³ (gelu_tanh). Cancellation remains only near the
 * negative zero of gelu', gelu_tanh', silu' and mish', where a float input is
 * never closer to the root than its own spacing; the p/2p self-check
 * (tests/test_reference_selfcheck.c) is what vouches for those.
 *
 * The exponent range is widened to MPFR's maximum during the evaluation so
 * that e^(-1e38)-like intermediates do not flush early; the result is then
 * brought back into the caller's range with mpfr_check_range (values below it
 * become a zero of the right sign).
 *
 * The conventions at ±0 and ±inf (signs of zero, limits, kinks) are the
 * at_zero_inf values of each activation in actbench/activation_list.def,
 * which tests/test_reference_selfcheck.c checks against these references and
 * docs/activations.md prints; the kernels follow the same table.
 *
 * Rules behind the conventions:
 * - NaN in gives NaN out, for f and f'.
 * - A zero result takes the sign the defining formula gives in IEEE
 *   arithmetic on the exact values: relu = max(0,x) is +0 for every x <= 0;
 *   x·(positive) keeps x's sign (gelu, gelu_tanh, silu, mish, leaky, tanh,
 *   softsign, elu/selu via alpha·expm1(x)); hardswish(x) = x·relu6(x+3)/6 is
 *   -0 for every x <= -3 (x times +0) and for x = -0.
 * - At ±inf the value is the limit, and a limit of 0 takes the sign of the
 *   side it is approached from: gelu, gelu_tanh, silu, mish -> -0 at -inf,
 *   and so do their derivatives (negative left of their negative root).
 * - Kinks take the one-sided value documented in the activation list:
 *   relu'(0) = 0, leaky'(0) = alpha, elu'(0) = alpha, selu'(0) = lambda*alpha,
 *   hardsigmoid'(±3) = 0, hardswish'(-3) = -1/2, hardswish'(3) = 3/2,
 *   binary_step' = +0 everywhere, binary_step(-0) = 1 (-0 >= 0).
 * - leaky_relu and prelu at -inf: alpha*x, -inf for alpha > 0, +inf for
 *   alpha < 0, -0 for alpha = +0.
 * - silu with beta = 0 is x/2 (derivative 1/2); silu with beta < 0 swaps
 *   the values at ±inf. softplus with beta = 0 is undefined: NaN.
 * - Exact values that underflow even MPFR's range (e.g. gelu'(-1e38)) keep
 *   the sign of the exact value: the derivative zeros left of the negative
 *   roots are forced to -0 (the exact value is negative there).
 */
#include <math.h>

#include "actbench/fastref.h"
#include "actbench/reference.h"
#include "ref_internal.h"

/* Guard bits for an argument of magnitude about 2^e: exp/erfc of an x, x²
 * or x³ argument amplify its relative rounding error by up to ~2^(3e). For
 * tiny x, f(x) = f(0) + f'(0)x + O(x²) sits within |x| (relative) of a
 * binary32 rounding midpoint when f(0) = 0 and f'(0) = 1/2 (gelu, silu,
 * hardswish at subnormal x): -e more bits keep that term visible. */
static mpfr_prec_t working_precision(mpfr_prec_t out_prec, float x, double beta, bool uses_beta)
{
    long e = 0;
    if (isfinite(x) && x != 0.0f)
        e = ilogbf(x);
    if (uses_beta && isfinite(beta) && beta != 0.0 && ilogb(beta) > 0)
        e += ilogb(beta);
    return out_prec + 64 + (e > 0 ? 3 * e : -e);
}

int ab_ref_set_round_to_odd(mpfr_t out, const mpfr_t r)
{
    int inexact = mpfr_set(out, r, MPFR_RNDZ);
    if (inexact != 0 && mpfr_min_prec(out) < mpfr_get_prec(out)) {
        if (mpfr_sgn(out) > 0)
            mpfr_nextabove(out);
        else
            mpfr_nextbelow(out);
        inexact = -inexact; /* now rounded away from zero */
    }
    return inexact;
}

/* Where the function saturates (sigma(x) = 1 - e^-x for x = 2048, tanh,
 * softsign, x + log1p(e^-x), ...), the tail lies below 2^-w and the value
 * at w bits is the anchor itself (1, x, -alpha) although an operation was
 * inexact: round to odd cannot see the side of the exact value, and the
 * binade (hence U(f)) of a value just below a power of 2 would be wrong.
 * The fast reference knows that side analytically (its tail_sign, checked
 * against MPFR by tests/test_fastref where MPFR resolves it): the result is
 * then what round to odd of the exact value gives, the anchor's odd
 * neighbour on that side. */
static int saturated_side(const ab_activation *act, ab_direction dir, const ab_params *params,
                          float x, mpfr_t out)
{
    ab_fastref_fn fn = ab_fastref_lookup(act, dir);
    if (fn == NULL || !isfinite(x) || x == 0.0f || mpfr_zero_p(out))
        return 0; /* f(±0) is exact; zeros follow the convention table */
    ab_fastref_value fv;
    fn((double)x, params, &fv);
    if (fv.tail_sign == 0 || mpfr_cmp_d(out, fv.value) != 0)
        return 0;
    if (fv.tail_sign > 0)
        mpfr_nextabove(out);
    else
        mpfr_nextbelow(out);
    return fv.tail_sign;
}

bool ab_ref_eval(const ab_activation *act, ab_direction dir,
                 const ab_params *params, float x, mpfr_t out)
{
    if (act == NULL || act->is_vector)
        return false;
    const ab_ref_activation *ref = ab_ref_of(act);
    if (ref == NULL || ref->forward == NULL)
        return false;
    if (params == NULL)
        params = &act->default_params;
    if (isnan(x)) {
        mpfr_set_nan(out);
        return true;
    }

    mpfr_exp_t saved_emin = mpfr_get_emin(), saved_emax = mpfr_get_emax();
    mpfr_set_emin(mpfr_get_emin_min());
    mpfr_set_emax(mpfr_get_emax_max());

    mpfr_prec_t w = working_precision(mpfr_get_prec(out), x, params->beta, ref->uses_beta);
    mpfr_t xv, r;
    mpfr_init2(xv, 32);
    mpfr_init2(r, w);
    mpfr_set_flt(xv, x, MPFR_RNDN); /* exact, keeps -0 */
    mpfr_clear_inexflag();
    (dir == AB_FORWARD ? ref->forward : ref->derivative)(r, xv, params, w);
    bool rounded = mpfr_inexflag_p() != 0;
    int inexact = ab_ref_set_round_to_odd(out, r);
    if (rounded && inexact == 0 && !mpfr_nan_p(out) && !mpfr_inf_p(out))
        inexact = saturated_side(act, dir, params, x, out);
    mpfr_clears(xv, r, (mpfr_ptr)0);

    mpfr_set_emin(saved_emin);
    mpfr_set_emax(saved_emax);
    mpfr_check_range(out, inexact, MPFR_RNDN);
    return true;
}

float ab_ref_float(const ab_activation *act, ab_direction dir,
                   const ab_params *params, float x, mpfr_prec_t prec)
{
    mpfr_t v;
    mpfr_init2(v, prec > 0 ? prec : AB_REF_DEFAULT_PREC);
    float y = NAN;
    if (ab_ref_eval(act, dir, params, x, v))
        y = ab_ref_round_to_float(v);
    mpfr_clear(v);
    return y;
}

bool ab_ref_eval_vector(const ab_activation *act, ab_direction dir,
                        const float *x, const float *v, size_t n, mpfr_t *out)
{
    const ab_ref_activation *ref = ab_ref_of(act);
    if (ref == NULL || !act->is_vector || ref->row == NULL)
        return false;
    return ref->row(dir, x, v, n, out);
}
