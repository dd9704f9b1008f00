/* Kept so existing `#include "mxcsr.h"` lines still build: the guard lives
 * in common/mxcsr.h. */
#include "common/mxcsr.h"
