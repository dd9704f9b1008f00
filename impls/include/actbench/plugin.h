/*
 * Plugins: your own kernels, measured by the actbench tool without editing
 * its source tree. Build a shared object that exports one function,
 *
 *   const ab_plugin *actbench_plugin(void);
 *
 * returning an ab_plugin (static storage) whose abi is AB_PLUGIN_ABI and
 * whose table lists your implementations as ab_impl entries (actbench.h):
 * canonical activation name, a variant name of your own, ISA, kernels with
 * the one kernel signature and contract, declared bounds, flags, method.
 * Then
 *
 *   actbench --plugin ./libmine.so list
 *   actbench --plugin ./libmine.so accuracy -a sigmoid -V 'mine*'
 *
 * list, measure, sweep and rank them like the built-in kernels (--plugin
 * may be given more than once). examples/plugin_sigmoid.c is a complete
 * plugin, with the commands that build it.
 */
#ifndef ACTBENCH_PLUGIN_H
#define ACTBENCH_PLUGIN_H

#include "actbench/actbench.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The layout version of ab_plugin, ab_impl, ab_params and the kernel
 * signature; a plugin built against another version is refused. */
#define AB_PLUGIN_ABI 1

/* The name of the function a plugin exports. */
#define AB_PLUGIN_ENTRY "actbench_plugin"

typedef struct ab_plugin {
    unsigned abi;         /* AB_PLUGIN_ABI of the headers it was built with */
    const char *name;     /* for messages, e.g. "mine" */
    const ab_impl *impls; /* count entries, valid while the process lives */
    size_t count;
} ab_plugin;

typedef const ab_plugin *(*ab_plugin_entry_fn)(void);

/* Loads the shared object at path (dlopen: a name without '/' is searched
 * in the library path, so say ./libmine.so for the current directory), calls
 * its actbench_plugin() and appends its table to the registry
 * (ab_registry_add, which checks every entry). On failure nothing is added,
 * the object is closed, false is returned and err (errlen bytes, may be
 * NULL) says why. Not thread-safe: load plugins at start-up. */
bool ab_plugin_load(const char *path, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif
#endif
