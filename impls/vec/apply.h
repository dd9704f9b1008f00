/*
 * The loop driver of the elementwise kernels, written once for every ISA of
 * vec_*.h: y[i] = f(x[i]) ABV_LANES at a time; the tail runs the same f on a
 * partial vector (masked load and store: disabled lanes read 0.0f and are
 * never written), so a tail element has the same bits as in the body, with
 * no scalar loop. Any n, unaligned, in place.
 *
 * FTZ/DAZ: subnormal inputs and results are only right with FTZ and DAZ off,
 * so abv_apply clears them for the duration of a kernel call and restores
 * the caller's MXCSR (only when they were set: the common case costs one
 * stmxcsr). AVX-512 arithmetic obeys the same MXCSR.
 */
#ifndef ACTBENCH_VEC_APPLY_H
#define ACTBENCH_VEC_APPLY_H

#include "actbench/actbench.h"

#define AB_MXCSR_FTZ_DAZ 0x8040u

ABV_INLINE unsigned abv_mxcsr_enter(void)
{
    unsigned csr = _mm_getcsr();
    if (csr & AB_MXCSR_FTZ_DAZ)
        _mm_setcsr(csr & ~AB_MXCSR_FTZ_DAZ);
    return csr;
}

ABV_INLINE void abv_mxcsr_leave(unsigned csr)
{
    if (csr & AB_MXCSR_FTZ_DAZ)
        _mm_setcsr(csr);
}

typedef abv_f (*abv_fn)(abv_f x, const ab_params *p);

/* Inlined with a constant f, so f is inlined too. */
ABV_INLINE void abv_apply(const float *x, float *y, size_t n, const ab_params *p, abv_fn f)
{
    unsigned csr = abv_mxcsr_enter();
    size_t i = 0;
    for (; i + ABV_LANES <= n; i += ABV_LANES)
        abv_store(y + i, f(abv_load(x + i), p));
    if (i < n)
        abv_store_part(y + i, n - i, f(abv_load_part(x + i, n - i), p));
    abv_mxcsr_leave(csr);
}

/* The same with one vector parameter computed once by the caller (a
 * parameter read from *p inside the loop is reloaded every iteration, as
 * the stores may alias it). */
typedef abv_f (*abv_fn_v)(abv_f x, abv_f param);

ABV_INLINE void abv_apply_v(const float *x, float *y, size_t n, abv_f param, abv_fn_v f)
{
    unsigned csr = abv_mxcsr_enter();
    size_t i = 0;
    for (; i + ABV_LANES <= n; i += ABV_LANES)
        abv_store(y + i, f(abv_load(x + i), param));
    if (i < n)
        abv_store_part(y + i, n - i, f(abv_load_part(x + i, n - i), param));
    abv_mxcsr_leave(csr);
}

/* The same with two vector parameters (a constant split in two floats). */
typedef abv_f (*abv_fn_v2)(abv_f x, abv_f a, abv_f b);

ABV_INLINE void abv_apply_v2(const float *x, float *y, size_t n, abv_f a, abv_f b, abv_fn_v2 f)
{
    unsigned csr = abv_mxcsr_enter();
    size_t i = 0;
    for (; i + ABV_LANES <= n; i += ABV_LANES)
        abv_store(y + i, f(abv_load(x + i), a, b));
    if (i < n)
        abv_store_part(y + i, n - i, f(abv_load_part(x + i, n - i), a, b));
    abv_mxcsr_leave(csr);
}

#endif
