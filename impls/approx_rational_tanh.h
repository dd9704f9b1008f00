/* The rational tanh shared by the approx-rational sigmoid and tanh variants
 * and the avx2-approx-rational-rcp tanh: x·P3(x²)/Q3(x²) with the Padé
 * denominator and a minimax numerator (scripts/sollya/approx_tanh_rational.sollya),
 * exactly ±1 beyond |x| > 6. */
#ifndef ACTBENCH_APPROX_RATIONAL_TANH_H
#define ACTBENCH_APPROX_RATIONAL_TANH_H

#include <math.h>

#define AB_RTANH_P0 0x1.fff85p-1f
#define AB_RTANH_P1 0x1.f0dddp-4f
#define AB_RTANH_P2 0x1.06640ap-9f
#define AB_RTANH_P3 0x1.f6b842p-21f
#define AB_RTANH_Q1 0x1.d1745ep-2f
#define AB_RTANH_Q2 0x1.4afd6ap-6f
#define AB_RTANH_Q3 0x1.937e12p-14f
#define AB_RTANH_CLAMP 6.0f

static inline float ab_approx_rational_tanhf(float v)
{
    float a = fabsf(v);
    float c = a > AB_RTANH_CLAMP ? AB_RTANH_CLAMP : a; /* NaN compares false and stays NaN */
    float s = c * c;
    float num = c * (AB_RTANH_P0 + s * (AB_RTANH_P1 + s * (AB_RTANH_P2 + s * AB_RTANH_P3)));
    float den = 1.0f + s * (AB_RTANH_Q1 + s * (AB_RTANH_Q2 + s * AB_RTANH_Q3));
    float r = a > AB_RTANH_CLAMP ? 1.0f : num / den;
    return copysignf(r, v);
}

#endif
