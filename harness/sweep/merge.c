/*
 * `actbench merge`: combines the shard states (BASE.shard-K-of-N.state)
 * found in the directories given into the outputs one run would give. The
 * states of one sweep (same configuration but the shard) are grouped; a
 * group is written only when its N shards are all there, each once, and
 * their block sets are disjoint and cover the range.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "sweep/commit.h"
#include "sweep/cpu.h"
#include "sweep/driver.h"
#include "sweep/output.h"
#include "sweep/state.h"
#include "sweep/sweep.h"

static int collect_states(const char *dir, ab_exh_state **list, size_t *count, size_t *cap)
{
    char sub[4200];
    snprintf(sub, sizeof sub, "%s/exhaustive", dir);
    DIR *dp = opendir(sub);
    const char *base = sub;
    if (dp == NULL) {
        dp = opendir(dir);
        base = dir;
    }
    if (dp == NULL) {
        fprintf(stderr, "actbench: merge: cannot open %s: %s\n", dir, strerror(errno));
        return -1;
    }
    struct dirent *de;
    int found = 0;
    while ((de = readdir(dp)) != NULL) {
        size_t len = strlen(de->d_name);
        if (len < 7 || strcmp(de->d_name + len - 6, ".state") != 0 ||
            strstr(de->d_name, ".shard-") == NULL || de->d_name[0] == '.')
            continue;
        if (*count == *cap) {
            *cap = *cap ? 2 * *cap : 8;
            *list = realloc(*list, *cap * sizeof **list);
            if (*list == NULL)
                return -1;
        }
        char path[4500];
        snprintf(path, sizeof path, "%s/%s", base, de->d_name);
        if (!ab_exh_state_load(path, &(*list)[*count])) {
            closedir(dp);
            return -1;
        }
        (*count)++;
        found++;
    }
    closedir(dp);
    if (found == 0)
        fprintf(stderr, "actbench: merge: no *.shard-K-of-N.state file in %s\n", dir);
    return found;
}

/* Merges shard s into m (same sweep); false with a message when the shard
 * repeats one of m's or has another shard count, or a block is in both. */
static bool merge_shard(ab_exh_state *m, const ab_exh_state *s, bool *have)
{
    if (s->shard_n != m->shard_n || have[s->shard_k]) {
        fprintf(stderr, "actbench: merge: %s: shard %u/%u given twice or with another "
                        "shard count\n", m->activation, s->shard_k, s->shard_n);
        return false;
    }
    have[s->shard_k] = true;
    ab_exh_cpu_join(&m->cpu, &s->cpu);
    for (uint64_t b = 0; b < m->block_count; b++) {
        uint8_t bit = (uint8_t)(1u << (b & 7));
        if (m->done[b >> 3] & s->done[b >> 3] & bit) {
            fprintf(stderr, "actbench: merge: %s: block %" PRIu64 " in two shards\n",
                    m->activation, b);
            return false;
        }
    }
    for (uint64_t i = 0; i < (m->block_count + 7) / 8; i++)
        m->done[i] |= s->done[i];
    for (size_t k = 0; k < m->pair_count; k++)
        ab_exh_pair_merge(&m->pairs[k], &s->pairs[k]);
    return true;
}

/* The group of states[g]: merged into states[g] and written; false with a
 * message when incomplete or inconsistent (nothing written). driver.h. */
bool ab_exh_merge_group(ab_exh_state *states, size_t count, bool *used, size_t g,
                       const char *exh_dir, bool quiet)
{
    ab_exh_state *m = &states[g];
    used[g] = true;
    unsigned n = m->shard_n, seen = 1;
    double wall = m->wall_seconds;
    unsigned threads = m->threads;
    bool *have = calloc(n + 1, sizeof *have);
    if (have == NULL)
        return false;
    have[m->shard_k] = true;
    bool ok = true;
    for (size_t j = g + 1; j < count && ok; j++) {
        ab_exh_state *s = &states[j];
        if (used[j] || !ab_exh_state_same_config(m, s, true))
            continue;
        used[j] = true;
        ok = merge_shard(m, s, have);
        seen++;
        wall += s->wall_seconds;
        if (s->threads > threads)
            threads = s->threads;
    }
    free(have);
    if (!ok)
        return false;
    uint64_t done = ab_exh_blocks_done(m);
    if (seen != n || done != m->block_count) {
        fprintf(stderr, "actbench: merge: %s (%s): %u of %u shards, %" PRIu64 " of %" PRIu64
                        " blocks: incomplete, nothing written\n",
                m->activation, ab_exh_format_name(m->format), seen, n, done, m->block_count);
        return false;
    }
    m->shard_k = m->shard_n = 1;
    m->shards_merged = n;
    m->wall_seconds = wall; /* the sum of the shards' wall times */
    m->threads = threads;
    char base[512];
    ab_exh_base_name(m, base, sizeof base);
    int lock = ab_exh_lock_base(exh_dir, base);
    bool written = lock >= 0 && ab_exh_write_outputs(m, exh_dir);
    ab_exh_unlock_base(lock);
    if (!written)
        return false;
    if (!quiet)
        fprintf(stderr, "actbench: merge: %s (%s): %u shards -> %s\n", m->activation,
                ab_exh_format_name(m->format), n, exh_dir);
    return true;
}

int ab_cmd_merge(int argc, char **argv)
{
    const char *output = "results";
    bool quiet = false;
    static const struct option longopts[] = {{"output", required_argument, NULL, 'o'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    optind = 0;
    int c;
    while ((c = getopt_long(argc, argv, "ha:V:v:o:q", longopts, NULL)) != -1) {
        if (c == 'o')
            output = optarg;
        else if (c == 'q')
            quiet = true;
        else if (c == 'h') {
            ab_exhaustive_usage(stdout);
            return 0;
        } else {
            ab_exhaustive_usage(stderr);
            return 2;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "actbench: merge: give the shard directories\n");
        return 2;
    }
    ab_exh_state *states = NULL;
    size_t count = 0, cap = 0;
    int rc = 1;
    bool *used = NULL;
    char exh_dir[4200];
    for (int i = optind; i < argc; i++)
        if (collect_states(argv[i], &states, &count, &cap) <= 0)
            goto out;
    if (!ab_exh_dir_of(output, exh_dir, sizeof exh_dir))
        goto out;
    used = calloc(count, sizeof *used);
    if (used == NULL)
        goto out;
    ab_exh_catch_signals(true); /* a group's files are written whole */
    rc = 0;
    for (size_t g = 0; g < count && rc == 0; g++) {
        if (!used[g] && !ab_exh_merge_group(states, count, used, g, exh_dir, quiet))
            rc = 1;
        if (ab_exh_stop_signal() != 0)
            rc = 128 + ab_exh_stop_signal();
    }
    ab_exh_catch_signals(false);
out:
    free(used);
    for (size_t i = 0; i < count; i++)
        ab_exh_state_free(&states[i]);
    free(states);
    return rc;
}
