/*
 * Temporary files and directories that must not outlive the process: they
 * are registered while they exist, and a SIGINT, SIGTERM or SIGHUP removes
 * every registered one before the process dies of that signal (so a shell
 * sees 130, 143 or 129). The handler only calls unlink and rmdir, which are
 * async-signal-safe, on paths stored in advance.
 */
#ifndef ACTBENCH_OUTPUT_CLEANUP_H
#define ACTBENCH_OUTPUT_CLEANUP_H

#include <stdbool.h>

/* Installs the handlers (once; later calls do nothing). */
void ab_cleanup_install(void);

/* Registers a path; returns its slot, or -1 (message printed) when the path
 * is too long or every slot is taken. */
int ab_cleanup_register(const char *path, bool is_dir);

/* Forgets a slot (the path was renamed away or removed); -1 is ignored. */
void ab_cleanup_forget(int slot);

/* Blocks (true) or unblocks (false) the three signals, around a commit that
 * must not stop half-way. */
void ab_cleanup_block_signals(bool block);

#endif
