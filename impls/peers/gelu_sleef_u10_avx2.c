/* gelu, peer-sleef-u10: SLEEF 3.5 AVX2 1.0-ULP functions (erfc: Sleef_erfcf8_u15avx2, its only erfc) used the obvious way:
 * (x/2)·erfc(-x/√2); derivative erfc(-x/√2)/2 + x·exp(-x²/2)/√(2π).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 200 ULP, classes NANU | FTZ (worst x=-0x1.98cp+3 (-12.7734375) y=-1.47365506e-36);
 * derivative ≤ 25000 ULP, classes NANU | FTZ | SZ (worst x=-0x1.80e8p-1 (-0.75177002) y=9.29832458e-06) */
#include <sleef.h>

#include "peer_formulas_avx2.h"

static inline __m256 gelu_v8(__m256 x, const ab_peer_v8_params *k)
{
    (void)k;
    return ab_peer_gelu_v8(x, Sleef_erfcf8_u15avx2);
}

static inline __m256 gelu_derivative_v8(__m256 x, const ab_peer_v8_params *k)
{
    (void)k;
    return ab_peer_gelu_derivative_v8(x, Sleef_erfcf8_u15avx2, Sleef_expf8_u10avx2);
}

void ab_gelu_peer_sleef_u10_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, gelu_v8);
}

void ab_gelu_peer_sleef_u10_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, gelu_derivative_v8);
}
