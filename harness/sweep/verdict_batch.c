/*
 * The batched common-case verdicts, one lane at a time (verdict_batch.h):
 * the scalar twin of verdict_batch_avx2.c, and the verdict a decided lane
 * stands for. The operations are those of decide.c's split_error,
 * error_interval and quantized_cell on that case, in the same order.
 */
#include "sweep/quantize.h"
#include "sweep/verdict_batch.h"

bool ab_exh_verdict_lane(verdict_batch *b, size_t k)
{
    double yv = b->y[k], v = b->v[k], t = b->t[k], inv = b->inv[k];
    double s = yv - v;
    double bb = s - yv;
    double e1 = (yv - (s - bb)) + (-v - bb);
    double s2 = s - t;
    double b2 = s2 - s;
    double e2 = (s - (s2 - b2)) + (-t - b2);
    double as = fabs(s2);
    double e12 = fabs(e1) + fabs(e2);
    bool exact = b->d[k] == 0.0 && e12 == 0.0;
    double lo, hi;
    if (exact) {
        lo = hi = as * inv;
    } else {
        double slack = (e12 + b->d[k]) * (1 + 0x1p-50) + as * 0x1p-50;
        lo = (as - slack) * inv;
        hi = (as + slack) * inv;
    }
    double q_lo = ab_exh_quantize(lo), q_hi = ab_exh_quantize(hi);
    /* fast_case narrows an open cell by directed sums when f's tail lies
     * far below y - v (its directed_cell) */
    bool directed = fabs(b->tlo[k]) + fabs(b->thi[k]) < fabs(s) * 0x1p-60;
    bool settled = exact || (lo > 0 && (q_lo == q_hi || !directed));
    if (!settled && lo > 0)
        settled = ab_exh_directed_narrow(yv, v, b->tlo[k], b->thi[k], inv, &q_lo, &q_hi);
    b->s2[k] = s2;
    b->r[k] = s2 >= 0 ? e1 + e2 : -(e1 + e2);
    b->raw[k] = 0.5 * (lo + hi);
    b->q_lo[k] = q_lo;
    b->q_hi[k] = q_hi;
    b->exact[k] = exact;
    return settled;
}

void ab_exh_verdict_batch_scalar(verdict_batch *b, size_t n)
{
    b->decided = 0;
    for (size_t k = 0; k < n; k++)
        b->decided |= (uint64_t)ab_exh_verdict_lane(b, k) << k;
}

bool ab_exh_verdict_from_batch(const verdict_batch *b, size_t k, fast_verdict *out)
{
    double s2 = b->s2[k], q_lo = b->q_lo[k], q_hi = b->q_hi[k];
    int bin = ab_exh_hist_bin(q_lo);
    if (bin != ab_exh_hist_bin(q_hi))
        return false;
    *out = (fast_verdict){.raw = b->raw[k],
                          .q_lo = q_lo,
                          .q_hi = q_hi,
                          .as = fabs(s2),
                          .r = b->r[k],
                          .classes = 0,
                          .bin = bin,
                          .is_cr = false,
                          .narrowed = b->exact[k] || q_lo == q_hi,
                          .side = (int8_t)(b->exact[k] ? 0 : s2 > 0 ? 1 : s2 < 0 ? -1 : 0)};
    return true;
}
