/*
 * One block of the sweep (block.h). The reference of every input is
 * prepared once per direction (fast value, its bound, and what the bound
 * decides: the correctly rounded float and the ULP unit of f), then each
 * implementation's kernel runs on the block chunk by chunk and each case is
 * classified (classify.c). A case the bound cannot decide is evaluated in
 * MPFR: the statistics are those a pure-MPFR sweep gives. In MPFR mode (and
 * for the 16-bit formats) every reference is MPFR's.
 */
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "sweep/bits.h"
#include "sweep/metrics.h"
#include "sweep/worker.h"

void ab_exh_ctx_init(ab_exh_ctx *ctx, const ab_activation *act, ab_exh_format format,
                     bool mpfr_reference)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->act = act;
    ctx->params = act->default_params;
    ctx->format = format;
    ctx->mpfr_reference = mpfr_reference || format != AB_FMT_BINARY32;
    ctx->grid_lo = act->range_lo;
    ctx->grid_hi = act->range_hi;
    mpfr_t f;
    mpfr_init2(f, AB_REF_DEFAULT_PREC);
    for (int d = 0; d < 2; d++) {
        ctx->fast[d] = ctx->mpfr_reference ? NULL : ab_fastref_lookup(act, (ab_direction)d);
        ctx->nan_ref_is_nan[d] =
            ab_ref_eval(act, (ab_direction)d, &ctx->params, NAN, f) && mpfr_nan_p(f);
    }
    mpfr_clear(f);
}

ab_exh_worker *ab_exh_worker_new(size_t block_size)
{
    ab_exh_worker *w = calloc(1, sizeof *w);
    if (w == NULL)
        return NULL;
    w->cap = block_size;
    size_t chunk = block_size < AB_EXH_CHUNK ? block_size : AB_EXH_CHUNK;
    w->x = malloc(block_size * sizeof *w->x);
    w->prep = aligned_alloc(_Alignof(prepared), chunk * sizeof *w->prep); /* decide.h */
    w->crs = malloc(chunk * sizeof *w->crs);
    w->cr_key = malloc(chunk * sizeof *w->cr_key);
    w->cr_qlo = malloc(chunk * sizeof *w->cr_qlo);
    w->cr_qhi = malloc(chunk * sizeof *w->cr_qhi);
    w->others = malloc(chunk * sizeof *w->others);
    w->visit = malloc(chunk * sizeof *w->visit);
    w->binade_runs.run = malloc(chunk * sizeof *w->binade_runs.run);
    w->binade_runs.excl = malloc(chunk * sizeof *w->binade_runs.excl);
    w->grid_runs.run = malloc(chunk * sizeof *w->grid_runs.run);
    w->grid_runs.excl = malloc(chunk * sizeof *w->grid_runs.excl);
    w->metrics = ab_exh_metrics_new(chunk);
    w->vbatch = malloc(sizeof *w->vbatch);
#ifdef AB_BUILD_X86
    w->avx2 = ab_cpu_has(AB_ISA_AVX2_FMA);
#endif
    if (w->metrics == NULL || w->vbatch == NULL ||w->x == NULL || w->prep == NULL || w->crs == NULL ||
        w->cr_key == NULL || w->cr_qlo == NULL || w->cr_qhi == NULL || w->others == NULL || w->visit == NULL ||
        w->binade_runs.run == NULL || w->binade_runs.excl == NULL ||
        w->grid_runs.run == NULL || w->grid_runs.excl == NULL) {
        ab_exh_worker_free(w);
        return NULL;
    }
    mpfr_init2(w->f, AB_REF_DEFAULT_PREC);
    w->f_init = true;
    return w;
}

void ab_exh_worker_free(ab_exh_worker *w)
{
    if (w == NULL)
        return;
    if (w->f_init)
        mpfr_clear(w->f);
    for (size_t i = 0; i < w->mf_count; i++)
        mpfr_clear(w->mf[i]);
    free(w->mf);
    free(w->x);
    free(w->prep);
    free(w->crs);
    free(w->cr_key);
    free(w->cr_qlo);
    free(w->cr_qhi);
    free(w->others);
    free(w->visit);
    free(w->vbatch);
    free(w->binade_runs.run);
    free(w->binade_runs.excl);
    free(w->grid_runs.run);
    free(w->grid_runs.excl);
    free(w->trackers);
    ab_exh_outputs_free(&w->outputs);
    ab_exh_metrics_free(w->metrics);
    free(w);
}

static void ensure_mpfr_array(ab_exh_worker *w, size_t n)
{
    if (w->mf_count >= n)
        return;
    w->mf = realloc(w->mf, n * sizeof *w->mf);
    if (w->mf == NULL)
        abort();
    for (size_t i = w->mf_count; i < n; i++)
        mpfr_init2(w->mf[i], AB_REF_DEFAULT_PREC);
    w->mf_count = n;
}

