#ifndef ACTBENCH_CURVES_H
#define ACTBENCH_CURVES_H
#include <stddef.h>
/* Writes DIR/curves/<activation>.csv (x, f, f') for every elementwise
 * activation, `points` points over its range. 0 or 1 (message printed). */
int ab_curves_write(const char *output_dir, size_t points);
#endif
