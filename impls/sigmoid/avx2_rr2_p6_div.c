/* sigmoid, avx2-rr2-p6-div: the lean kernel (vec/lean_math.h), the math of
 * sigmoid/vec_rr2_p6_div.h on 8 lanes (AVX2 + FMA).
 * Method (sigmoid/vec_rr2_p6_div.h): eb = e^-|x| 2^32 in two parts (rr2
 * Cody-Waite, degree-5 q); select(x < 0, eb, 2^32) / (2^32 + eb) by one
 * vdivps plus a remainder correction; derivative eb 2^32 / (2^32 + eb)^2,
 * the square in two parts, same division.
 * Measured over ALL 2^32 binary32 inputs (throwaway checker: double
 * reference e/(1+e), 1/(1+e^-x), e/(1+e)^2 with glibc exp, ULP convention
 * of docs/accuracy.md; worst cases confirmed with MPFR ab_ref_eval +
 * ab_ulp_error_of): forward max 0.8744 ULP (x = -0x1.76cbf2p+2), derivative
 * max 0.8841 ULP (x = -0x1.76e07p+2); no error class (no flush, NaN, inf).
 * Speed (actbench bench -q, L1 uniform, ticks/elem, one run): forward 1.20
 * vs naive 3.84 (3.2x), avx2 1.82, fastest AVX2 peer libmvec 0.68;
 * peer-xnnpack 0.21 and peer-onednn 0.37 (those libraries pick AVX-512
 * code on this CPU: /proc/cpuinfo has avx512f). Derivative 1.47 vs naive
 * 4.47 (3.0x), libmvec 0.74. Not yet at the goal: the kernel is bound by
 * the FMA pipes (~33 vector ops per 8 elements, the two-part e and the
 * remainder correction cost ~12 of them). */
#include "vec/vec_avx2.h"
#include "sigmoid/vec_rr2_p6_div.h"

void AB_KERNEL(ab_sigmoid_avx2_rr2_p6_div_forward)(const float *x, float *y, size_t n,
                                                   const ab_params *p)
{
    abv_apply(x, y, n, p, sigmoid_rr2_p6_div);
}

void AB_KERNEL(ab_sigmoid_avx2_rr2_p6_div_derivative)(const float *x, float *y, size_t n,
                                                      const ab_params *p)
{
    abv_apply(x, y, n, p, sigmoid_rr2_p6_div_derivative);
}