/* Opens the run of cell from input i in *cur, the run being built (kept
 * out of the array: summing into the array made each input's sum wait for
 * the store of the previous input's); the run it closes goes to rs. */
static inline uint16_t run_open(cr_runs *rs, cr_run *cur, int cell, uint32_t i)
{
    if (rs->n > 0)
        rs->run[rs->n - 1] = *cur;
    *cur = (cr_run){cell, i, i, 0, 0, 0.0, 0.0};
    return (uint16_t)rs->n++;
}

/* The run of cells that input i belongs to: the current one, or a new one
 * when the cell changed. */
static inline uint16_t run_at(cr_runs *rs, cr_run *cur, int cell, uint32_t i)
{
    uint16_t k = rs->n == 0 || cur->cell != cell ? run_open(rs, cur, cell, i)
                                                 : (uint16_t)(rs->n - 1);
    cur->end = i + 1;
    return k;
}

/* Input i's CR error e into its run (in input order: the sums are those
 * of one pass per map). */
static inline void run_add(cr_run *r, uint32_t i, double e)
{
    if (r->count == 0 || e > r->max) {
        r->max = e;
        r->argmax = i;
    }
    r->count++;
    r->sum += e;
}

/* Input i (its cr_qhi set) into the descending top list; among equal q_hi
 * the earlier input stays first. */
static void top_insert(ab_exh_worker *w, uint16_t i)
{
    double q = w->cr_qhi[i];
    if (w->top_n == TOP_CR && !(q > w->cr_qhi[w->top[TOP_CR - 1]]))
        return;
    size_t j = w->top_n < TOP_CR ? w->top_n++ : TOP_CR - 1;
    for (; j > 0 && w->cr_qhi[w->top[j - 1]] < q; j--)
        w->top[j] = w->top[j - 1];
    w->top[j] = i;
}

/* The binade and grid cells of input x. */
static void map_cells(prepared *p, float x, const ab_exh_ctx *ctx, double grid_scale)
{
    uint32_t xb = fbits(x);
    p->binade = (int16_t)(((xb >> 31) << 8) | ((xb >> 23) & 0xFF));
    p->grid = -1;
    if (x >= ctx->grid_lo && x <= ctx->grid_hi) {
        int g = (int)((x - ctx->grid_lo) * grid_scale);
        p->grid = (int16_t)(g >= AB_EXH_GRID_BINS ? AB_EXH_GRID_BINS - 1 : g);
    }
}

/* The chunk's CR verdicts as flat arrays, the top list and the binade and
 * grid runs, in one pass over the prepared inputs. */
static void cr_lists(ab_exh_worker *w, size_t n)
{
    cr_runs *br = &w->binade_runs, *gr = &w->grid_runs;
    cr_run bcur = {0}, gcur = {0}; /* the runs being built (set when a run opens) */
    w->top_n = 0;
    br->n = gr->n = 0;
    for (size_t i = 0; i < n; i++) {
        prepared *p = &w->prep[i];
        p->brun = run_at(br, &bcur, p->binade, (uint32_t)i); /* binade >= 0: every input has one */
        p->grun = p->grid < 0 ? NO_RUN : run_at(gr, &gcur, p->grid, (uint32_t)i);
        if (!p->cr_verdict_ok) {
            w->cr_key[i] = 1ull << 32;
            w->cr_qlo[i] = w->cr_qhi[i] = 0.0;
            continue;
        }
        double e = p->cr_verdict.raw;
        run_add(&bcur, (uint32_t)i, e);
        if (p->grun != NO_RUN)
            run_add(&gcur, (uint32_t)i, e);
        w->cr_key[i] = p->cr_bits;
        w->cr_qlo[i] = p->cr_verdict.q_lo;
        w->cr_qhi[i] = p->cr_verdict.q_hi;
        top_insert(w, (uint16_t)i);
    }
    if (br->n > 0)
        br->run[br->n - 1] = bcur;
    if (gr->n > 0)
        gr->run[gr->n - 1] = gcur;
}

/* The reference fields of src (those ab_exh_prepare_fast sets) into dst,
 * one by one: a copy of the whole struct loaded 16-byte pieces of the entry
 * just written, across its narrower stores (binade, grid, same_ref), and
 * each waited for those stores to retire (a store-forwarding stall per
 * input of a saturated range). dst keeps its own cells and per-pass
 * fields: the CR verdict is copied in prepare_batch's last pass, and the
 * cached verdict is read only once a pass sets last_state. */
