/* PyTorch's ATen CPU kernels behind actbench's C kernel signature (C++,
 * internal to the peer-torch adapters; the library's API stays C).
 *
 * Each adapter file defines how one activation runs on tensors that wrap
 * the caller's buffers (at::from_blob, no copy) and exports its two C
 * kernels with AB_TORCH_EXPORT: ab_<activation>_peer_torch_forward and
 * ab_<activation>_peer_torch_derivative. */
#ifndef ACTBENCH_PEER_TORCH_OPS_H
#define ACTBENCH_PEER_TORCH_OPS_H

#include <ATen/core/Tensor.h>

#include "actbench/actbench.h"

namespace ab_torch {

/* out := f(in) (or f'(in)), out and in of one shape; out may alias in. */
using elementwise_op = void (*)(at::Tensor &out, const at::Tensor &in, const ab_params *p);
/* out := softmax-like(in) over a row of n, or its J·v (p->tangent). */
using row_op = void (*)(at::Tensor &out, const at::Tensor &in, const ab_params *p);

/* A float tensor of shape {n} on the caller's memory. */
at::Tensor wrap(const float *data, size_t n);

/* grad_output for a derivative: a tensor of ones shaped like `like`. */
at::Tensor ones_like(const at::Tensor &like);

/* The J·v tangent params->tangent shaped like `like`; throws (so the
 * kernel writes NaN) when the caller gave none. */
at::Tensor tangent(const ab_params *p, const at::Tensor &like);

/* Scratch tensor number `slot` (0..3) shaped like `like`, or of shape {n};
 * this thread's, valid until its next use of the same slot. */
at::Tensor scratch_like(const at::Tensor &like, int slot);
at::Tensor scratch(size_t n, int slot);

/* y[0..n) := op(x[0..n)). ATen's vectorised loop runs blocks of two vector
 * widths and finishes the array with its scalar formula, which rounds
 * differently; so the whole blocks go in one call and the last n % 64
 * elements are run padded to 64 in scratch: every element takes the
 * vectorised path, whatever n (64 is a multiple of two vectors for every
 * ATen CPU capability). On any ATen error y is filled with NaN. */
void elementwise(elementwise_op op, const float *x, float *y, size_t n, const ab_params *p);

/* The whole array as one row (n = 0 writes nothing). On error, NaN. */
void row(row_op op, const float *x, float *y, size_t n, const ab_params *p);

} // namespace ab_torch

/* The two C kernels of an elementwise activation from its two ops. */
#define AB_TORCH_EXPORT(act, forward_op, derivative_op)                                    \
    extern "C" void ab_##act##_peer_torch_forward(const float *x, float *y, size_t n,      \
                                                  const ab_params *p)                      \
    {                                                                                      \
        ab_torch::elementwise(forward_op, x, y, n, p);                                     \
    }                                                                                      \
    extern "C" void ab_##act##_peer_torch_derivative(const float *x, float *y, size_t n,   \
                                                     const ab_params *p)                   \
    {                                                                                      \
        ab_torch::elementwise(derivative_op, x, y, n, p);                                  \
    }

#endif
