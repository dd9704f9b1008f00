/* The ATen side of every peer-torch kernel (torch_ops.h).
 *
 * Fairness: a PyTorch user's tensors already exist, so the adapters wrap
 * the caller's x and y (at::from_blob, no copy) and call the *_out form of
 * each operator, writing into y: no output allocation is timed. What is
 * timed is what a PyTorch call costs: the dispatcher, the TensorIterator
 * set-up and the kernel. The derivative's grad_output (ones) and any
 * intermediate tensors live in per-thread scratch grown on the first call
 * (the bench's warm-up), so the kernels are thread-safe without a lock.
 *
 * One thread: at::set_num_threads(1) on every thread that calls ATen, the
 * first time it does. It sets OpenMP's thread count for the calling thread
 * only: a second sweep worker that skipped it ran 65,536 elements as two
 * 32,768-element grains, one on an OpenMP thread without the caller's
 * MXCSR, so half of its FTZ/DAZ run was not flushed. With one thread the
 * operators' grain makes every run inline (tests/test_peers.c checks that
 * no worker thread appears; test_exhaustive_cli, that two sweep threads
 * flush as one does).
 *
 * CPU capability: ATen compiles its kernels for DEFAULT, AVX2 and AVX512
 * and picks one at start-up from the CPU (ATEN_CPU_CAPABILITY overrides);
 * ab_peer_torch_cpu_capability() reports the one that runs. */
#include <ATen/Parallel.h>
#include <ATen/Version.h>
#include <ATen/ops/from_blob.h>

#include <cmath>
#include <cstring>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "torch_ops.h"

namespace ab_torch {
namespace {

constexpr size_t kPad = 64;       /* a multiple of 2 vectors for every capability */
constexpr int kScratchSlots = 4;  /* for the adapters' intermediates */

thread_local bool single_threaded = false;

struct thread_scratch {
    std::vector<float> ones;
    std::vector<float> slot[kScratchSlots];
    float pad_in[kPad];
    float pad_out[kPad];
};
thread_local thread_scratch buffers;

void single_thread()
{
    if (!single_threaded) {
        at::set_num_threads(1);
        single_threaded = true;
    }
}

float *grown(std::vector<float> &v, size_t n, float fill)
{
    if (v.size() < n)
        v.resize(n, fill);
    return v.data();
}

void fill_nan(float *y, size_t n)
{
    for (size_t i = 0; i < n; i++)
        y[i] = NAN; /* make the failure show in every accuracy test */
}

} // namespace

at::Tensor wrap(const float *data, size_t n)
{
    /* from_blob takes a non-const pointer; inputs are only read. */
    return at::from_blob(const_cast<float *>(data), {static_cast<int64_t>(n)},
                         at::TensorOptions().dtype(at::kFloat));
}

static at::Tensor shaped(float *data, const at::Tensor &like)
{
    return at::from_blob(data, like.sizes(), at::TensorOptions().dtype(at::kFloat));
}

at::Tensor ones_like(const at::Tensor &like)
{
    return shaped(grown(buffers.ones, static_cast<size_t>(like.numel()), 1.0f), like);
}

at::Tensor scratch_like(const at::Tensor &like, int slot)
{
    return shaped(grown(buffers.slot[slot], static_cast<size_t>(like.numel()), 0.0f), like);
}

at::Tensor tangent(const ab_params *p, const at::Tensor &like)
{
    if (p == nullptr || p->tangent == nullptr)
        throw std::invalid_argument("J.v without a tangent");
    return shaped(const_cast<float *>(p->tangent), like);
}

at::Tensor scratch(size_t n, int slot)
{
    return wrap(grown(buffers.slot[slot], n, 0.0f), n);
}

void elementwise(elementwise_op op, const float *x, float *y, size_t n, const ab_params *p)
{
    try {
        single_thread();
        size_t bulk = n - n % kPad, tail = n - bulk;
        if (bulk > 0) {
            at::Tensor out = wrap(y, bulk);
            op(out, wrap(x, bulk), p);
        }
        if (tail > 0) {
            std::memcpy(buffers.pad_in, x + bulk, tail * sizeof(float));
            std::memset(buffers.pad_in + tail, 0, (kPad - tail) * sizeof(float));
            at::Tensor out = wrap(buffers.pad_out, kPad);
            op(out, wrap(buffers.pad_in, kPad), p);
            std::memcpy(y + bulk, buffers.pad_out, tail * sizeof(float));
        }
    } catch (const std::exception &) {
        fill_nan(y, n);
    }
}

void row(row_op op, const float *x, float *y, size_t n, const ab_params *p)
{
    if (n == 0)
        return;
    try {
        single_thread();
        at::Tensor out = wrap(y, n);
        op(out, wrap(x, n), p);
    } catch (const std::exception &) {
        fill_nan(y, n);
    }
}

} // namespace ab_torch

/* "DEFAULT", "AVX2" or "AVX512": the "CPU capability usage" line of
 * at::show_config(), the one place ATen 1.13 exports it. */
extern "C" const char *ab_peer_torch_cpu_capability(void)
{
    static std::string capability;
    static std::once_flag once;
    std::call_once(once, [] {
        const std::string key = "CPU capability usage: ";
        try {
            std::string config = at::show_config();
            size_t at_key = config.find(key);
            if (at_key != std::string::npos) {
                size_t from = at_key + key.size();
                capability = config.substr(from, config.find('\n', from) - from);
            }
        } catch (const std::exception &) {
        }
        if (capability.empty())
            capability = "unknown";
    });
    return capability.c_str();
}
