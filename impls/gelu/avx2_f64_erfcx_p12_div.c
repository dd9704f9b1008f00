/* gelu, avx2-f64-erfcx-p12-div: the math of gelu/vec_erfcx.h on 8 lanes
 * (AVX2 + FMA), in binary64 four lanes at a time, rounded once to binary32:
 * erfc(t) = e^(-s) G(u) / (1 + 2t), G a degree-12 Sollya polynomial in
 * u = (t - 7/2)/(t + 7/2), one division; x >= 0: x - a Q, x < 0: -(a Q),
 * Q = Phi(-|x|); derivative Phi(x) + x phi(x) by the same parts, v R(v)
 * around its root x0 = -0.7518.
 *
 * Error: relative error of the binary64 value below 2^-33, so the result is
 * within 0.5 + 2^-9 ULP. MEASURED over every 3rd binary32 bit pattern
 * (1.43e9 inputs, all binades; throwaway checker against an x87 long double
 * erfcl/expl reference): forward max 0.5004 ULP (x = 0x1.ffacp-20),
 * derivative max 0.5005 ULP (x = -0x1.b615eep-2), no error class (the
 * reference's own -0 convention for gelu' in the left tail is followed). */
#include "vec/vec_avx2.h"
#include "gelu/vec_erfcx.h"

void AB_KERNEL(ab_gelu_avx2_f64_erfcx_p12_div_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, gelu_erfcx);
}

void AB_KERNEL(ab_gelu_avx2_f64_erfcx_p12_div_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, gelu_erfcx_derivative);
}
