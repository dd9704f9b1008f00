/*
 * The fast verdicts of the common non-CR case in batches (classify.c): a
 * result y that is finite, non-zero and not round(f), on a reference whose
 * correct rounding and ULP unit the bound settles. There the verdict needs
 * no error class and no sign test: |y - f| = |s2| + r exactly by two
 * TwoSums, and either it is exact or its interval [lo, hi] (the slack of
 * decide.c's error_interval) lies above 0; where f's tail lies far below
 * y - v and the cell is open, the cell is narrowed by fast_case's directed
 * sums (ab_exh_directed_narrow). A lane for which that holds and whose
 * cell's ends have one histogram bin is "decided": its verdict is, field
 * for field, the one ab_exh_fast_case gives; any other lane is left to
 * ab_exh_fast_case.
 * The scalar loop (verdict_batch.c) and the AVX2 one (verdict_batch_avx2.c)
 * do the same binary64 operations in the same order, without contraction,
 * so their verdicts are bit for bit equal (tests/test_verdict_batch.c).
 */
#ifndef ACTBENCH_SWEEP_VERDICT_BATCH_H
#define ACTBENCH_SWEEP_VERDICT_BATCH_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sweep/bits.h"
#include "sweep/decide.h"
#include "sweep/directed.h"
#include "sweep/quantize.h"

#define AB_EXH_VERDICT_BATCH 64

typedef struct verdict_batch {
    /* in: the reference (prepared v, tail, d, inv_unit) and y, per lane */
    double v[AB_EXH_VERDICT_BATCH], t[AB_EXH_VERDICT_BATCH], d[AB_EXH_VERDICT_BATCH];
    double inv[AB_EXH_VERDICT_BATCH], y[AB_EXH_VERDICT_BATCH];
    double tlo[AB_EXH_VERDICT_BATCH], thi[AB_EXH_VERDICT_BATCH];
    /* out: s2 = the rounded y - v - t (its sign is the side), r, the raw
     * error and its quantized cell; decided: a bit per lane (the bins of
     * q_lo and q_hi are compared by ab_exh_verdict_from_batch) */
    double s2[AB_EXH_VERDICT_BATCH], r[AB_EXH_VERDICT_BATCH];
    double raw[AB_EXH_VERDICT_BATCH], q_lo[AB_EXH_VERDICT_BATCH], q_hi[AB_EXH_VERDICT_BATCH];
    uint8_t exact[AB_EXH_VERDICT_BATCH];
    uint64_t decided;
} verdict_batch;

/* fast_case's directed narrowing of the open cell [*q_lo, *q_hi] (y - v
 * far above f's tail, inv_unit a power of 2): |y - f| bounded by directed
 * sums at the ends of [tlo, thi], scaled by inv_unit and quantized. The
 * batches use it where the scaled ends are normal doubles (the scaling is
 * then exact: the directed products of decide.c are the plain products);
 * false, cell unchanged, for a lane outside that (left to fast_case). */
static inline bool ab_exh_directed_narrow(double y, double v, double tlo, double thi,
                                          double inv_unit, double *q_lo, double *q_hi)
{
    diff_bounds a = abs_diff_bounds(y, v, tlo, thi);
    if (a.side == 0)
        return true; /* fast_case leaves the cell as it is */
    double lo = a.lo * inv_unit, hi = a.hi * inv_unit;
    if (!(lo >= EXACT_TEST_MIN) || !(hi < INFINITY))
        return false;
    lo = ab_exh_quantize(lo);
    hi = ab_exh_quantize(hi);
    if (lo > *q_lo)
        *q_lo = lo;
    if (hi < *q_hi)
        *q_hi = hi;
    return true;
}

/* Lanes [0, n) of b (n <= AB_EXH_VERDICT_BATCH): the scalar loop, and the
 * AVX2 one for the CPUs that have it (cpu.h). */
void ab_exh_verdict_batch_scalar(verdict_batch *b, size_t n);
void ab_exh_verdict_batch_avx2(verdict_batch *b, size_t n);
/* Lane k by the scalar code; true when decided. */
bool ab_exh_verdict_lane(verdict_batch *b, size_t k);
/* Whether prepared p and result yf are a batch lane's case (above). */
static inline bool ab_exh_verdict_batch_fits(const prepared *p, float yf)
{
    return p->cr_ok && p->unit_ok && yf != 0.0f && isfinite(yf) && fbits(yf) != p->cr_bits;
}
/* The verdict of decided lane k, as ab_exh_fast_case gives it; false
 * (out unset) when its cell's ends lie in two histogram bins. */
bool ab_exh_verdict_from_batch(const verdict_batch *b, size_t k, fast_verdict *out);

#endif
