/*
 * The option set of the commands list, accuracy, bench, run and curves: one
 * table (name, argument, the commands it applies to, help line) drives
 * getopt_long, the per-command validation and each command's --help, so a
 * command accepts exactly the options its help lists.
 */
#ifndef ACTBENCH_CLI_OPTIONS_H
#define ACTBENCH_CLI_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "bench.h"
#include "cli.h"

typedef enum ab_command {
    AB_CMD_LIST,
    AB_CMD_ACCURACY,
    AB_CMD_BENCH,
    AB_CMD_RUN,
    AB_CMD_CURVES,
    AB_CMD_KINDS
} ab_command;

typedef enum ab_list_format { AB_FORMAT_TEXT, AB_FORMAT_JSON, AB_FORMAT_CSV } ab_list_format;

typedef struct ab_cli_options {
    ab_command command;
    ab_selection sel;
    const char *output_dir; /* never ""; default results/<machine_id> (curves: results) */
    bool quick, quiet;
    uint64_t seed;      /* accuracy inputs; default 1 */
    uint64_t precision; /* MPFR bits; 0 = the reference's default */
    uint64_t grid;      /* accuracy grid points / curves points; 0 = default */
    uint64_t random;    /* accuracy random patterns; 0 = default */
    bool random_given;
    uint64_t rounds;    /* bench rounds; 0 = default */
    ab_bench_options bench; /* only the bench-only fields: distributions, parts */
    ab_list_format format;
    bool dispatch; /* list --dispatch: the dispatch API's choices instead */
} ab_cli_options;

/* What ab_cli_parse decided. */
typedef enum ab_cli_outcome {
    AB_CLI_RUN,        /* options parsed: run the command */
    AB_CLI_HELP,       /* help printed: exit 0 */
    AB_CLI_EXHAUSTIVE, /* accuracy --exhaustive: hand argv to the sweep */
    AB_CLI_USAGE_ERROR /* message printed: exit 2 */
} ab_cli_outcome;

/* Command by name; false when unknown. */
bool ab_cli_command(const char *name, ab_command *out);

/* Parses argv[1..argc) of command cmd (argv[0] is the command name). */
ab_cli_outcome ab_cli_parse(ab_command cmd, int argc, char **argv, ab_cli_options *o);

/* The command's help: synopsis, options it takes, examples. */
void ab_cli_print_help(ab_command cmd, FILE *out);

#endif
