/* The exhaustive sweep's commands; the engine lives in harness/sweep/
 * (sweep/sweep.h describes it). Kept for the includes of main.c. */
#ifndef ACTBENCH_EXHAUSTIVE_H
#define ACTBENCH_EXHAUSTIVE_H

#include "sweep/sweep.h"

#endif
