/*
 * What the fast reference's bound decides (decide.c). The reference value
 * of an input is prepared once (f = v + tail within a half-width d, the
 * correctly rounded float and the ULP unit of f when the interval settles
 * them); then for each result y, fast_case decides the quantized error's
 * cell, its histogram bin, the CR verdict and the error classes, or says it
 * cannot (the case goes to MPFR).
 */
#ifndef ACTBENCH_SWEEP_DECIDE_H
#define ACTBENCH_SWEEP_DECIDE_H

#include <stdbool.h>
#include <stdint.h>

#include "actbench/bits.h"
#include "actbench/fastref.h"

enum { KIND_FAST = 0, KIND_NAN, KIND_MPFR };

/* What the fast bound decides for one result y (fast_case). */
typedef struct fast_verdict {
    double raw, q_lo, q_hi; /* the error (midpoint), its quantized interval */
    double as, r;           /* |y - (v + t)| = as + r exactly (split_error) */
    unsigned classes;
    int bin;
    bool is_cr;
    bool narrowed; /* the cell was narrowed as far as the fast bound can */
    int8_t side;   /* sign of y - f where the bound proved it, else 0 */
} fast_verdict;

/* The fields a verdict pass reads for every input whose result is not the
 * correct rounding come first, in one cache line (the struct is aligned to
 * it): spread over four lines, each such input's first load missed. */
typedef struct prepared {
    _Alignas(64) double v, tail, d; /* f = v + tail within the widened half-width d (0: exact) */
    double tlo, thi;   /* f in [v + tlo, v + thi] (with the known signs applied) */
    double inv_unit;  /* 1/U(f), valid when unit_ok */
    uint32_t last_y;
    uint32_t cr_bits; /* valid when cr_ok */
    uint8_t kind, cr_ok, unit_ok;
    uint8_t cr_verdict_ok, last_state; /* last_state: 0 none, 1 decided, 2 MPFR */
    uint8_t same_ref;  /* the reference fields are those of the previous input */
    fast_verdict cr_verdict; /* for y = the correct rounding, when cr_verdict_ok */
    fast_verdict last_verdict; /* for y = last_y: implementations often agree */
    float flo, fhi;   /* floats of the ends of [v - d, v + d] */
    uint8_t ref_inexact; /* MPFR mode: MPFR raised its inexact flag computing f */
    int8_t f_beyond;  /* +1: f >= 2^128, -1: f <= -2^128, 0: neither, 2: unknown */
    int16_t binade;   /* sign * 256 + exponent field of x */
    int16_t grid;     /* -1: outside the grid */
    uint16_t brun, grun; /* its binade and grid runs (cr_runs); grun NO_RUN: none */
    uint16_t const_id;   /* the fast value's const_id (fastref.h); 0: none */
} prepared;

/* The reference fields of p from the fast value fv alone (p->kind becomes
 * KIND_MPFR when fv is unusable). */
void ab_exh_prepare_fast(prepared *p, const ab_fastref_value *fv);
/* Bit-identical fast values (a saturated range repeats one); inline: it
 * is asked once per input. */
static inline bool ab_exh_same_fastref(const ab_fastref_value *a, const ab_fastref_value *b)
{
    return ab_double_bits(a->value) == ab_double_bits(b->value) &&
           ab_double_bits(a->tail) == ab_double_bits(b->tail) &&
           ab_double_bits(a->err) == ab_double_bits(b->err) && a->sign == b->sign &&
           a->tail_sign == b->tail_sign && a->const_id == b->const_id;
}
/* The verdict of the bound on the non-NaN result yf; false when it cannot
 * decide. */
bool ab_exh_fast_case(const prepared *p, float yf, fast_verdict *out);
/* ab_exh_fast_case for y = the correct rounding (p->cr_ok), cheaper: the
 * same verdict (false where that gives false), except that r and side may
 * be 0: a CR verdict is never narrowed (ab_exh_narrow_for_max), only its
 * raw, q_lo and q_hi are read. */
bool ab_exh_cr_verdict(const prepared *p, fast_verdict *out);
/* The error |y - f| * inv_unit, f = v + tau with tau in [tlo, thi], has
 * the quantized cells q_lo < q_hi with one grid point G = q_lo between:
 * decides on which side of G it lies from exact signs at the interval's
 * ends (side: the sign of y - f where known, else 0); true when it did. */
bool ab_exh_decide_by_ends(double y, double v, double tlo, double thi, double inv_unit, int side,
                           double *q_lo, double *q_hi);
/* Narrows v's cell as far as the bound can (before it goes to the max
 * tracker). */
void ab_exh_narrow_for_max(const prepared *p, float yf, fast_verdict *v);

#endif
