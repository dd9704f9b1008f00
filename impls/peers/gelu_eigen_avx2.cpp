/* gelu, peer-eigen: the erf form as TensorFlow writes it,
 * 0.5*x*(1 + erf(x/sqrt2)), with Eigen 3.4's vectorised erf
 * (unsupported/Eigen/SpecialFunctions: a 13/8-degree rational interpolant
 * on x clamped to [-4, 4]). Derivative: what TensorFlow's autodiff sums
 * for that graph with grad = 1: 0.5*(1 + erf(a)) from the product, plus
 * (0.5*x) * (2/sqrt(pi))*exp(-a*a) / sqrt2 through erf and the division;
 * a = x/sqrt2. AVX2 + FMA as compiled (eigen_blocks_avx2.h); the measured
 * bound is in impls/registry/peers_ml.def. */
#include <unsupported/Eigen/SpecialFunctions>

#include "eigen_blocks_avx2.h"

static const float kSqrt2 = 1.4142135623730951f;
static const float kTwoOverSqrtPi = 1.1283791670955126f;

extern "C" void ab_gelu_peer_eigen_forward(const float *x, float *y, size_t n, const ab_params *)
{
    ab_eigen::by_blocks(x, y, n, [](const auto &v) {
        ab_eigen::block e = (v / kSqrt2).erf();
        return ab_eigen::block((0.5f * v) * (1.0f + e));
    });
}

extern "C" void ab_gelu_peer_eigen_derivative(const float *x, float *y, size_t n,
                                              const ab_params *)
{
    ab_eigen::by_blocks(x, y, n, [](const auto &v) {
        ab_eigen::block a = v / kSqrt2;
        ab_eigen::block e = a.erf();
        ab_eigen::block erf_grad = kTwoOverSqrtPi * (-(a * a)).exp();
        return ab_eigen::block(0.5f * (1.0f + e) + (0.5f * v) * (erf_grad / kSqrt2));
    });
}
