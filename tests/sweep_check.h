/* Helpers shared by the sweep tests: run an actbench command's entry point
 * with a NULL-terminated argument list, and load a sweep state file that a
 * run wrote into DIR/exhaustive/ (a failure to load counts as a failed
 * check). Include after check.h. */
#ifndef ACTBENCH_TESTS_SWEEP_CHECK_H
#define ACTBENCH_TESTS_SWEEP_CHECK_H

#include <stdbool.h>
#include <stdio.h>

#include "sweep/sweep.h"

static int run_cmd(int (*cmd)(int, char **), const char *const *args)
{
    char *argv[40];
    int argc = 0;
    for (; args[argc] != NULL && argc < 39; argc++)
        argv[argc] = (char *)args[argc];
    argv[argc] = NULL;
    return cmd(argc, argv);
}

static bool load(const char *dir, const char *name, ab_exh_state *st)
{
    char path[700];
    snprintf(path, sizeof path, "%s/exhaustive/%s", dir, name);
    bool ok = ab_exh_state_load(path, st);
    CHECK(ok, "cannot load %s", path);
    return ok;
}

#endif