static inline void copy_reference(prepared *dst, const prepared *src)
{
    dst->v = src->v;
    dst->tail = src->tail;
    dst->d = src->d;
    dst->tlo = src->tlo;
    dst->thi = src->thi;
    dst->inv_unit = src->inv_unit;
    dst->flo = src->flo;
    dst->fhi = src->fhi;
    dst->cr_bits = src->cr_bits;
    dst->kind = src->kind;
    dst->cr_ok = src->cr_ok;
    dst->unit_ok = src->unit_ok;
    dst->ref_inexact = src->ref_inexact;
    dst->f_beyond = src->f_beyond;
    dst->const_id = src->const_id;
}

/* Inputs per pass of prepare_chunk: their fast values stay in L1. */
#define PREPARE_BATCH 64

/* The prepared references of inputs [i0, i0 + m) of the chunk, in three
 * passes over the batch (the fast values, the fields they give, the CR
 * verdicts): each pass's work on one input is independent of the next
 * input's, so the processor overlaps consecutive inputs, where one pass
 * doing all three waited on each input's chain of dependent operations.
 * An input whose fast value repeats the previous input's (a saturated range)
 * takes the previous prepared reference: *prev_fv and *same_as_prev carry
 * that across batches (same_as_prev: prep[i0 - 1] is KIND_FAST, made from
 * *prev_fv). */
static void prepare_batch(ab_exh_worker *w, const ab_exh_ctx *ctx, ab_direction dir,
                          const float *xs, size_t i0, size_t m, ab_fastref_value *prev_fv,
                          bool *same_as_prev)
{
    ab_fastref_fn fn = ctx->fast[dir];
    double grid_scale = AB_EXH_GRID_BINS / (ctx->grid_hi - ctx->grid_lo);
    ab_fastref_value fvs[PREPARE_BATCH];
    for (size_t k = 0; k < m; k++) {
        prepared *p = &w->prep[i0 + k];
        float x = xs[i0 + k];
        map_cells(p, x, ctx, grid_scale);
        p->last_state = 0;
        p->same_ref = 0;
        p->const_id = 0;
        if (isnan(x) && ctx->nan_ref_is_nan[dir]) {
            p->kind = KIND_NAN;
        } else if (fn == NULL || !isfinite(x) || x == 0.0f) {
            p->kind = KIND_MPFR; /* ±0, ±inf: a handful of inputs, exact */
        } else {
            p->kind = KIND_FAST; /* until ab_exh_prepare_fast says otherwise */
            fvs[k] = (ab_fastref_value){0, 0, 0, 0, 0, 0};
            fn((double)x, &ctx->params, &fvs[k]);
        }
    }
    for (size_t k = 0; k < m; k++) {
        size_t i = i0 + k;
        prepared *p = &w->prep[i];
        bool fast_value = p->kind == KIND_FAST;
        if (fast_value && *same_as_prev && ab_exh_same_fastref(&fvs[k], prev_fv)) {
            /* Saturated ranges (sigmoid(x) = 1 - tail with the tail below
             * the double range): everything below derives from fv alone
             * (the CR verdict is copied in the last pass). */
            copy_reference(p, &w->prep[i - 1]);
            p->same_ref = 1;
            continue;
        }
        if (fast_value) {
            *prev_fv = fvs[k];
            ab_exh_prepare_fast(p, &fvs[k]);
        }
        *same_as_prev = p->kind == KIND_FAST;
    }
    for (size_t k = 0; k < m; k++) {
        size_t i = i0 + k;
        prepared *p = &w->prep[i];
        if (p->same_ref) {
            p->cr_verdict_ok = w->prep[i - 1].cr_verdict_ok;
            p->cr_verdict = w->prep[i - 1].cr_verdict;
        } else {
            p->cr_verdict_ok = p->kind == KIND_FAST && p->cr_ok &&
                               ab_exh_cr_verdict(p, &p->cr_verdict);
        }
    }
}

static void prepare_chunk(ab_exh_worker *w, const ab_exh_ctx *ctx, ab_direction dir,
                          const float *xs, size_t n)
{
    ab_fastref_value prev_fv = {0, 0, 0, 0, 0, 0};
    bool same_as_prev = false;
    for (size_t i0 = 0; i0 < n; i0 += PREPARE_BATCH)
        prepare_batch(w, ctx, dir, xs, i0, n - i0 < PREPARE_BATCH ? n - i0 : PREPARE_BATCH,
                      &prev_fv, &same_as_prev);
    cr_lists(w, n);
}

static void ensure_trackers(ab_exh_worker *w, size_t n)
{
    if (w->tracker_count >= n)
        return;
    free(w->trackers);
    w->trackers = malloc(n * sizeof *w->trackers);
    if (w->trackers == NULL)
        abort();
    w->tracker_count = n;
}

