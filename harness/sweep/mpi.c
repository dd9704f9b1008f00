/*
 * The sweep under MPI (mpi.h). Each rank is shard rank+1 of N and sweeps
 * its blocks with its own threads and checkpoint; no statistics cross the
 * network until an activation is done. Then the ranks agree on the worst
 * status (MPI_Allreduce), each rank k > 0 sends its shard state file (text,
 * bit-exact, with its checksum) to rank 0, which writes it beside its own
 * and merges the N states with merge.c's code, so the outputs are those of
 * `actbench merge` on the same states. Ranks need not share a file system.
 */
#include <errno.h>
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic_file.h"
#include "sweep/mpi.h"
#include "sweep/state.h"

#define TAG_SIZE 1
#define TAG_BYTES 2
#define MAX_STATE_BYTES (1 << 30) /* a state is a few MB at most: one message */

int ab_exh_mpi_begin(ab_exh_mpi *m, exh_options *o)
{
    memset(m, 0, sizeof *m);
    m->size = 1;
    if (ab_exh_launcher_ranks() <= 1)
        return -1;
    /* Only the main thread calls MPI; the workers never do. */
    int provided;
    if (MPI_Init_thread(NULL, NULL, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS) {
        fprintf(stderr, "actbench: MPI_Init failed\n");
        return 1;
    }
    m->initialised = true;
    MPI_Comm_rank(MPI_COMM_WORLD, &m->rank);
    MPI_Comm_size(MPI_COMM_WORLD, &m->size);
    if (m->size == 1)
        return -1;
    if (o->shard_n > 1) {
        if (m->rank == 0)
            fprintf(stderr, "actbench: --shard with %d MPI ranks: the ranks are the shards; "
                            "give one or the other\n", m->size);
        return 2;
    }
    o->shard_k = (unsigned)m->rank + 1;
    o->shard_n = (unsigned)m->size;
    o->keep_finished_shard = true;
    if (o->checkpoint != NULL) {
        snprintf(m->checkpoint, sizeof m->checkpoint, "%s.rank-%d", o->checkpoint, m->rank);
        o->checkpoint = m->checkpoint;
    }
    return -1;
}

/* The whole file at path, or NULL with a message. */
static char *read_file(const char *path, long *len)
{
    FILE *fp = fopen(path, "rb");
    char *buf = NULL;
    if (fp != NULL && fseek(fp, 0, SEEK_END) == 0 && (*len = ftell(fp)) >= 0 &&
        *len <= MAX_STATE_BYTES && fseek(fp, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)*len + 1)) != NULL &&
        fread(buf, 1, (size_t)*len, fp) != (size_t)*len) {
        free(buf);
        buf = NULL;
    }
    if (buf == NULL)
        fprintf(stderr, "actbench: cannot read %s: %s\n", path, strerror(errno));
    if (fp != NULL)
        fclose(fp);
    return buf;
}

static void shard_name(const exh_options *o, const ab_activation *act, int rank, char *buf,
                       size_t size)
{
    exh_options shard = *o;
    shard.shard_k = (unsigned)rank + 1;
    char base[512];
    ab_exh_sweep_base(&shard, act, base, sizeof base);
    snprintf(buf, size, "%s.state", base);
}

/* Rank k > 0: its shard state to rank 0 (length -1: it could not be read). */
static void send_state(const char *path)
{
    long len = -1;
    char *buf = read_file(path, &len);
    int64_t n = buf != NULL ? (int64_t)len : -1;
    MPI_Send(&n, 1, MPI_INT64_T, 0, TAG_SIZE, MPI_COMM_WORLD);
    if (buf != NULL)
        MPI_Send(buf, (int)len, MPI_CHAR, 0, TAG_BYTES, MPI_COMM_WORLD);
    free(buf);
}

/* Rank 0: rank r's shard state, written atomically as exh_dir/name (on a
 * shared file system, over the identical file rank r wrote). */
static bool receive_state(int r, const char *exh_dir, const char *name)
{
    int64_t n;
    MPI_Recv(&n, 1, MPI_INT64_T, r, TAG_SIZE, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (n < 0 || n > MAX_STATE_BYTES) {
        fprintf(stderr, "actbench: rank %d could not send its shard state %s\n", r, name);
        return false;
    }
    char *buf = malloc((size_t)n + 1);
    if (buf == NULL)
        abort(); /* the message must still be received: nothing sensible to do */
    MPI_Recv(buf, (int)n, MPI_CHAR, r, TAG_BYTES, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    ab_atomic_file af;
    bool ok = ab_atomic_open(&af, exh_dir, name);
    if (ok) {
        ok = fwrite(buf, 1, (size_t)n, af.fp) == (size_t)n;
        ok = ok ? ab_atomic_commit(&af) : (ab_atomic_abort(&af), false);
    }
    free(buf);
    return ok;
}

/* Rank 0: the N shard states (its own and those received) merged. */
static bool merge_states(const ab_exh_mpi *m, const exh_options *o, const ab_activation *act,
                         const char *exh_dir)
{
    ab_exh_state *states = calloc((size_t)m->size, sizeof *states);
    bool *used = calloc((size_t)m->size, sizeof *used);
    int loaded = 0;
    bool ok = states != NULL && used != NULL;
    for (int r = 0; ok && r < m->size; r++) {
        char name[600], path[4800];
        shard_name(o, act, r, name, sizeof name);
        snprintf(path, sizeof path, "%s/%s", exh_dir, name);
        ok = ab_exh_state_load(path, &states[r]);
        loaded += ok;
    }
    ok = ok && ab_exh_merge_group(states, (size_t)m->size, used, 0, exh_dir, o->quiet);
    for (int r = 0; r < m->size; r++)
        if (ok && !used[r]) {
            fprintf(stderr, "actbench: MPI: rank %d's shard state is of another sweep\n", r);
            ok = false;
        }
    for (int r = 0; r < loaded; r++)
        ab_exh_state_free(&states[r]);
    free(states);
    free(used);
    return ok;
}

int ab_exh_mpi_merge(ab_exh_mpi *m, const exh_options *o, const ab_activation *act,
                     const char *exh_dir, int rc)
{
    int worst;
    MPI_Allreduce(&rc, &worst, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    if (worst != 0)
        return worst; /* each rank's checkpoint or finished shard stays for the re-run */
    char own[600], own_path[4800];
    shard_name(o, act, m->rank, own, sizeof own);
    snprintf(own_path, sizeof own_path, "%s/%s", exh_dir, own);
    int merged = 1;
    if (m->rank > 0) {
        send_state(own_path);
    } else {
        bool ok = true;
        for (int r = 1; r < m->size; r++) {
            char name[600];
            shard_name(o, act, r, name, sizeof name);
            ok &= receive_state(r, exh_dir, name);
        }
        merged = ok && merge_states(m, o, act, exh_dir) ? 0 : 1;
    }
    MPI_Bcast(&merged, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (merged == 0) {
        /* The merged outputs replace the shard states (rank 0 holds copies of all). */
        unlink(own_path);
        for (int r = 1; m->rank == 0 && r < m->size; r++) {
            char name[600], path[4800];
            shard_name(o, act, r, name, sizeof name);
            snprintf(path, sizeof path, "%s/%s", exh_dir, name);
            unlink(path);
        }
    }
    return merged;
}

void ab_exh_mpi_end(ab_exh_mpi *m)
{
    if (m->initialised)
        MPI_Finalize();
}
