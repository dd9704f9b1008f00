/*
 * Result files are written to a temporary name and only renamed into place
 * when complete, so an error or an interruption never leaves a half-written
 * result. While an output set is open for the directory (output/output_set.h)
 * the temporary is in the set's staging directory and the rename is the
 * set's, done together with the command's other files. Temporaries are
 * removed on SIGINT/SIGTERM/SIGHUP (output/cleanup.h).
 */
#ifndef ACTBENCH_ATOMIC_FILE_H
#define ACTBENCH_ATOMIC_FILE_H

#include <stdbool.h>
#include <stdio.h>

typedef struct ab_atomic_file {
    FILE *fp;
    char final_path[4096];
    char temp_path[4096];
    bool staged;      /* part of an output set: commit leaves the rename to the set */
    int cleanup_slot; /* own temporary's slot (not staged) */
} ab_atomic_file;

/* Opens dir/name's temporary; prints a clear message and returns false on
 * failure. */
bool ab_atomic_open(ab_atomic_file *f, const char *dir, const char *name);
/* Flushes, fsyncs and renames into place (or hands the file to the open
 * output set); false (temporary removed) on error. */
bool ab_atomic_commit(ab_atomic_file *f);
/* Removes the temporary. */
void ab_atomic_abort(ab_atomic_file *f);

/* Creates dir (and parents) if needed and checks it is writable; prints a
 * clear message and returns false otherwise (an empty name included). */
bool ab_ensure_output_dir(const char *dir);

#endif
