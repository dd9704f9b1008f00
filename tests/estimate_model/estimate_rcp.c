/*
 * The reciprocal estimate of the model (impls/estimate.h): for each lane,
 * a value from the interval the architecture allows rcpps to return,
 * |r - 1/d| <= 1.5 * 2^-12 |1/d| (Intel SDM, RCPPS), chosen by the calling
 * thread's mode. Zero, subnormal and infinite operands and flushed results
 * follow the architectural rules. Compiled with -mavx2 -mfma.
 */
#include <math.h>
#include <string.h>

#include "estimate.h"
#include "estimate_model.h"

static _Thread_local ab_estimate_mode thread_mode = AB_ESTIMATE_NEAREST;
static _Thread_local uint64_t thread_rng = 1;
static _Thread_local uint64_t thread_calls, thread_outside;

const char *ab_estimate_mode_name(ab_estimate_mode mode)
{
    static const char *const names[AB_ESTIMATE_MODES] = {"low", "high", "nearest", "random", "cpu"};
    return (unsigned)mode < AB_ESTIMATE_MODES ? names[mode] : "?";
}

void ab_estimate_set_mode(ab_estimate_mode mode, uint64_t seed)
{
    thread_mode = mode;
    thread_rng = seed ? seed : 1;
}

void ab_estimate_reset_counts(void)
{
    thread_calls = thread_outside = 0;
}

uint64_t ab_estimate_calls(void)
{
    return thread_calls;
}

uint64_t ab_estimate_out_of_interval(void)
{
    return thread_outside;
}

static uint64_t next_random(void)
{
    /* xorshift64*: any well-spread sequence will do; seeded for
     * reproducible model runs. */
    thread_rng ^= thread_rng >> 12;
    thread_rng ^= thread_rng << 25;
    thread_rng ^= thread_rng >> 27;
    return thread_rng * 0x2545F4914F6CDD1DULL;
}

/* Largest binary32 <= v and smallest binary32 >= v (v > 0, in range). */
static float float_below(double v)
{
    float f = (float)v;
    return (double)f > v ? nextafterf(f, 0.0f) : f;
}

static float float_above(double v)
{
    float f = (float)v;
    return (double)f < v ? nextafterf(f, INFINITY) : f;
}

void ab_estimate_rcp_interval(float d, float *lo, float *hi)
{
    float a = fabsf(d);
    float sign = signbit(d) ? -1.0f : 1.0f;
    if (isnan(d)) {
        *lo = *hi = d;
        return;
    }
    /* Subnormal operands are read as zero; infinities give zero. */
    if (a < 0x1p-126f) {
        *lo = *hi = sign * INFINITY;
        return;
    }
    if (isinf(a)) {
        *lo = *hi = sign * 0.0f;
        return;
    }
    double t = 1.0 / (double)a;
    double t_lo = t * (1.0 - AB_RCP_REL_ERROR), t_hi = t * (1.0 + AB_RCP_REL_ERROR);
    /* Results below the normal range are flushed to zero; near that edge
     * the architecture leaves it to the implementation. */
    float r_lo = t_lo < 0x1p-126 ? 0.0f : float_below(t_lo);
    float r_hi = t_hi < 0x1p-126 ? 0.0f : float_above(t_hi);
    *lo = sign * r_lo;
    *hi = sign * r_hi;
}

static float model_lane(float d, float cpu)
{
    float lo, hi;
    ab_estimate_rcp_interval(d, &lo, &hi);
    switch (thread_mode) {
    case AB_ESTIMATE_LOW:
        return lo;
    case AB_ESTIMATE_HIGH:
        return hi;
    case AB_ESTIMATE_RANDOM: {
        uint32_t blo, bhi;
        memcpy(&blo, &lo, 4);
        memcpy(&bhi, &hi, 4);
        if (bhi <= blo || isnan(lo))
            return lo;
        /* Same sign: consecutive floats are consecutive bit patterns. */
        uint32_t b = blo + (uint32_t)(next_random() % ((uint64_t)(bhi - blo) + 1));
        float r;
        memcpy(&r, &b, 4);
        return r;
    }
    case AB_ESTIMATE_CPU: {
        bool inside = isnan(d) ? isnan(cpu)
                               : (fabsf(cpu) >= fabsf(lo) && fabsf(cpu) <= fabsf(hi) &&
                                  signbit(cpu) == signbit(lo));
        if (!inside)
            thread_outside++;
        return cpu;
    }
    case AB_ESTIMATE_NEAREST:
    default:
        if (isnan(d) || fabsf(d) < 0x1p-126f || isinf(d))
            return lo;
        return fabsf(1.0f / d) < 0x1p-126f ? copysignf(0.0f, d) : 1.0f / d;
    }
}

__m256 ab_estimate_model_rcp_ps(__m256 d)
{
    float in[8], cpu[8], out[8];
    _mm256_storeu_ps(in, d);
    _mm256_storeu_ps(cpu, _mm256_rcp_ps(d));
    for (int i = 0; i < 8; i++)
        out[i] = model_lane(in[i], cpu[i]);
    thread_calls++;
    return _mm256_loadu_ps(out);
}

uint64_t ab_estimate_check_cpu(const float *d, size_t n)
{
    ab_estimate_mode saved = thread_mode;
    uint64_t before = thread_outside;
    thread_mode = AB_ESTIMATE_CPU;
    for (size_t i = 0; i < n; i += 8) {
        float lanes[8] = {1, 1, 1, 1, 1, 1, 1, 1};
        for (size_t k = 0; k < 8 && i + k < n; k++)
            lanes[k] = d[i + k];
        (void)ab_estimate_model_rcp_ps(_mm256_loadu_ps(lanes));
    }
    thread_mode = saved;
    return thread_outside - before;
}
