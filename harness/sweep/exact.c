/*
 * The exact error of one case (exact.h): f at AB_REF_DEFAULT_PREC bits with
 * MPFR's inexact flag, so that an inexact f equal to y is not taken for an
 * error of 0 (sigmoid(100) = 1 - 2^-144 is 1 at 128 bits).
 */
#include "sweep/exact.h"

#define BELOW_FLOOR 0x1p-1000

void ab_exh_zero_needs_exact(ab_ulp_error *e, bool ref_inexact)
{
    if (e->ulp == 0.0 && ref_inexact && !e->is_nan_case)
        e->ulp = BELOW_FLOOR;
}

ab_ulp_error ab_exh_exact_error(const ab_activation *act, ab_direction dir,
                                const ab_params *params, ab_exh_format fmt, float x, double y,
                                mpfr_t f, double *cr)
{
    mpfr_clear_inexflag();
    ab_ref_eval(act, dir, params, x, f);
    bool inexact = mpfr_inexflag_p() != 0;
    *cr = ab_exh_round_mpfr(f, fmt);
    int prec, emin_unit, emax;
    ab_exh_format_params(fmt, &prec, &emin_unit, &emax);
    ab_ulp_error e = ab_ulp_error_fmt(y, f, prec, emin_unit, emax);
    ab_exh_zero_needs_exact(&e, inexact);
    return e;
}

ab_ulp_error ab_exh_exact_case(const eval_env *env, float x, double y, double *cr)
{
    return ab_exh_exact_error(env->ctx->act, env->dir, &env->ctx->params, env->ctx->format, x,
                              y, *env->f, cr);
}
