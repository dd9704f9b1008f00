/*
 * A command's output files are replaced together or not at all.
 *
 * Method: ab_output_begin locks the results directory (flock on
 * DIR/.actbench.lock: a second run into the same directory is refused with a
 * message naming the first one's pid) and opens a private staging directory
 * DIR/.actbench-staging.XXXXXX. While the set is open, every ab_atomic_open
 * of a file in DIR (or below it) writes into the staging directory instead.
 * ab_output_commit then writes DIR/manifest.json's new version (size, CRC-32,
 * command, machine of every file) into the set, records the list of staged
 * files in a COMMIT journal and, with SIGINT/SIGTERM/SIGHUP blocked, renames
 * each file into place, manifest.json last. A process killed outright
 * (SIGKILL, power loss) in the middle of the renames leaves the journal: the
 * next run into DIR completes those renames before it starts. Without a
 * commit (an error, a signal) the staging directory is removed and DIR is
 * untouched. Readers can check each file against manifest.json.
 */
#ifndef ACTBENCH_OUTPUT_SET_H
#define ACTBENCH_OUTPUT_SET_H

#include <stdbool.h>
#include <stddef.h>

/* Creates dir if needed, locks it, finishes an interrupted commit found in
 * it, and opens the set. argv is recorded in the manifest as the command.
 * false with a message (nothing changed) on failure. */
bool ab_output_begin(const char *dir, int argc, char **argv);

/* Declares, before the command writes it, a CSV file of the set (path
 * relative to the results directory) whose rows are merged into the
 * existing file at commit (output/csv_merge.h: the old rows of every key
 * the new file has are replaced, the others kept) instead of replacing it.
 * keys must outlive the set. false when too many rules are declared. */
bool ab_output_merge_rule(const char *rel, const char *const *keys, size_t n_keys);

/* Replaces the staged files in the directory as described above and unlocks
 * it. false with a message when the commit could not be made (nothing is
 * replaced unless the journal was written; then the next run completes it). */
bool ab_output_commit(void);

/* Drops the staged files and unlocks; the directory is left as it was. */
void ab_output_abort(void);

/* For atomic_file.c: when a set is open and dir is its directory or below
 * it, writes the staging path of dir/name to staged (and creates its
 * directory) and returns true. false when the file is not part of a set;
 * *error is set when it is but the staging path cannot be made. */
bool ab_output_stage_path(const char *dir, const char *name, char *staged, size_t size,
                          bool *error);

/* For atomic_file.c: the staged file is complete (true) or dropped (false). */
void ab_output_staged(const char *staged, bool complete);

#endif
