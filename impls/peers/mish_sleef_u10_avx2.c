/* mish, peer-sleef-u10: SLEEF 3.5 AVX2 1.0-ULP functions (erfc: Sleef_erfcf8_u15avx2, its only erfc) used the obvious way:
 * x·tanh(softplus(x)); derivative t + x·σ(x)(1-t²).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 200 ULP, classes NANU | FTZ (worst x=-0x1.9b8p+6 (-102.875) y=-0);
 * derivative ≤ 2e+07 ULP, classes NANU | FTZ | SZ (worst x=-0x1.69c8p+6 (-90.4453125) y=5.24926405e-40) */
#include <sleef.h>

#include "peer_formulas_avx2.h"

static inline __m256 mish_v8(__m256 x, const ab_peer_v8_params *k)
{
    (void)k;
    return ab_peer_mish_v8(x, Sleef_expf8_u10avx2, Sleef_log1pf8_u10avx2, Sleef_tanhf8_u10avx2);
}

static inline __m256 mish_derivative_v8(__m256 x, const ab_peer_v8_params *k)
{
    (void)k;
    return ab_peer_mish_derivative_v8(x, Sleef_expf8_u10avx2, Sleef_log1pf8_u10avx2, Sleef_tanhf8_u10avx2);
}

void ab_mish_peer_sleef_u10_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, mish_v8);
}

void ab_mish_peer_sleef_u10_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, mish_derivative_v8);
}
