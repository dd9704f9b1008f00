/*
 * The sweep in a build without MPI (ACTBENCH_MPI=OFF, or MPI not found):
 * one process. Started by mpirun as one of several ranks, each process
 * would sweep everything and overwrite the others' files, so it refuses
 * and says how to shard without MPI (--shard K/N and `actbench merge`).
 */
#include <stdio.h>

#include "sweep/mpi.h"

int ab_exh_mpi_begin(ab_exh_mpi *m, exh_options *o)
{
    (void)o;
    m->rank = 0;
    m->size = 1;
    m->initialised = false;
    m->checkpoint[0] = '\0';
    int ranks = ab_exh_launcher_ranks();
    if (ranks > 1) {
        fprintf(stderr, "actbench: started as one of %d MPI ranks, but this actbench was built "
                        "without MPI (configure with -DACTBENCH_MPI=ON and libopenmpi-dev), or "
                        "run --shard K/N per process and `actbench merge`\n", ranks);
        return 2;
    }
    return -1;
}

int ab_exh_mpi_merge(ab_exh_mpi *m, const exh_options *o, const ab_activation *act,
                     const char *exh_dir, int rc)
{
    (void)m, (void)o, (void)act, (void)exh_dir;
    return rc;
}

void ab_exh_mpi_end(ab_exh_mpi *m)
{
    (void)m;
}
