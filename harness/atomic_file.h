/*
 * Result files are written to a temporary name in the same directory and
 * renamed into place only when complete, so an error or an interruption
 * never leaves a half-written result.
 */
#ifndef ACTBENCH_ATOMIC_FILE_H
#define ACTBENCH_ATOMIC_FILE_H

#include <stdbool.h>
#include <stdio.h>

typedef struct ab_atomic_file {
    FILE *fp;
    char final_path[4096];
    char temp_path[4096];
} ab_atomic_file;

/* Opens dir/name's temporary; prints a clear message and returns false on
 * failure. */
bool ab_atomic_open(ab_atomic_file *f, const char *dir, const char *name);
/* Flushes, fsyncs and renames into place; false (temporary removed) on error. */
bool ab_atomic_commit(ab_atomic_file *f);
/* Removes the temporary. */
void ab_atomic_abort(ab_atomic_file *f);

/* Creates dir (and parents) if needed and checks it is writable; prints a
 * clear message and returns false otherwise. */
bool ab_ensure_output_dir(const char *dir);

#endif
