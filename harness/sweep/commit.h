/*
 * The files of one finished sweep (BASE.csv, .binade.csv, .grid.csv,
 * .state) are replaced together or not at all (commit.c). They are written
 * into a private staging directory DIR/.BASE.commit.XXXXXX; once all are
 * complete a READY marker is written there, and the files are renamed into
 * DIR. A process killed in between leaves the staging directory: the next
 * sweep or merge of BASE finishes the renames when READY is there (all new
 * files) and drops the directory otherwise (all old files). The per-BASE
 * lock DIR/.BASE.lock, held by the sweep or merge writing BASE, keeps two
 * processes from writing one BASE at once.
 */
#ifndef ACTBENCH_SWEEP_COMMIT_H
#define ACTBENCH_SWEEP_COMMIT_H

#include <stdbool.h>

typedef struct ab_exh_commit {
    char dir[4200];
    char staging[4400]; /* write the set's files here */
} ab_exh_commit;

/* Takes the lock of BASE in dir (fd returned, -1 with a message when
 * another process holds it), finishes or drops a commit of BASE left by a
 * killed process, and removes BASE's orphan temporaries (.BASE*.tmp.*). */
int ab_exh_lock_base(const char *dir, const char *base);
void ab_exh_unlock_base(int fd);

/* Removes dir/.NAME.tmp.* (temporaries of NAME left by a killed process;
 * call with the lock that every writer of NAME holds). */
void ab_exh_remove_temps(const char *dir, const char *name);

/* Opens the staging directory; false with a message. */
bool ab_exh_commit_begin(ab_exh_commit *c, const char *dir, const char *base);
/* Renames every file staged into place; false with a message (the old files stay,
 * or the next run finishes the renames). */
bool ab_exh_commit_finish(ab_exh_commit *c);
/* Drops the staged files. */
void ab_exh_commit_abort(ab_exh_commit *c);

#endif
