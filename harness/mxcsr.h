/* MXCSR guard: kernels (peer libraries especially) may set FTZ/DAZ or the
 * rounding mode. The harness restores MXCSR around every kernel call and
 * records whether the call changed it. */
#ifndef ACTBENCH_MXCSR_H
#define ACTBENCH_MXCSR_H

#include <stdbool.h>

#if defined(__x86_64__) || defined(__i386__)
#include <xmmintrin.h>
typedef unsigned ab_mxcsr_state;
static inline ab_mxcsr_state ab_mxcsr_save(void) { return _mm_getcsr(); }
/* Restores the saved state; true when the kernel had changed the control bits
 * (exception flag bits 0-5 are status, not control, and are ignored). */
static inline bool ab_mxcsr_restore(ab_mxcsr_state saved)
{
    unsigned now = _mm_getcsr();
    bool changed = ((now ^ saved) & ~0x3Fu) != 0;
    _mm_setcsr(saved);
    return changed;
}
#else
typedef int ab_mxcsr_state;
static inline ab_mxcsr_state ab_mxcsr_save(void) { return 0; }
static inline bool ab_mxcsr_restore(ab_mxcsr_state saved) { (void)saved; return false; }
#endif

#endif
