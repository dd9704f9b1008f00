/* The harness's one MXCSR guard: kernels (peer libraries especially) may set
 * FTZ/DAZ or the rounding mode. Every command saves MXCSR before a kernel
 * call and restores it after, and records whether the call changed the
 * control bits. The status bits 0-5 (sticky exception flags) are not
 * control and do not count as a change. The register is written only when
 * it differs, so the guard costs one read per call in a timed loop. */
#ifndef ACTBENCH_COMMON_MXCSR_H
#define ACTBENCH_COMMON_MXCSR_H

#include <stdbool.h>

#if defined(__x86_64__) || defined(__i386__)
#include <xmmintrin.h>
typedef unsigned ab_mxcsr_state;
static inline ab_mxcsr_state ab_mxcsr_save(void) { return _mm_getcsr(); }
/* Restores the saved state; true when the kernel had changed a control bit. */
static inline bool ab_mxcsr_restore(ab_mxcsr_state saved)
{
    unsigned now = _mm_getcsr();
    if (now == saved)
        return false;
    _mm_setcsr(saved);
    return ((now ^ saved) & ~0x3Fu) != 0;
}
/* FTZ (bit 15) and DAZ (bit 6) set on top of the current state, as ML
 * frameworks run kernels; returns the state ab_mxcsr_leave restores. */
static inline ab_mxcsr_state ab_mxcsr_enter_ftz_daz(void)
{
    unsigned saved = _mm_getcsr();
    _mm_setcsr(saved | 0x8040u);
    return saved;
}
static inline void ab_mxcsr_leave(ab_mxcsr_state saved) { _mm_setcsr(saved); }
/* The sticky flags that say a call met a subnormal: DE (bit 1, a denormal
 * operand) and UE (bit 4, a tiny inexact result). ab_mxcsr_save_clear
 * saves as ab_mxcsr_save does and clears every sticky flag, so that
 * ab_mxcsr_subnormal_flags, read before the restore, gives those the call
 * raised. */
#define AB_MXCSR_SUBNORMAL_FLAGS 0x12u
#define AB_MXCSR_HAS_FLAGS 1
static inline ab_mxcsr_state ab_mxcsr_save_clear(void)
{
    unsigned saved = _mm_getcsr();
    _mm_setcsr(saved & ~0x3Fu);
    return saved;
}
static inline unsigned ab_mxcsr_subnormal_flags(void)
{
    return _mm_getcsr() & AB_MXCSR_SUBNORMAL_FLAGS;
}
#else
typedef int ab_mxcsr_state;
static inline ab_mxcsr_state ab_mxcsr_save(void) { return 0; }
static inline bool ab_mxcsr_restore(ab_mxcsr_state saved) { (void)saved; return false; }
static inline ab_mxcsr_state ab_mxcsr_enter_ftz_daz(void) { return 0; }
static inline void ab_mxcsr_leave(ab_mxcsr_state saved) { (void)saved; }
/* No flags to read: every call counts as having met a subnormal. */
#define AB_MXCSR_SUBNORMAL_FLAGS 1u
#define AB_MXCSR_HAS_FLAGS 0
static inline ab_mxcsr_state ab_mxcsr_save_clear(void) { return 0; }
static inline unsigned ab_mxcsr_subnormal_flags(void) { return AB_MXCSR_SUBNORMAL_FLAGS; }
#endif

#endif
