/*
 * The exhaustive sweep's state as a text file: the configuration, the bitmap
 * of completed blocks and the merged statistics of those blocks, every
 * double in hexadecimal (%a) so that a reload is bit-exact. Checkpoints and
 * shard results are such files; merge reads them.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "sweep/state.h"

#define STATE_MAGIC "actbench-exhaustive-state 1"

uint64_t ab_exh_blocks_done(const ab_exh_state *st)
{
    uint64_t n = 0;
    for (uint64_t b = 0; b < st->block_count; b++)
        n += (st->done[b >> 3] >> (b & 7)) & 1;
    return n;
}

bool ab_exh_block_done(const ab_exh_state *st, uint64_t b)
{
    return (st->done[b >> 3] >> (b & 7)) & 1;
}

bool ab_exh_state_same_config(const ab_exh_state *a, const ab_exh_state *b, bool ignore_shard)
{
    if (strcmp(a->activation, b->activation) != 0 || a->format != b->format ||
        a->mpfr_reference != b->mpfr_reference || a->range_lo != b->range_lo ||
        a->range_hi != b->range_hi || a->block_bits != b->block_bits ||
        a->block_count != b->block_count || a->pair_count != b->pair_count)
        return false;
    if (!ignore_shard && (a->shard_k != b->shard_k || a->shard_n != b->shard_n))
        return false;
    for (size_t i = 0; i < a->pair_count; i++)
        if (strcmp(a->pairs[i].variant, b->pairs[i].variant) != 0 ||
            a->pairs[i].dir != b->pairs[i].dir)
            return false;
    return true;
}

void ab_exh_pair_reset(ab_exh_pair *p)
{
    ab_acc_stats_init(&p->stats);
    p->fallbacks = p->reevals = 0;
    memset(p->binade, 0, sizeof p->binade);
    memset(p->grid, 0, sizeof p->grid);
}

void ab_exh_cell_merge(ab_exh_cell *into, const ab_exh_cell *from)
{
    if (from->count == 0)
        return;
    if (into->count == 0 || from->max_ulp > into->max_ulp)
        into->max_ulp = from->max_ulp;
    into->count += from->count;
    into->sum_ulp += from->sum_ulp;
}

void ab_exh_pair_merge(ab_exh_pair *out, const ab_exh_pair *in)
{
    ab_acc_stats_merge(&out->stats, &in->stats);
    out->fallbacks += in->fallbacks;
    out->reevals += in->reevals;
    for (int s = 0; s < 2; s++)
        for (int e = 0; e < 256; e++)
            ab_exh_cell_merge(&out->binade[s][e], &in->binade[s][e]);
    for (int g = 0; g < AB_EXH_GRID_BINS; g++)
        ab_exh_cell_merge(&out->grid[g], &in->grid[g]);
}

void ab_exh_state_free(ab_exh_state *st)
{
    free(st->done);
    free(st->pairs);
    st->done = NULL;
    st->pairs = NULL;
}

const ab_exh_pair *ab_exh_state_pair(const ab_exh_state *st, const char *variant,
                                     ab_direction dir)
{
    for (size_t i = 0; i < st->pair_count; i++)
        if (st->pairs[i].dir == dir && strcmp(st->pairs[i].variant, variant) == 0)
            return &st->pairs[i];
    return NULL;
}

static void write_cell(FILE *fp, const char *kind, size_t idx, int a, int b,
                       const ab_exh_cell *c)
{
    if (c->count == 0)
        return;
    if (b >= 0)
        fprintf(fp, "%s %zu %d %d %" PRIu64 " %a %a\n", kind, idx, a, b, c->count, c->max_ulp,
                c->sum_ulp);
    else
        fprintf(fp, "%s %zu %d %" PRIu64 " %a %a\n", kind, idx, a, c->count, c->max_ulp,
                c->sum_ulp);
}

bool ab_exh_state_save(const ab_exh_state *st, const char *dir, const char *name)
{
    ab_atomic_file af;
    if (!ab_atomic_open(&af, dir, name))
        return false;
    FILE *fp = af.fp;
    fprintf(fp, "%s\n", STATE_MAGIC);
    fprintf(fp, "activation %s\nformat %s\nreference %s\n", st->activation,
            ab_exh_format_name(st->format), st->mpfr_reference ? "mpfr" : "fast");
    fprintf(fp, "range 0x%" PRIx64 " 0x%" PRIx64 "\nshard %u %u\nblock_bits %u\n", st->range_lo,
            st->range_hi, st->shard_k, st->shard_n, st->block_bits);
    fprintf(fp, "block_count %" PRIu64 "\nwall_seconds %a\nthreads %u\nshards_merged %u\n",
            st->block_count, st->wall_seconds, st->threads, st->shards_merged);
    fprintf(fp, "grid %a %a\npairs %zu\ndone ", st->grid_lo, st->grid_hi, st->pair_count);
    for (uint64_t i = 0; i < (st->block_count + 7) / 8; i++)
        fprintf(fp, "%02x", st->done[i]);
    fputc('\n', fp);
    for (size_t i = 0; i < st->pair_count; i++) {
        const ab_exh_pair *p = &st->pairs[i];
        const ab_acc_stats *s = &p->stats;
        fprintf(fp, "pair %zu %s %s\n", i, p->variant, ab_direction_name(p->dir));
        fprintf(fp,
                "stats %zu %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64
                " %a %a %" PRIu32 " %" PRIu32 " %" PRIu32 "\n",
                i, s->inputs, s->ulp_counted, s->nan_expected, s->correctly_rounded,
                s->over_one_ulp, s->sum_ulp, s->max_ulp, s->worst_x, s->worst_y, s->worst_cr);
        fprintf(fp, "hist %zu", i);
        for (int k = 0; k < AB_HIST_BINS; k++)
            fprintf(fp, " %" PRIu64, s->hist[k]);
        fprintf(fp, "\nclasses %zu", i);
        for (int k = 0; k < AB_CLASS_KINDS; k++)
            fprintf(fp, " %" PRIu64 " %" PRIu32, s->classes[k], s->class_example_x[k]);
        fprintf(fp, "\ncounters %zu %" PRIu64 " %" PRIu64 "\n", i, p->fallbacks, p->reevals);
        for (int sg = 0; sg < 2; sg++)
            for (int e = 0; e < 256; e++)
                write_cell(fp, "binade", i, sg, e, &p->binade[sg][e]);
        for (int g = 0; g < AB_EXH_GRID_BINS; g++)
            write_cell(fp, "gridcell", i, g, -1, &p->grid[g]);
    }
    fprintf(fp, "end\n");
    return ab_atomic_commit(&af);
}

bool ab_exh_state_load(const char *path, ab_exh_state *st)
{
    memset(st, 0, sizeof *st);
    FILE *fp = fopen(path, "r");
    if (fp == NULL) {
        fprintf(stderr, "actbench: cannot read %s\n", path);
        return false;
    }
    char *line = NULL;
    size_t cap = 0;
    bool ok = false, ended = false;
    int lineno = 0;
    ab_exh_pair *p = NULL;
    while (getline(&line, &cap, fp) > 0) {
        lineno++;
        line[strcspn(line, "\n")] = '\0';
        char key[32], a[128], b[128];
        size_t idx;
        if (lineno == 1) {
            if (strcmp(line, STATE_MAGIC) != 0)
                goto bad;
            continue;
        }
        if (sscanf(line, "%31s", key) != 1)
            goto bad;
        const char *rest = line + strlen(key);
        if (strcmp(key, "activation") == 0) {
            if (sscanf(rest, "%63s", st->activation) != 1)
                goto bad;
        } else if (strcmp(key, "format") == 0) {
            if (sscanf(rest, "%127s", a) != 1 || !ab_exh_format_parse(a, &st->format))
                goto bad;
        } else if (strcmp(key, "reference") == 0) {
            if (sscanf(rest, "%127s", a) != 1)
                goto bad;
            st->mpfr_reference = strcmp(a, "mpfr") == 0;
        } else if (strcmp(key, "range") == 0) {
            if (sscanf(rest, "%" SCNx64 " %" SCNx64, &st->range_lo, &st->range_hi) != 2)
                goto bad;
        } else if (strcmp(key, "shard") == 0) {
            if (sscanf(rest, "%u %u", &st->shard_k, &st->shard_n) != 2)
                goto bad;
        } else if (strcmp(key, "block_bits") == 0) {
            if (sscanf(rest, "%u", &st->block_bits) != 1)
                goto bad;
        } else if (strcmp(key, "block_count") == 0) {
            if (sscanf(rest, "%" SCNu64, &st->block_count) != 1 || st->block_count == 0)
                goto bad;
            st->done = calloc((st->block_count + 7) / 8, 1);
            if (st->done == NULL)
                goto bad;
        } else if (strcmp(key, "wall_seconds") == 0) {
            if (sscanf(rest, "%la", &st->wall_seconds) != 1)
                goto bad;
        } else if (strcmp(key, "threads") == 0) {
            if (sscanf(rest, "%u", &st->threads) != 1)
                goto bad;
        } else if (strcmp(key, "shards_merged") == 0) {
            if (sscanf(rest, "%u", &st->shards_merged) != 1)
                goto bad;
        } else if (strcmp(key, "grid") == 0) {
            if (sscanf(rest, "%la %la", &st->grid_lo, &st->grid_hi) != 2)
                goto bad;
        } else if (strcmp(key, "pairs") == 0) {
            if (sscanf(rest, "%zu", &st->pair_count) != 1 || st->pairs != NULL)
                goto bad;
            st->pairs = calloc(st->pair_count ? st->pair_count : 1, sizeof *st->pairs);
            if (st->pairs == NULL)
                goto bad;
        } else if (strcmp(key, "done") == 0) {
            const char *h = rest + 1;
            size_t bytes = (st->block_count + 7) / 8;
            if (st->done == NULL || strlen(h) != 2 * bytes)
                goto bad;
            for (size_t i = 0; i < bytes; i++) {
                unsigned v;
                if (sscanf(h + 2 * i, "%2x", &v) != 1)
                    goto bad;
                st->done[i] = (uint8_t)v;
            }
        } else if (strcmp(key, "end") == 0) {
            ended = true;
            break;
        } else {
            /* Per-pair lines: the index follows the key. */
            if (sscanf(rest, "%zu", &idx) != 1 || st->pairs == NULL || idx >= st->pair_count)
                goto bad;
            p = &st->pairs[idx];
            const char *r = rest;
            while (*r == ' ')
                r++;
            r += strcspn(r, " ");
            if (strcmp(key, "pair") == 0) {
                if (sscanf(r, "%127s %127s", a, b) != 2 || strlen(a) >= sizeof p->variant)
                    goto bad;
                strcpy(p->variant, a);
                p->dir = strcmp(b, "derivative") == 0 ? AB_DERIVATIVE : AB_FORWARD;
                ab_acc_stats_init(&p->stats);
                p->impl = ab_impl_find(st->activation, p->variant);
            } else if (strcmp(key, "stats") == 0) {
                ab_acc_stats *s = &p->stats;
                if (sscanf(r,
                           "%" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64
                           " %la %la %" SCNu32 " %" SCNu32 " %" SCNu32,
                           &s->inputs, &s->ulp_counted, &s->nan_expected, &s->correctly_rounded,
                           &s->over_one_ulp, &s->sum_ulp, &s->max_ulp, &s->worst_x, &s->worst_y,
                           &s->worst_cr) != 10)
                    goto bad;
            } else if (strcmp(key, "hist") == 0) {
                int off = 0, n;
                for (int k = 0; k < AB_HIST_BINS; k++, r += off) {
                    if (sscanf(r, "%" SCNu64 "%n", &p->stats.hist[k], &n) != 1)
                        goto bad;
                    off = n;
                }
            } else if (strcmp(key, "classes") == 0) {
                int n;
                for (int k = 0; k < AB_CLASS_KINDS; k++) {
                    if (sscanf(r, "%" SCNu64 " %" SCNu32 "%n", &p->stats.classes[k],
                               &p->stats.class_example_x[k], &n) != 2)
                        goto bad;
                    r += n;
                }
            } else if (strcmp(key, "counters") == 0) {
                if (sscanf(r, "%" SCNu64 " %" SCNu64, &p->fallbacks, &p->reevals) != 2)
                    goto bad;
            } else if (strcmp(key, "binade") == 0) {
                int sg, e;
                ab_exh_cell c;
                if (sscanf(r, "%d %d %" SCNu64 " %la %la", &sg, &e, &c.count, &c.max_ulp,
                           &c.sum_ulp) != 5 || sg < 0 || sg > 1 || e < 0 || e > 255)
                    goto bad;
                p->binade[sg][e] = c;
            } else if (strcmp(key, "gridcell") == 0) {
                int g;
                ab_exh_cell c;
                if (sscanf(r, "%d %" SCNu64 " %la %la", &g, &c.count, &c.max_ulp, &c.sum_ulp) !=
                        4 || g < 0 || g >= AB_EXH_GRID_BINS)
                    goto bad;
                p->grid[g] = c;
            } else {
                goto bad;
            }
        }
    }
    if (!ended || st->done == NULL || st->pairs == NULL || st->shard_n == 0) {
        fprintf(stderr, "actbench: %s: truncated or incomplete state file\n", path);
        goto out;
    }
    ok = true;
    goto out;
bad:
    fprintf(stderr, "actbench: %s:%d: malformed state file line\n", path, lineno);
out:
    free(line);
    fclose(fp);
    if (!ok)
        ab_exh_state_free(st);
    return ok;
}
