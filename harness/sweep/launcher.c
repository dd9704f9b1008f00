/*
 * How many ranks a parallel launcher started (mpi.h): read from the
 * variables the launchers put in each process's environment, so that a
 * single process never initialises MPI (Open MPI's singleton start spawns
 * a daemon) and a build without MPI can tell that it was started as a rank.
 */
#include <stdlib.h>

#include "sweep/mpi.h"

int ab_exh_launcher_ranks(void)
{
    /* Open MPI's mpirun; MPICH's Hydra, Intel MPI and Slurm's PMI/PMI-2; MVAPICH. */
    static const char *const vars[] = {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "MV2_COMM_WORLD_SIZE"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v != NULL && atoi(v) > 0)
            return atoi(v);
    }
    return 1;
}
