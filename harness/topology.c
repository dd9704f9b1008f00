/* See topology.h. */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>

#include "topology.h"

int ab_topology_init(ab_topology *t)
{
    memset(t, 0, sizeof *t);
    t->pinned_pu_logical = -1;
    t->pinned_pu_os = -1;
    if (hwloc_topology_init(&t->topo) != 0) {
        fprintf(stderr, "actbench: hwloc_topology_init failed: %s\n", strerror(errno));
        return -1;
    }
    if (hwloc_topology_load(t->topo) != 0) {
        fprintf(stderr, "actbench: hwloc_topology_load failed: %s\n", strerror(errno));
        hwloc_topology_destroy(t->topo);
        t->topo = NULL;
        return -1;
    }
    int n = hwloc_get_nbobjs_by_type(t->topo, HWLOC_OBJ_PU);
    if (n <= 0) {
        fprintf(stderr, "actbench: hwloc found no processing unit\n");
        hwloc_topology_destroy(t->topo);
        t->topo = NULL;
        return -1;
    }
    t->pu_count = (unsigned)n;
    return 0;
}

void ab_topology_destroy(ab_topology *t)
{
    if (t->topo != NULL)
        hwloc_topology_destroy(t->topo);
    t->topo = NULL;
}

/* Binds the calling thread to `pu` and checks that it now runs there. */
static int pin_to(hwloc_topology_t topo, hwloc_obj_t pu)
{
    if (hwloc_set_cpubind(topo, pu->cpuset, HWLOC_CPUBIND_THREAD) != 0) {
        fprintf(stderr, "actbench: cannot pin the thread to PU P#%u: %s\n", pu->os_index,
                strerror(errno));
        return -1;
    }
    /* The kernel migrates the thread when the affinity is set; a yield makes
     * sure the thread has been scheduled since. */
    sched_yield();
    hwloc_bitmap_t where = hwloc_bitmap_alloc();
    if (where == NULL) {
        fprintf(stderr, "actbench: out of memory\n");
        return -1;
    }
    int rc = 0;
    if (hwloc_get_last_cpu_location(topo, where, HWLOC_CPUBIND_THREAD) != 0) {
        fprintf(stderr, "actbench: cannot check where the thread runs: %s\n",
                strerror(errno));
        rc = -1;
    } else if (!hwloc_bitmap_isincluded(where, pu->cpuset)) {
        fprintf(stderr, "actbench: pinned to PU P#%u but the thread runs on CPU %d\n",
                pu->os_index, hwloc_bitmap_first(where));
        rc = -1;
    }
    hwloc_bitmap_free(where);
    return rc;
}

static size_t cache_above(hwloc_obj_t pu, hwloc_obj_type_t type)
{
    for (hwloc_obj_t o = pu->parent; o != NULL; o = o->parent)
        if (o->type == type && o->attr != NULL && o->attr->cache.type != HWLOC_OBJ_CACHE_INSTRUCTION)
            return (size_t)o->attr->cache.size;
    return 0;
}

int ab_topology_pin_self(ab_topology *t, int pu_logical)
{
    unsigned index = pu_logical < 0 ? t->pu_count - 1 : (unsigned)pu_logical;
    if (index >= t->pu_count) {
        fprintf(stderr, "actbench: PU %u does not exist (%u PUs)\n", index, t->pu_count);
        return -1;
    }
    hwloc_obj_t pu = hwloc_get_obj_by_type(t->topo, HWLOC_OBJ_PU, index);
    if (pu == NULL || pin_to(t->topo, pu) != 0)
        return -1;
    t->pinned_pu_logical = (int)pu->logical_index;
    t->pinned_pu_os = (int)pu->os_index;
    t->l1d_bytes = cache_above(pu, HWLOC_OBJ_L1CACHE);
    t->l2_bytes = cache_above(pu, HWLOC_OBJ_L2CACHE);
    t->l3_bytes = cache_above(pu, HWLOC_OBJ_L3CACHE);
    return 0;
}

int ab_topology_pin_worker(const ab_topology *t, unsigned k)
{
    hwloc_obj_t pu = hwloc_get_obj_by_type(t->topo, HWLOC_OBJ_PU, k % t->pu_count);
    if (pu == NULL) {
        fprintf(stderr, "actbench: no PU for worker %u\n", k);
        return -1;
    }
    return pin_to(t->topo, pu);
}
