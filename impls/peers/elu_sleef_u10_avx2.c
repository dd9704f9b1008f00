/* elu, peer-sleef-u10: SLEEF 3.5 AVX2 1.0-ULP functions used the obvious way:
 * x > 0 ? x : α·expm1(x); derivative x > 0 ? 1 : α·exp(x).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 1 ULP (worst x=-0x1.0a2b26p+4 (-16.6355343) y=-1);
 * derivative ≤ 1 ULP (worst x=-0x1.788p+2 (-5.8828125) y=0.00278693577) */
#include <sleef.h>

#include "peer_formulas_avx2.h"

static inline __m256 elu_v8(__m256 x, const ab_peer_v8_params *k)
{
    return ab_peer_elu_v8(x, k->alpha, Sleef_expm1f8_u10avx2);
}

static inline __m256 elu_derivative_v8(__m256 x, const ab_peer_v8_params *k)
{
    return ab_peer_elu_derivative_v8(x, k->alpha, Sleef_expf8_u10avx2);
}

void ab_elu_peer_sleef_u10_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, elu_v8);
}

void ab_elu_peer_sleef_u10_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, elu_derivative_v8);
}
