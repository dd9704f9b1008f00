/* tanh, peer-sleef-u35: SLEEF 3.5 AVX2 3.5-ULP functions used the obvious way:
 * tanh(x) from the library; derivative 1-t².
 * Measured error (all-float sample, tools in the peer report): forward ≤ 2.5 ULP (worst x=0x1.7c68p-3 (0.185745239) y=0.183638126);
 * derivative ≤ 2e+07 ULP, classes FTZ (worst x=0x1.154246p+3 (8.66434002) y=0) */
#include <sleef.h>

#include "peer_formulas_avx2.h"

static inline __m256 tanh_v8(__m256 x, const ab_peer_v8_params *k)
{
    (void)k;
    return Sleef_tanhf8_u35avx2(x);
}

static inline __m256 tanh_derivative_v8(__m256 x, const ab_peer_v8_params *k)
{
    (void)k;
    return ab_peer_tanh_derivative_v8(x, Sleef_tanhf8_u35avx2);
}

void ab_tanh_peer_sleef_u35_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, tanh_v8);
}

void ab_tanh_peer_sleef_u35_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, tanh_derivative_v8);
}
