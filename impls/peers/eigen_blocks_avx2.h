/* Eigen's element-wise array math behind actbench's C kernel signature
 * (C++, internal to the peer-eigen adapters; compiled with -mavx2 -mfma,
 * so Eigen's packet is AVX's 8 floats and its code path is AVX2 + FMA as
 * compiled, whatever the CPU running it).
 *
 * Eigen evaluates a dynamic-size Map with a scalar prologue up to the
 * destination's alignment and a scalar epilogue, and its scalar formulas
 * round differently from its packet ones; so the array is cut into blocks
 * of one packet, each a fixed-size Eigen::Map (one unaligned packet load,
 * the packet formula, one store), and the last n % 8 elements are run
 * padded to 8: every element takes Eigen's vectorised path, whatever n and
 * alignment. Works in place (each block is read before it is written). */
#ifndef ACTBENCH_PEER_EIGEN_BLOCKS_AVX2_H
#define ACTBENCH_PEER_EIGEN_BLOCKS_AVX2_H

#include <Eigen/Core>

#include <cstring>

#include "actbench/actbench.h"

namespace ab_eigen {

using block = Eigen::Array<float, 8, 1>;

/* y[0..n) := f(x[0..n)), f(const Map<const block> &) an Eigen expression. */
template <typename F>
inline void by_blocks(const float *x, float *y, size_t n, F f)
{
    size_t whole = n - n % 8;
    for (size_t i = 0; i < whole; i += 8) {
        Eigen::Map<block> out(y + i);
        out = f(Eigen::Map<const block>(x + i));
    }
    if (whole < n) {
        float padded_in[8] = {0}, padded_out[8];
        std::memcpy(padded_in, x + whole, (n - whole) * sizeof(float));
        Eigen::Map<block> out(padded_out);
        out = f(Eigen::Map<const block>(padded_in));
        std::memcpy(y + whole, padded_out, (n - whole) * sizeof(float));
    }
}

} // namespace ab_eigen

#endif
