/* Inside libactbench only: the kernels built into the library itself, apart
 * from the tables added at run time (peers, plugins). The dispatcher chooses
 * among these alone, so that its choice does not depend on what else the
 * program links or loads. */
#ifndef AB_REGISTRY_INTERNAL_H
#define AB_REGISTRY_INTERNAL_H

#include "actbench/actbench.h"

size_t ab_core_impl_count(void);
const ab_impl *ab_core_impl_at(size_t index);

#endif
