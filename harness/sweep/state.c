/*
 * The sweep's state in memory (state.h): the block bitmap, the merge of
 * statistics, and the invariants every state must satisfy, whatever its
 * origin (a run, a checkpoint, a shard file, a merge): the counts of each
 * pair add up to the inputs of the completed blocks, and the configuration
 * is one a run could have made. state_file.c reads and writes it.
 */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sweep/state.h"

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

/* The bit patterns of the completed blocks. */
static uint64_t inputs_done(const ab_exh_state *st)
{
    uint64_t n = 0, size = (uint64_t)1 << st->block_bits;
    for (uint64_t b = 0; b < st->block_count; b++)
        if (ab_exh_block_done(st, b)) {
            uint64_t first = st->range_lo + b * size;
            uint64_t last = st->range_hi - first < size - 1 ? st->range_hi : first + size - 1;
            n += last - first + 1;
        }
    return n;
}

static bool check_config(const ab_exh_state *st, char *why, size_t size)
{
    if (st->activation[0] == '\0')
        snprintf(why, size, "no activation");
    else if (st->range_lo > st->range_hi || st->range_hi > ab_exh_format_top(st->format))
        snprintf(why, size, "range 0x%" PRIx64 ":0x%" PRIx64 " outside the %s patterns",
                 st->range_lo, st->range_hi, ab_exh_format_name(st->format));
    else if (st->block_bits < AB_EXH_MIN_BLOCK_BITS || st->block_bits > AB_EXH_MAX_BLOCK_BITS)
        snprintf(why, size, "block_bits %u outside [%d, %d]", st->block_bits,
                 AB_EXH_MIN_BLOCK_BITS, AB_EXH_MAX_BLOCK_BITS);
    else if (st->block_count != ((st->range_hi - st->range_lo) >> st->block_bits) + 1)
        snprintf(why, size, "block_count %" PRIu64 " does not match the range", st->block_count);
    else if (st->shard_n < 1 || st->shard_n > AB_EXH_MAX_SHARDS || st->shard_k < 1 ||
             st->shard_k > st->shard_n)
        snprintf(why, size, "shard %u of %u (need 1 <= K <= N <= %u)", st->shard_k,
                 st->shard_n, AB_EXH_MAX_SHARDS);
    else if (st->shards_merged < 1 || st->shards_merged > AB_EXH_MAX_SHARDS)
        snprintf(why, size, "shards_merged %u", st->shards_merged);
    else if (!(st->wall_seconds >= 0 && isfinite(st->wall_seconds)))
        snprintf(why, size, "wall_seconds %g", st->wall_seconds);
    else if (!(st->grid_lo < st->grid_hi && isfinite(st->grid_lo) && isfinite(st->grid_hi)))
        snprintf(why, size, "map grid [%g, %g]", st->grid_lo, st->grid_hi);
    else if (st->pair_count < 1 || st->pair_count > AB_EXH_MAX_PAIRS)
        snprintf(why, size, "%zu implementation-directions", st->pair_count);
    else
        return true;
    return false;
}

/* Done bits only for blocks of the range, and (in a shard) of the shard. */
static bool check_done(const ab_exh_state *st, char *why, size_t size)
{
    uint64_t bytes = (st->block_count + 7) / 8;
    if ((st->block_count & 7) && (st->done[bytes - 1] >> (st->block_count & 7)) != 0) {
        snprintf(why, size, "done bitmap has bits past block %" PRIu64, st->block_count - 1);
        return false;
    }
    for (uint64_t b = 0; st->shard_n > 1 && b < st->block_count; b++)
        if (ab_exh_block_done(st, b) && b % st->shard_n != st->shard_k - 1) {
            snprintf(why, size, "block %" PRIu64 " done but not in shard %u/%u", b, st->shard_k,
                     st->shard_n);
            return false;
        }
    return true;
}

static bool check_cells(const ab_exh_cell *c, size_t n, uint64_t *count)
{
    for (size_t i = 0; i < n; i++) {
        if (c[i].count && !(c[i].max_ulp >= 0 && c[i].sum_ulp >= 0))
            return false;
        *count += c[i].count;
    }
    return true;
}

/* The counts of one pair add up: every input is a NaN case or counted in
 * the histogram and the binade map, once. */
static bool check_pair(const ab_exh_pair *p, uint64_t inputs, char *why, size_t size)
{
    const ab_acc_stats *s = &p->stats;
    uint64_t hist = 0, over = 0, binade = 0, grid = 0;
    for (int k = 0; k < AB_HIST_BINS; k++) {
        hist += s->hist[k];
        over += k >= 2 ? s->hist[k] : 0;
    }
    uint64_t nan_cases = s->nan_expected + s->classes[__builtin_ctz(AB_CLASS_NAN_UNEXPECTED)] +
                         s->classes[__builtin_ctz(AB_CLASS_NAN_MISSING)];
    bool cells = check_cells(&p->binade[0][0], 2 * 256, &binade) &&
                 check_cells(p->grid, AB_EXH_GRID_BINS, &grid);
    const char *bad = NULL;
    if (p->variant[0] == '\0')
        bad = "no variant name";
    else if (s->inputs != inputs)
        bad = "inputs differ from the inputs of the completed blocks";
    else if (s->ulp_counted + nan_cases != s->inputs)
        bad = "counted and NaN cases do not add up to the inputs";
    else if (hist != s->ulp_counted || over != s->over_one_ulp)
        bad = "histogram does not add up to the counted cases";
    else if (s->correctly_rounded > s->inputs)
        bad = "more correctly rounded cases than inputs";
    else if (!cells || binade != s->ulp_counted || grid > s->ulp_counted)
        bad = "error maps do not add up to the counted cases";
    else if (s->ulp_counted ? !(s->max_ulp >= 0) : s->max_ulp != -1.0)
        bad = "max_ulp";
    else if (!(s->sum_ulp >= 0))
        bad = "sum of errors";
    else if (s->metrics_measured &&
             (s->normal_counted > s->ulp_counted || s->ftz_changed > s->inputs ||
              s->ftz_special > s->inputs || (s->normal_counted == 0) != (s->ulp_normal.value < 0)))
        bad = "error metrics do not add up to the counted cases";
    if (bad != NULL)
        snprintf(why, size, "%s %s: %s", p->variant, ab_direction_name(p->dir), bad);
    return bad == NULL;
}

bool ab_exh_state_check(const ab_exh_state *st, char *why, size_t size)
{
    if (!check_config(st, why, size) || !check_done(st, why, size))
        return false;
    uint64_t inputs = inputs_done(st);
    for (size_t i = 0; i < st->pair_count; i++) {
        if (!check_pair(&st->pairs[i], inputs, why, size))
            return false;
        for (size_t j = 0; j < i; j++)
            if (st->pairs[j].dir == st->pairs[i].dir &&
                strcmp(st->pairs[j].variant, st->pairs[i].variant) == 0) {
                snprintf(why, size, "%s %s listed twice", st->pairs[i].variant,
                         ab_direction_name(st->pairs[i].dir));
                return false;
            }
    }
    return true;
}
