/* Plugin loading (actbench/plugin.h): dlopen the shared object, look up its
 * actbench_plugin entry point, check the ABI version, and hand the table to
 * ab_registry_add, which validates every entry. A loaded plugin is never
 * closed: its table and kernels stay registered until the process ends. */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "actbench/plugin.h"

bool ab_plugin_load(const char *path, char *err, size_t errlen)
{
    char why[512];
    if (path == NULL || path[0] == '\0') {
        snprintf(err, err ? errlen : 0, "plugin: empty path");
        return false;
    }
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        snprintf(err, err ? errlen : 0, "plugin %s: cannot load: %s", path, dlerror());
        return false;
    }
    /* ISO C has no cast from an object pointer to a function pointer; POSIX
     * guarantees the representations agree, so copy the bits. */
    void *symbol = dlsym(handle, AB_PLUGIN_ENTRY);
    ab_plugin_entry_fn entry = NULL;
    if (symbol != NULL)
        memcpy(&entry, &symbol, sizeof entry);
    const ab_plugin *plugin = entry != NULL ? entry() : NULL;
    if (entry == NULL)
        snprintf(why, sizeof why, "exports no %s() (see actbench/plugin.h)", AB_PLUGIN_ENTRY);
    else if (plugin == NULL)
        snprintf(why, sizeof why, "%s() returned NULL", AB_PLUGIN_ENTRY);
    else if (plugin->abi != AB_PLUGIN_ABI)
        snprintf(why, sizeof why, "built for plugin ABI %u, this actbench has %u", plugin->abi,
                 AB_PLUGIN_ABI);
    else if (plugin->count == 0)
        snprintf(why, sizeof why, "its table is empty");
    else if (ab_registry_add(plugin->impls, plugin->count, why, sizeof why))
        return true;
    snprintf(err, err ? errlen : 0, "plugin %s: %s", path, why);
    dlclose(handle);
    return false;
}
