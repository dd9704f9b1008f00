/*
 * The derivatives of elu and selu by the lean e^x core, written once for
 * every ISA of vec_*.h (each kernel file states its measured bound).
 * Declared bound: elu 1 ULP, selu 2 ULP, no error class.
 * Fast path, x >= -80 (every lane of nearly every vector): for x <= 0 the
 * slope is c e^x (c = alpha, or lambda alpha for selu); e^x 2^32 = eb from
 * abv_lean_exp_neg_big (vec/lean_math.h: two-step Cody-Waite reduction,
 * degree-6 Sollya polynomial, one rounding, ~0.9 ULP of e^x at most) and
 * c 2^-32 split in two floats, so c e^x = fma(C_hi, eb, C_lo eb) is rounded
 * once more: ~1.4 ULP at most. Down to x = -80, c e^x >= 2^-126 for
 * c >= 2^-10 (both defaults), so the result is normal and the 2^-32 folded
 * into C costs no precision. For x > 0 the slope is the constant (1, or
 * lambda), and the exp lanes are discarded (x = 0 takes c e^0 = c).
 * Slow path, a vector with a lane below -80 or a NaN: the accurate method
 * of the expm1-p6 variants (elu/vec_expm1.h: e^x split as m 2^n2, so subnormal
 * results are rounded once) on those lanes only, blended in, so each output
 * depends on its own input alone (the same bits at any vector width and in
 * the tail as in the body). Cost on the fast path: one compare and a
 * movemask per vector. (scripts/portbound.py's llvm-mca bound for these
 * kernels counts the slow path's instructions as executed on every vector,
 * so it is that of both paths together, well above the fast path's.)
 * The constants come from the ab_params once per call (read inside the
 * loop they would be reloaded on every vector, as the stores may alias).
 */
#ifndef ACTBENCH_ELU_VEC_EXP_LEAN_H
#define ACTBENCH_ELU_VEC_EXP_LEAN_H

#include "elu/vec_expm1.h"
#include "vec/lean_math.h"

#define ELU_LEAN_X_MIN -80.0f

typedef struct elu_lean_slope {
    abv_f c_hi, c_lo;  /* c 2^-32 = c_hi + c_lo, c the slope factor of e^x */
    abv_f positive;    /* the slope for x > 0 */
} elu_lean_slope;

ABV_INLINE elu_lean_slope elu_lean_slope_of(double c, double positive)
{
    float hi = (float)c;
    float lo = (float)(c - (double)hi);
    return (elu_lean_slope){abv_set(hi * AB_LEAN_UNSCALE), abv_set(lo * AB_LEAN_UNSCALE),
                            abv_set((float)positive)};
}

/* slow: elu_expm1_derivative or selu_expm1_derivative. */
ABV_INLINE abv_f elu_lean_derivative(abv_f x, elu_lean_slope k, const ab_params *p, abv_fn slow)
{
    abv_f eb_lo;
    abv_f eb = abv_lean_exp_neg_big(x, &eb_lo);
    abv_f negative = abv_fma(k.c_hi, eb, abv_mul(k.c_lo, eb));
    abv_f y = abv_select(abv_gt(x, abv_zero()), k.positive, negative);
    abv_mask tail = abv_gt_or_nan(abv_set(ELU_LEAN_X_MIN), x);
    if (abv_any(tail))
        y = abv_select(tail, slow(x, p), y);
    return y;
}

ABV_INLINE void elu_lean_derivative_apply(const float *x, float *y, size_t n, const ab_params *p,
                                          elu_lean_slope k, abv_fn slow)
{
    unsigned csr = abv_mxcsr_enter();
    size_t i = 0;
    for (; i + ABV_LANES <= n; i += ABV_LANES)
        abv_store(y + i, elu_lean_derivative(abv_load(x + i), k, p, slow));
    if (i < n)
        abv_store_part(y + i, n - i,
                       elu_lean_derivative(abv_load_part(x + i, n - i), k, p, slow));
    abv_mxcsr_leave(csr);
}

ABV_INLINE void elu_lean_derivative_kernel(const float *x, float *y, size_t n, const ab_params *p)
{
    elu_lean_derivative_apply(x, y, n, p, elu_lean_slope_of(p->alpha, 1.0),
                              elu_expm1_derivative);
}

ABV_INLINE void selu_lean_derivative_kernel(const float *x, float *y, size_t n, const ab_params *p)
{
    elu_lean_derivative_apply(x, y, n, p, elu_lean_slope_of(p->lambda * p->alpha, p->lambda),
                              selu_expm1_derivative);
}

#endif
