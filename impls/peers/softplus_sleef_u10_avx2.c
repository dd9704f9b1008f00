/* softplus, peer-sleef-u10: SLEEF 3.5 AVX2 1.0-ULP functions (erfc: Sleef_erfcf8_u15avx2, its only erfc) used the obvious way:
 * (max(βx,0) + log1p(exp(-|βx|)))/β; derivative 1/(1+exp(-βx)).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 1.5 ULP, classes FTZ (worst x=-0x1.90d8p+6 (-100.210938) y=2.80259693e-44);
 * derivative ≤ 2.5e+06 ULP, classes FTZ (worst x=-0x1.62e43p+6 (-88.7228394) y=0) */
#include <sleef.h>

#include "peer_formulas_avx2.h"

static inline __m256 softplus_v8(__m256 x, const ab_peer_v8_params *k)
{
    return ab_peer_softplus_v8(x, k->beta, Sleef_expf8_u10avx2, Sleef_log1pf8_u10avx2);
}

static inline __m256 softplus_derivative_v8(__m256 x, const ab_peer_v8_params *k)
{
    return ab_peer_sigmoid_v8(_mm256_mul_ps(k->beta, x), Sleef_expf8_u10avx2);
}

void ab_softplus_peer_sleef_u10_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, softplus_v8);
}

void ab_softplus_peer_sleef_u10_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, softplus_derivative_v8);
}
