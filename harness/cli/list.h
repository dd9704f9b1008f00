/* `actbench list` in text, JSON (schema actbench-list/1) or CSV. */
#ifndef ACTBENCH_CLI_LIST_H
#define ACTBENCH_CLI_LIST_H

#include "cli/options.h"

/* Prints the selected implementations in o->format; returns the exit code. */
int ab_cmd_list(const ab_cli_options *o);

#endif
