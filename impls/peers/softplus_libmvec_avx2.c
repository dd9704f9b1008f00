/* softplus, peer-libmvec: glibc libmvec (AVX2, _ZGVdN8v_*) used the obvious way:
 * (max(βx,0) + log1p(exp(-|βx|)))/β; derivative 1/(1+exp(-βx)).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 3 ULP (worst x=-0x1.0ap+0 (-1.0390625) y=0.302905172);
 * derivative ≤ 2.5e+06 ULP, classes FTZ (worst x=-0x1.62e43p+6 (-88.7228394) y=0) */
#include "libmvec.h"

#include "peer_formulas_avx2.h"

static inline __m256 softplus_v8(__m256 x, const ab_peer_v8_params *k)
{
    return ab_peer_softplus_v8(x, k->beta, _ZGVdN8v_expf, _ZGVdN8v_log1pf);
}

static inline __m256 softplus_derivative_v8(__m256 x, const ab_peer_v8_params *k)
{
    return ab_peer_sigmoid_v8(_mm256_mul_ps(k->beta, x), _ZGVdN8v_expf);
}

void ab_softplus_peer_libmvec_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, softplus_v8);
}

void ab_softplus_peer_libmvec_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, softplus_derivative_v8);
}
