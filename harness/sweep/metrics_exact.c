/*
 * The exact definition of the sweep's error metrics (metrics.h): one case
 * against its MPFR value, quantized as the sweep reports the figures. The
 * fast path of metrics.c must equal it wherever it decides a figure.
 */
#include <math.h>

#include "sweep/bits.h"
#include "sweep/metrics.h"
#include "sweep/quantize.h"

static void offer(ab_err_max *mx, double value, uint32_t x, double y, double ref)
{
    ab_err_max_offer(mx, value, x, fbits((float)y), fbits((float)ref));
}

void ab_exh_metrics_exact_case(ab_acc_stats *s, ab_exh_format fmt, float x, double y,
                               const mpfr_t f, bool inexact, bool ftz_run)
{
    int prec, emin_unit, emax;
    ab_exh_format_params(fmt, &prec, &emin_unit, &emax);
    ab_ulp_error e = ab_ulp_error_fmt(y, f, prec, emin_unit, emax);
    ab_exh_zero_needs_exact(&e, inexact);
    if (e.is_nan_case)
        return;
    double cr = ab_exh_round_mpfr(f, fmt);
    bool normal = ab_is_normal_output(cr, prec, emin_unit);
    uint32_t xb = fbits(x);
    if (ftz_run) {
        if (normal)
            offer(&s->ftz_ulp_normal, ab_exh_quantize(e.ulp), xb, y, cr);
        return;
    }
    double abs_err, rel_err;
    ab_abs_rel_error(y, f, &abs_err, &rel_err);
    if (!isnan(abs_err))
        offer(&s->abs_err, ab_exh_quantize_rel(abs_err), xb, y, cr);
    if (!normal)
        return;
    s->normal_counted++;
    offer(&s->ulp_normal, ab_exh_quantize(e.ulp), xb, y, cr);
    offer(&s->rel_normal, ab_exh_quantize_rel(rel_err), xb, y, cr);
}
