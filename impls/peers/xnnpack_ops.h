/* XNNPACK operators behind the fixed kernel signature (forward only:
 * XNNPACK has no backward operators). */
#ifndef ACTBENCH_PEER_XNNPACK_OPS_H
#define ACTBENCH_PEER_XNNPACK_OPS_H

#include "actbench/actbench.h"

typedef enum ab_xnn_op {
    AB_XNN_SIGMOID,
    AB_XNN_ELU,        /* parameter: alpha */
    AB_XNN_LEAKY_RELU, /* parameter: negative slope */
    AB_XNN_RELU,       /* clamp to [0, +inf] */
    AB_XNN_HARDSWISH,
    AB_XNN_SOFTMAX,    /* the whole array is one row of n channels */
} ab_xnn_op;

/* y := op(x). The operator is created on the first call with these (op,
 * parameter, row length) in this thread and reused; on any XNNPACK error y
 * is filled with NaN, so the failure shows in every accuracy test. */
void ab_xnnpack_run(ab_xnn_op op, float parameter, const float *x, float *y, size_t n);

#endif