/* The MPFR references of a chunk (MPFR mode): values, inexact flags and
 * correct roundings. */
static void mpfr_references(ab_exh_worker *w, const ab_exh_ctx *ctx, ab_direction dir,
                            const float *xs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        mpfr_clear_inexflag();
        ab_ref_eval(ctx->act, dir, &ctx->params, xs[i], w->mf[i]);
        w->prep[i].ref_inexact = mpfr_inexflag_p() != 0;
        w->crs[i] = ab_exh_round_mpfr(w->mf[i], ctx->format);
    }
}

/* This thread's CPU time: the kernels' share of a sweep (block.h). */
static double thread_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

ab_exh_kernel_time ab_exh_worker_kernel_time(const ab_exh_worker *w)
{
    return (ab_exh_kernel_time){w->kernel_seconds, thread_seconds(), w->outputs.calls,
                                w->outputs.ftz_skipped};
}

/* The pairs of direction dir over the block's inputs w->x[0, count). The
 * kernels run first, over the whole block (twins.h); a pair whose results
 * equal an earlier pair's over the block takes that pair's statistics. */
static void eval_direction(ab_exh_worker *w, const ab_exh_ctx *ctx, ab_direction dir,
                           const ab_exh_pair *pairs, size_t pair_count, size_t count,
                           ab_exh_pair *out)
{
    size_t chunk = count < AB_EXH_CHUNK ? count : AB_EXH_CHUNK;
    eval_env env = {ctx, dir, &w->f};
    ab_exh_outputs *o = &w->outputs;
    double t0 = thread_seconds();
    ab_exh_outputs_run(o, pairs, pair_count, dir, &ctx->params, w->x, count, AB_EXH_KERNEL_CALL);
    w->kernel_seconds += thread_seconds() - t0;
    for (size_t k = 0; k < pair_count; k++) {
        if (pairs[k].dir != dir)
            continue;
        ab_exh_pair_reset(&out[k]);
        ab_exh_tracker_reset(&w->trackers[k]);
    }
    /* Inputs reach each pair's tracker in increasing order, as the
     * tracker's tie rule needs: chunks are taken in order. */
    for (size_t c0 = 0; c0 < count; c0 += chunk) {
        size_t n = count - c0 < chunk ? count - c0 : chunk;
        const float *xs = w->x + c0;
        prepare_chunk(w, ctx, dir, xs, n);
        if (ctx->mpfr_reference)
            mpfr_references(w, ctx, dir, xs, n);
        ab_exh_metrics_prepare(w->metrics, &env, w->prep, w->mf, w->crs, xs, n);
        for (size_t k = 0; k < pair_count; k++) {
            if (pairs[k].dir != dir || o->leader[k] != k)
                continue;
            const float *ys = o->y + k * o->cap + c0, *zs = o->z + k * o->cap + c0;
            if (ctx->mpfr_reference)
                ab_exh_classify_mpfr(&out[k], &w->trackers[k], &env, n, xs, ys, w);
            else
                ab_exh_classify_fast(&out[k], &w->trackers[k], &env, n, xs, ys, w);
            /* the error metrics, and those of the FTZ/DAZ run (metrics.h) */
            ab_exh_metrics_pass(w->metrics, k, &out[k], &env, xs, ys, zs, n);
        }
    }
    for (size_t k = 0; k < pair_count; k++)
        if (pairs[k].dir == dir && o->leader[k] == k) {
            ab_exh_tracker_finish(&w->trackers[k], &env, &out[k]);
            ab_exh_metrics_finish(w->metrics, k, &out[k], &env);
        }
    for (size_t k = 0; k < pair_count; k++)
        if (pairs[k].dir == dir && o->leader[k] != k)
            ab_exh_copy_twin(&out[k], &out[o->leader[k]]);
}

void ab_exh_eval_block(ab_exh_worker *w, const ab_exh_ctx *ctx, const ab_exh_pair *pairs,
                       size_t pair_count, uint64_t first, uint64_t count, ab_exh_pair *out)
{
    for (size_t k = 0; k < count; k++)
        w->x[k] = ab_exh_input(ctx->format, first + k);
    ensure_trackers(w, pair_count);
    if (!ab_exh_outputs_reserve(&w->outputs, pair_count, w->cap))
        abort();
    size_t chunk = count < AB_EXH_CHUNK ? count : AB_EXH_CHUNK;
    if (ctx->mpfr_reference)
        ensure_mpfr_array(w, chunk);
    for (int d = 0; d < 2; d++) {
        bool any = false;
        for (size_t k = 0; k < pair_count; k++)
            any |= pairs[k].dir == (ab_direction)d;
        if (any)
            eval_direction(w, ctx, (ab_direction)d, pairs, pair_count, (size_t)count, out);
    }
}
