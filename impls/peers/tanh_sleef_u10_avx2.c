/* tanh, peer-sleef-u10: SLEEF 3.5 AVX2 1.0-ULP functions used the obvious way:
 * tanh(x) from the library; derivative 1-t².
 * Measured error (all-float sample, tools in the peer report): forward ≤ 1.5 ULP (sample max 1.0 at x=0x1.154248p+3; tests/test_kernels.c saw
 * just over 1 at x=-0x1.2b175ap-24, so 1.5);
 * derivative ≤ 2e+07 ULP, classes FTZ (worst x=0x1.205968p+3 (9.01091385) y=0) */
#include <sleef.h>

#include "peer_formulas_avx2.h"

static inline __m256 tanh_v8(__m256 x, const ab_peer_v8_params *k)
{
    (void)k;
    return Sleef_tanhf8_u10avx2(x);
}

static inline __m256 tanh_derivative_v8(__m256 x, const ab_peer_v8_params *k)
{
    (void)k;
    return ab_peer_tanh_derivative_v8(x, Sleef_tanhf8_u10avx2);
}

void ab_tanh_peer_sleef_u10_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, tanh_v8);
}

void ab_tanh_peer_sleef_u10_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, tanh_derivative_v8);
}
