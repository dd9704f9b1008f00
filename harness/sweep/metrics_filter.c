/*
 * The error metrics' filter without AVX2 (metrics_filter.h): one case per
 * step, on the same arrays and with the same operations in the same order
 * as metrics_avx2.c's lanes (case_default's cheap bound
 *   a_up = ((|d2| + hw) + (|d1| + |tmid|) 2^-51) (1 + 2^-48) + 2^-1060,
 *   d1 = y - v, d2 = d1 - tmid,
 * and its comparisons against the bars), so both give the same verdicts.
 * A reference the filter must leave to case_default has v = NaN, which
 * fails every comparison.
 */
#include <math.h>
#include <string.h>

#include "sweep/metrics_filter.h"

uint64_t ab_exh_filter_scalar(const filter_refs *f, const float *ys, const float *y_ftz,
                              size_t n, const filter_bars *b, uint64_t *slow)
{
    uint64_t counted = 0;
    memset(slow, 0, (n + 63) / 64 * sizeof *slow);
    for (size_t i = 0; i < n; i++) {
        uint32_t yb, zb;
        memcpy(&yb, &ys[i], sizeof yb);
        memcpy(&zb, &y_ftz[i], sizeof zb);
        bool ok = yb == zb && (yb & 0x7F800000u) != 0x7F800000u; /* same in both runs, finite */
        double tmid = (f->tlo[i] + f->thi[i]) * 0.5, hw = (f->thi[i] - f->tlo[i]) * 0.5;
        double y = ys[i], d1 = y - f->v[i], d2 = d1 - tmid;
        double a_up = ((fabs(d2) + hw) + (fabs(d1) + fabs(tmid)) * 0x1p-51) *
                          (1 + 0x1p-48) +
                      0x1p-1060;
        bool below_res = a_up <= f->res_lo[i];
        bool need = below_res ? b->abs_unset : !(a_up < b->abs);
        double u_up = a_up * f->uinv[i], r_up = a_up * f->inv_fabs[i];
        bool need_rel = below_res ? b->rel_unset : !(r_up < b->rel);
        bool need_normal = !(u_up < b->ulp) || need_rel || !(u_up < b->ftz);
        bool normal = f->normal[i] != 0;
        need = need || (need_normal && normal);
        bool forced = y == f->zero_v[i] || !ok;
        if (need && !forced)
            need = !ab_exh_filter_loses(y, ab_exh_abs_interval(y, f->v[i], f->tlo[i], f->thi[i]),
                                        f->v[i], f->res_lo[i], f->uinv[i], f->fabs_lo[i], normal,
                                        b, true);
        need = need || forced;
        counted += !need && normal;
        slow[i / 64] |= (uint64_t)need << (i % 64);
    }
    return counted;
}
