/* silu, avx2-rr2-p6-div: the lean kernel, the math of silu/vec_rr2_p6_div.h
 * on 8 lanes (AVX2 + FMA): y = select(z < 0, x eb, x 2^32) / (2^32 + eb),
 * eb = e^-|z| 2^32 in two parts (rr2 Cody-Waite, degree-5 q), one vdivps
 * plus a remainder correction; subnormal results rounded once.
 * Derivative: not lean yet — the accurate avx2 variant's math
 * (silu/vec_two_part.h), whose error and speed are its own.
 * Measured over ALL 2^32 binary32 inputs, beta = 1 (throwaway checker:
 * double reference x e/(1+e), x/(1+e^-x) with glibc exp, ULP convention of
 * docs/accuracy.md; worst case confirmed with MPFR ab_ref_eval +
 * ab_ulp_error_of): forward max 1.0016 ULP (x = -0x1.4cb864p+2, the only
 * input above 1 ULP), no flush / NaN / inf / signed-zero class.
 * Speed (actbench bench -q, L1 uniform, ticks/elem, one run): forward 1.85
 * vs naive 4.08 (2.2x), avx2 2.60, fastest AVX2 peer libmvec 0.83,
 * peer-onednn 0.62 (AVX-512 on this CPU). Not yet at the goal. */
#include "vec/vec_avx2.h"
#include "silu/vec_rr2_p6_div.h"
#include "silu/vec_two_part.h"

void AB_KERNEL(ab_silu_avx2_rr2_p6_div_forward)(const float *x, float *y, size_t n,
                                                const ab_params *p)
{
    silu_rr2_p6_div_apply(x, y, n, p);
}

void AB_KERNEL(ab_silu_avx2_rr2_p6_div_derivative)(const float *x, float *y, size_t n,
                                                   const ab_params *p)
{
    abv_apply(x, y, n, p, silu_two_part_derivative);
}
