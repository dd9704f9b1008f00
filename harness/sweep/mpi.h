/*
 * The sweep under MPI (`mpirun -np N actbench accuracy --exhaustive ...`):
 * rank r sweeps shard r+1 of N of every activation (the blocks b with
 * b mod N = r, as --shard gives), with its own checkpoint, so a failed rank
 * resumes alone when the same command is run again while the ranks that
 * had finished keep their shard state. After each activation rank 0
 * gathers the shard states and merges them exactly as `actbench merge`
 * does. mpi.c with MPI; mpi_off.c in a build without it.
 */
#ifndef ACTBENCH_SWEEP_MPI_H
#define ACTBENCH_SWEEP_MPI_H

#include <stdbool.h>

#include "sweep/driver.h"

typedef struct ab_exh_mpi {
    int rank, size;    /* 0 and 1 in a single process */
    bool initialised;  /* MPI_Init was called (and MPI_Finalize is due) */
    char checkpoint[4200]; /* --checkpoint FILE made per rank: FILE.rank-R */
} ab_exh_mpi;

/* Before the sweeps: under a launcher with several ranks, this process
 * becomes shard rank+1 of size in *o. Returns -1 to go on, else the exit
 * status (a message was printed: 2 for --shard given with several ranks or
 * a launcher seen by a build without MPI). */
int ab_exh_mpi_begin(ab_exh_mpi *m, exh_options *o);

/* After this rank's shard of act ended with status rc: the ranks agree on
 * the worst status; when all succeeded, rank 0 gathers the shard states,
 * merges and writes them, and every rank removes its shard state. Returns
 * the status every rank then has. Only called when m->size > 1. */
int ab_exh_mpi_merge(ab_exh_mpi *m, const exh_options *o, const ab_activation *act,
                     const char *exh_dir, int rc);

void ab_exh_mpi_end(ab_exh_mpi *m);

/* The number of ranks a launcher (Open MPI, MPICH's Hydra, PMIx, Slurm's
 * PMI) says this process is one of, from its environment; 1 when there is
 * none. A single process never initialises MPI. */
int ab_exh_launcher_ranks(void);

#endif
