/* sigmoid, avx2-rr-p6-div: e = e^-|x| from abv_exp_split_hilo of vec/exp_math.h
 * (Cody-Waite reduction, degree-6 Sollya polynomial, r and 1 + r kept in two
 * parts, two-step 2^n scale so subnormal results for x < -87.3 are rounded
 * once, never flushed) as e_hi + e_lo; 1 + e as an exact two-part sum;
 * sigma = select(x >= 0, 1, e) / (1 + e) by abv_div plus one
 * remainder correction (FMA remainder, rcp): about one rounding in all.
 * Derivative e / (1 + e)^2, (1 + e)^2 in two parts: no cancellation in
 * either tail (unlike sigma(1 - sigma)).
 * Port bound: 1.46× forward, 1.42× derivative on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 3.11 and 3.36
 * cycles/element against llvm-mca's znver3 bounds 2.13 and 2.38. Latency, not ports: llvm-mca
 * counts 86-88% of its cycles waiting on data (reduction, two-part p6, the 1 + e sum, the
 * division and its correction are one chain of about 95 cycles per vector), and its simulated
 * steady state, which models the schedulers' size, is 3.47 and 3.50 cycles/element, near the
 * measured times. Seven constants are reloaded from the stack (load ports, not the FP pipes).
 * The loop is held by how much of its chain the out-of-order window holds: the rr2 variant
 * avx2-rr2-p6-div, 37 instructions instead of 54 on an 89-cycle chain, runs at 1.18×; fewer
 * instructions on a shorter chain (Estrin's scheme, fewer correction steps) should close the
 * rest.
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP. Measured: row
 * avx2-rr-p6-div of results/exhaustive/sigmoid.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "vec/exp_math.h"

/* e^-|x| = (e_hi + e_lo) * s2 and 1 + e = d_hi + d_lo (Fast2Sum, 1 >= e). */
ABV_INLINE abv_f exp_and_denominator(abv_f x, abv_f *e_lo, abv_f *s2, abv_f *d_hi, abv_f *d_lo)
{
    abv_f m_lo;
    abv_f m = abv_exp_split_hilo(abv_or(x, abv_sign_bit()), s2, &m_lo);
    abv_f one = abv_set(1.0f);
    abv_f e = abv_mul(m, *s2);
    *e_lo = abv_mul(m_lo, *s2);
    *d_hi = abv_add(one, e);
    *d_lo = abv_add(abv_sub(e, abv_sub(*d_hi, one)), *e_lo);
    return e;
}

ABV_INLINE abv_f sigmoid_two_part(abv_f x, const ab_params *p)
{
    (void)p;
    return abv_sigmoid(x);
}

ABV_INLINE abv_f sigmoid_two_part_derivative(abv_f x, const ab_params *p)
{
    (void)p;
    abv_f e_lo, s2, d_hi, d_lo;
    abv_f e = exp_and_denominator(x, &e_lo, &s2, &d_hi, &d_lo);
    abv_f d2_hi = abv_mul(d_hi, d_hi);
    abv_f d2_lo = abv_fms(d_hi, d_hi, d2_hi);
    d2_lo = abv_fma(abv_add(d_hi, d_hi), d_lo, d2_lo);
    return abv_div_hilo(e, e_lo, d2_hi, d2_lo);
}

void AB_KERNEL(ab_sigmoid_avx2_rr_p6_div_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, sigmoid_two_part);
}

void AB_KERNEL(ab_sigmoid_avx2_rr_p6_div_derivative)(const float *x, float *y, size_t n,
                                            const ab_params *p)
{
    abv_apply(x, y, n, p, sigmoid_two_part_derivative);
}
