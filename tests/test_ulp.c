/*
 * Hand-checked cases of the ULP metric (reference/ulp.c, conventions of
 * docs/accuracy.md), and spot checks of ab_ref_float against textbook
 * formulas evaluated independently in MPFR at 1000 bits (no cancellation
 * matters at that precision for these inputs).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "actbench/reference.h"

static unsigned failures;

static bool same_bits(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    return a == b && signbit(a) == signbit(b);
}

/* f = m·2^e exactly (m a double, prec 200). */
static void set_exact(mpfr_t f, double m, long e)
{
    mpfr_set_d(f, m, MPFR_RNDN);
    mpfr_mul_2si(f, f, e, MPFR_RNDN);
}

static void expect_fmt(const char *what, double y, const mpfr_t f, int precision, int emin_unit,
                       int emax, double ulp, unsigned classes, bool cr)
{
    ab_ulp_error e = ab_ulp_error_fmt(y, f, precision, emin_unit, emax);
    if (e.ulp != ulp || e.classes != classes || e.correctly_rounded != cr) {
        mpfr_printf("FAIL %s: y=%a f=%Ra (p=%d): got ulp=%.17g classes=%#x cr=%d, "
                    "want ulp=%.17g classes=%#x cr=%d\n",
                    what, y, f, precision, e.ulp, e.classes, e.correctly_rounded, ulp, classes,
                    cr);
        failures++;
    }
}

static void expect32(const char *what, float y, const mpfr_t f, double ulp, unsigned classes,
                     bool cr)
{
    ab_ulp_error e = ab_ulp_error_of(y, f);
    if (e.ulp != ulp || e.classes != classes || e.correctly_rounded != cr) {
        mpfr_printf("FAIL %s: y=%a f=%Ra: got ulp=%.17g classes=%#x cr=%d, "
                    "want ulp=%.17g classes=%#x cr=%d\n",
                    what, y, f, e.ulp, e.classes, e.correctly_rounded, ulp, classes, cr);
        failures++;
    }
}

static void binary32_cases(void)
{
    mpfr_t f;
    mpfr_init2(f, 200);

    set_exact(f, 1.0, 0);
    expect32("next float above 1", nextafterf(1.0f, 2.0f), f, 1.0, 0, false);
    expect32("next float below 1 (U of f=1 is 2^-23)", nextafterf(1.0f, 0.0f), f, 0.5, 0, false);
    expect32("exact", 1.0f, f, 0.0, 0, true);
    set_exact(f, -1.0, 0);
    expect32("negative, 1 ulp", -0x1.000002p0f, f, 1.0, 0, false);

    /* Binade edge: U comes from the exact f, not from y. */
    set_exact(f, 0x1.fffffep-1, 0);
    expect32("f just below 1, y = 1", 1.0f, f, 1.0, 0, false);

    /* Half ULP, tie to even. */
    set_exact(f, 1.0 + 0x1p-24, 0);
    expect32("tie, y even", 1.0f, f, 0.5, 0, true);
    expect32("tie, y odd", 0x1.000002p0f, f, 0.5, 0, false);
    mpfr_set_d(f, 1.0 + 0x1p-24, MPFR_RNDN);
    mpfr_nextabove(f);
    expect32("just above a tie", 0x1.000002p0f, f, 0.5, 0, true);

    /* Subnormal results: the unit floors at 2^-149. */
    set_exact(f, 1.0 + 0x1p-10, -140);
    expect32("subnormal tie, y even", 0x1p-140f, f, 0.5, 0, true);
    set_exact(f, 1.5, -149);
    expect32("1.5 * 2^-149 to 2^-149", 0x1p-149f, f, 0.5, 0, false);
    expect32("1.5 * 2^-149 to 2^-148", 0x1p-148f, f, 0.5, 0, true);
    set_exact(f, 0x1.8p-127, 0); /* 3 * 2^-128: 2^22 * 1.5 units */
    expect32("subnormal 1 unit off", 0x1.800004p-127f, f, 1.0, 0, false);
    /* Just above the zero/2^-149 midpoint: must not double-round to 0. */
    set_exact(f, 1.0, -150);
    mpfr_nextabove(f);
    expect32("just above 2^-150", 0x1p-149f, f, 0.5, 0, true);

    /* Exact zero f: err = |y| / 2^-149; sign of zero is its own class. */
    mpfr_set_zero(f, +1);
    expect32("f=+0, y=+0", 0.0f, f, 0.0, 0, true);
    expect32("f=+0, y=min subnormal", 0x1p-149f, f, 1.0, 0, false);
    expect32("f=+0, y=-0", -0.0f, f, 0.0, AB_CLASS_SIGNED_ZERO, false);
    mpfr_set_zero(f, -1);
    expect32("f=-0, y=+0", 0.0f, f, 0.0, AB_CLASS_SIGNED_ZERO, false);
    expect32("f=-0, y=-0", -0.0f, f, 0.0, 0, true);

    /* Flush to zero: y = 0 where the correctly rounded result is not. */
    set_exact(f, 1.0, -140);
    expect32("flush of 2^-140", 0.0f, f, 512.0, AB_CLASS_FLUSH_TO_ZERO, false);
    set_exact(f, 1.0, -151);
    expect32("2^-151 rounds to 0: no flush", 0.0f, f, 0.25, 0, true);
    set_exact(f, -1.0, -151);
    expect32("-2^-151 to -0", -0.0f, f, 0.25, 0, true);
    expect32("-2^-151 to +0", 0.0f, f, 0.25, AB_CLASS_SIGNED_ZERO, false);

    /* Overflow. */
    set_exact(f, 0x1.fffffep127, 0); /* FLT_MAX */
    expect32("inf for FLT_MAX: y taken as 2^128", INFINITY, f, 1.0, AB_CLASS_INF_WHERE_FINITE,
             false);
    set_exact(f, 1.0, 128);
    expect32("inf for 2^128", INFINITY, f, 0.0, 0, true);
    expect32("FLT_MAX for 2^128", FLT_MAX, f, 0.5, 0, false);
    set_exact(f, 0x1.ffffffp127, 0); /* the FLT_MAX / 2^128 midpoint: rounds to inf */
    expect32("inf for the overflow midpoint", INFINITY, f, 0.5, 0, true);
    set_exact(f, 1.0, 129);
    expect32("inf for 2^129", INFINITY, f, 0.0, 0, true);
    expect32("-inf for +2^129", -INFINITY, f, 3.0 * 0x1p22, 0, false);
    expect32("FLT_MAX for 2^129", FLT_MAX, f, 0x1p22 + 0.25, 0, false);
    set_exact(f, -1.0, 130);
    expect32("-inf for -2^130", -INFINITY, f, 0.0, 0, true);
    mpfr_set_inf(f, +1);
    expect32("inf for inf", INFINITY, f, 0.0, 0, true);
    expect32("FLT_MAX for inf", FLT_MAX, f, 0.5, AB_CLASS_FINITE_WHERE_INF, false);

    /* NaN classes. */
    mpfr_set_nan(f);
    ab_ulp_error e = ab_ulp_error_of(NAN, f);
    if (!e.is_nan_case || e.classes != 0 || !e.correctly_rounded) {
        printf("FAIL NaN for NaN\n");
        failures++;
    }
    e = ab_ulp_error_of(1.0f, f);
    if (!e.is_nan_case || e.classes != AB_CLASS_NAN_MISSING || e.correctly_rounded) {
        printf("FAIL 1 for NaN\n");
        failures++;
    }
    set_exact(f, 1.0, 0);
    e = ab_ulp_error_of(NAN, f);
    if (!e.is_nan_case || e.classes != AB_CLASS_NAN_UNEXPECTED || e.correctly_rounded) {
        printf("FAIL NaN for 1\n");
        failures++;
    }
    mpfr_set_inf(f, -1);
    e = ab_ulp_error_of(NAN, f);
    if (!e.is_nan_case || e.classes != AB_CLASS_NAN_UNEXPECTED) {
        printf("FAIL NaN for -inf\n");
        failures++;
    }
    mpfr_clear(f);
}

static void small_format_cases(void)
{
    mpfr_t f;
    mpfr_init2(f, 200);
    /* bf16: 8 bits, smallest subnormal 2^-133, overflow at 2^128. */
    set_exact(f, 1.0, 0);
    expect_fmt("bf16 1 ulp", 1.0 + 0x1p-7, f, 8, -133, 128, 1.0, 0, false);
    set_exact(f, 1.0 + 0x1p-8, 0);
    expect_fmt("bf16 tie to even", 1.0, f, 8, -133, 128, 0.5, 0, true);
    set_exact(f, 1.5, -133);
    expect_fmt("bf16 subnormal tie, y odd", 0x1p-133, f, 8, -133, 128, 0.5, 0, false);
    expect_fmt("bf16 subnormal tie, y even", 0x1p-132, f, 8, -133, 128, 0.5, 0, true);
    set_exact(f, 1.0, -140);
    expect_fmt("bf16 2^-140 rounds to 0", 0.0, f, 8, -133, 128, 0x1p-7, 0, true); /* 2^-140 rounds to 0 */
    set_exact(f, 1.0, -130);
    expect_fmt("bf16 flush of 2^-130", 0.0, f, 8, -133, 128, 8.0, AB_CLASS_FLUSH_TO_ZERO, false);
    set_exact(f, 0x1.fep127, 0); /* bf16 max */
    expect_fmt("bf16 inf for max", INFINITY, f, 8, -133, 128, 1.0, AB_CLASS_INF_WHERE_FINITE,
               false);

    /* fp16: 11 bits, smallest subnormal 2^-24, overflow at 2^16. */
    set_exact(f, 1.0, 0);
    expect_fmt("fp16 1 ulp", 1.0 + 0x1p-10, f, 11, -24, 16, 1.0, 0, false);
    set_exact(f, 65504.0, 0);
    expect_fmt("fp16 inf for 65504", INFINITY, f, 11, -24, 16, 1.0, AB_CLASS_INF_WHERE_FINITE,
               false);
    set_exact(f, 65520.0, 0);
    expect_fmt("fp16 overflow midpoint rounds to inf", INFINITY, f, 11, -24, 16, 0.5, 0, true);
    expect_fmt("fp16 65504 for 65520", 65504.0, f, 11, -24, 16, 0.5, 0, false);
    set_exact(f, 2.5, -24);
    expect_fmt("fp16 subnormal tie to even", 0x1p-23, f, 11, -24, 16, 0.5, 0, true);
    expect_fmt("fp16 subnormal 1.5 unit", 0x1p-22, f, 11, -24, 16, 1.5, 0, false);
    set_exact(f, 1.0, -20);
    expect_fmt("fp16 flush", 0.0, f, 11, -24, 16, 16.0, AB_CLASS_FLUSH_TO_ZERO, false);
    mpfr_clear(f);
}

/* ---- ab_ref_float against independent textbook formulas --------------- */

#define HP 1000

/* Textbook forms, evaluated at HP bits (cancellation-prone forms are fine
 * there for moderate x). Returns false when not covered. */
static bool textbook(ab_activation_id id, ab_direction dir, double x, mpfr_t r)
{
    mpfr_t a, b, c, t;
    mpfr_inits2(HP, a, b, c, t, (mpfr_ptr)0);
    mpfr_set_d(a, x, MPFR_RNDN);
    bool ok = true;
    switch (id) {
    case AB_ACT_sigmoid:
        mpfr_neg(b, a, MPFR_RNDN);
        mpfr_exp(b, b, MPFR_RNDN);
        mpfr_add_ui(b, b, 1, MPFR_RNDN);
        mpfr_ui_div(b, 1, b, MPFR_RNDN); /* σ */
        if (dir == AB_FORWARD)
            mpfr_set(r, b, MPFR_RNDN);
        else {
            mpfr_ui_sub(c, 1, b, MPFR_RNDN);
            mpfr_mul(r, b, c, MPFR_RNDN);
        }
        break;
    case AB_ACT_tanh:
        mpfr_mul_2ui(b, a, 1, MPFR_RNDN);
        mpfr_exp(b, b, MPFR_RNDN);
        mpfr_sub_ui(c, b, 1, MPFR_RNDN);
        mpfr_add_ui(b, b, 1, MPFR_RNDN);
        mpfr_div(b, c, b, MPFR_RNDN); /* (e^2x - 1)/(e^2x + 1) */
        if (dir == AB_FORWARD)
            mpfr_set(r, b, MPFR_RNDN);
        else {
            mpfr_sqr(b, b, MPFR_RNDN);
            mpfr_ui_sub(r, 1, b, MPFR_RNDN);
        }
        break;
    case AB_ACT_gelu:
        mpfr_sqrt_ui(b, 2, MPFR_RNDN);
        mpfr_div(b, a, b, MPFR_RNDN);
        mpfr_erf(b, b, MPFR_RNDN);
        mpfr_add_ui(b, b, 1, MPFR_RNDN);
        mpfr_div_2ui(b, b, 1, MPFR_RNDN); /* Φ = (1 + erf(x/√2))/2 */
        if (dir == AB_FORWARD)
            mpfr_mul(r, a, b, MPFR_RNDN);
        else {
            mpfr_sqr(c, a, MPFR_RNDN);
            mpfr_div_2ui(c, c, 1, MPFR_RNDN);
            mpfr_neg(c, c, MPFR_RNDN);
            mpfr_exp(c, c, MPFR_RNDN);
            mpfr_const_pi(t, MPFR_RNDN);
            mpfr_mul_2ui(t, t, 1, MPFR_RNDN);
            mpfr_rec_sqrt(t, t, MPFR_RNDN);
            mpfr_mul(c, c, t, MPFR_RNDN);
            mpfr_mul(c, c, a, MPFR_RNDN);
            mpfr_add(r, b, c, MPFR_RNDN);
        }
        break;
    case AB_ACT_gelu_tanh:
        /* u = sqrt(2/pi)(x + 0.044715 x^3); (x/2)(1 + tanh u) */
        mpfr_set_str(c, "0.044715", 10, MPFR_RNDN);
        mpfr_pow_ui(b, a, 3, MPFR_RNDN);
        mpfr_mul(b, b, c, MPFR_RNDN);
        mpfr_add(b, b, a, MPFR_RNDN);
        mpfr_const_pi(t, MPFR_RNDN);
        mpfr_ui_div(t, 2, t, MPFR_RNDN);
        mpfr_sqrt(t, t, MPFR_RNDN);
        mpfr_mul(b, b, t, MPFR_RNDN);
        mpfr_tanh(b, b, MPFR_RNDN); /* tanh u */
        if (dir == AB_FORWARD) {
            mpfr_add_ui(r, b, 1, MPFR_RNDN);
            mpfr_mul(r, r, a, MPFR_RNDN);
            mpfr_div_2ui(r, r, 1, MPFR_RNDN);
        } else {
            mpfr_sqr(r, a, MPFR_RNDN);
            mpfr_mul(r, r, c, MPFR_RNDN);
            mpfr_mul_ui(r, r, 3, MPFR_RNDN);
            mpfr_add_ui(r, r, 1, MPFR_RNDN);
            mpfr_mul(r, r, t, MPFR_RNDN); /* u' */
            mpfr_sqr(c, b, MPFR_RNDN);
            mpfr_ui_sub(c, 1, c, MPFR_RNDN);
            mpfr_mul(r, r, c, MPFR_RNDN);
            mpfr_mul(r, r, a, MPFR_RNDN);
            mpfr_div_2ui(r, r, 1, MPFR_RNDN);
            mpfr_add_ui(b, b, 1, MPFR_RNDN);
            mpfr_div_2ui(b, b, 1, MPFR_RNDN);
            mpfr_add(r, r, b, MPFR_RNDN);
        }
        break;
    case AB_ACT_silu:
    case AB_ACT_mish:
    case AB_ACT_softplus:
        mpfr_exp(b, a, MPFR_RNDN);
        mpfr_add_ui(c, b, 1, MPFR_RNDN);
        mpfr_div(b, b, c, MPFR_RNDN); /* σ(x) = e^x/(1+e^x) */
        mpfr_log(c, c, MPFR_RNDN);    /* softplus = log(1+e^x) */
        if (id == AB_ACT_softplus) {
            mpfr_set(r, dir == AB_FORWARD ? c : b, MPFR_RNDN);
        } else if (id == AB_ACT_silu) {
            if (dir == AB_FORWARD)
                mpfr_mul(r, a, b, MPFR_RNDN);
            else { /* σ(1 + x(1-σ)) */
                mpfr_ui_sub(t, 1, b, MPFR_RNDN);
                mpfr_mul(t, t, a, MPFR_RNDN);
                mpfr_add_ui(t, t, 1, MPFR_RNDN);
                mpfr_mul(r, t, b, MPFR_RNDN);
            }
        } else {
            mpfr_tanh(c, c, MPFR_RNDN);
            if (dir == AB_FORWARD)
                mpfr_mul(r, a, c, MPFR_RNDN);
            else { /* tanh(sp) + x σ (1 - tanh²(sp)) */
                mpfr_sqr(t, c, MPFR_RNDN);
                mpfr_ui_sub(t, 1, t, MPFR_RNDN);
                mpfr_mul(t, t, b, MPFR_RNDN);
                mpfr_mul(t, t, a, MPFR_RNDN);
                mpfr_add(r, c, t, MPFR_RNDN);
            }
        }
        break;
    case AB_ACT_elu:
        mpfr_exp(b, a, MPFR_RNDN);
        if (dir == AB_FORWARD)
            mpfr_sub_ui(r, b, 1, MPFR_RNDN);
        else
            mpfr_set(r, b, MPFR_RNDN);
        if (x > 0)
            mpfr_set_ui(r, dir == AB_FORWARD ? 0 : 1, MPFR_RNDN), ok = x <= 0;
        break;
    case AB_ACT_softsign:
        mpfr_abs(b, a, MPFR_RNDN);
        mpfr_add_ui(b, b, 1, MPFR_RNDN);
        if (dir == AB_FORWARD)
            mpfr_div(r, a, b, MPFR_RNDN);
        else {
            mpfr_sqr(b, b, MPFR_RNDN);
            mpfr_ui_div(r, 1, b, MPFR_RNDN);
        }
        break;
    default:
        ok = false;
    }
    mpfr_clears(a, b, c, t, (mpfr_ptr)0);
    return ok;
}

static void reference_spot_checks(void)
{
    static const double xs[] = {-7.25, -3.5, -1.0, -0.3125, 0.75, 1.0, 2.5, 6.0, 0x1.234p-9};
    static const ab_activation_id ids[] = {AB_ACT_sigmoid, AB_ACT_tanh,  AB_ACT_gelu,
                                           AB_ACT_gelu_tanh, AB_ACT_silu, AB_ACT_mish,
                                           AB_ACT_softplus, AB_ACT_elu,   AB_ACT_softsign};
    mpfr_t r;
    mpfr_init2(r, HP);
    unsigned checked = 0;
    for (size_t a = 0; a < sizeof ids / sizeof ids[0]; a++) {
        const ab_activation *act = ab_activation_at(ids[a]);
        for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++)
            for (int dir = 0; dir < 2; dir++) {
                if (!textbook(ids[a], dir, xs[i], r))
                    continue;
                float want = ab_ref_round_to_float(r);
                float got = ab_ref_float(act, dir, NULL, (float)xs[i], 0);
                checked++;
                if (!same_bits(got, want)) {
                    printf("FAIL %s %s(%a): reference %a, textbook at %d bits %a\n", act->name,
                           ab_direction_name(dir), xs[i], got, HP, want);
                    failures++;
                }
            }
    }
    mpfr_clear(r);

    /* Known closed forms and constants (tanh(1) cross-checked above against
     * (e^2-1)/(e^2+1) at 1000 bits). */
    struct {
        ab_activation_id id;
        ab_direction dir;
        float x, want;
    } known[] = {
        {AB_ACT_sigmoid, AB_FORWARD, 0.0f, 0.5f},
        {AB_ACT_sigmoid, AB_DERIVATIVE, 0.0f, 0.25f},
        /* tanh(1) = 0x1.85efab514f394p-1 (double): rounds up to ...ac */
        {AB_ACT_tanh, AB_FORWARD, 1.0f, 0x1.85efacp-1f},
        {AB_ACT_hardsigmoid, AB_FORWARD, 1.0f, 0x1.555556p-1f},     /* 4/6 */
        {AB_ACT_hardswish, AB_FORWARD, 1.0f, 0x1.555556p-1f},       /* 1·4/6 */
        {AB_ACT_hardswish, AB_DERIVATIVE, -3.0f, -0.5f},
        {AB_ACT_hardswish, AB_DERIVATIVE, 3.0f, 1.5f},
        {AB_ACT_hardswish, AB_FORWARD, -4.0f, -0.0f},
        {AB_ACT_hardsigmoid, AB_DERIVATIVE, 3.0f, 0.0f},
        {AB_ACT_relu, AB_FORWARD, -0.0f, 0.0f},
        {AB_ACT_relu, AB_DERIVATIVE, 0.0f, 0.0f},
        {AB_ACT_leaky_relu, AB_FORWARD, -2.0f, -0.02f},             /* 0.01 · -2 */
        /* x/100 on a tie of the subnormal grid: ties to even, although the
         * double 0.01 (above 1/100) would tip each of them away from zero */
        {AB_ACT_leaky_relu, AB_FORWARD, -0x1.9p-144f, -0.0f},       /* -50·2^-149: -2^-150 */
        {AB_ACT_leaky_relu, AB_FORWARD, -0x1.2cp-142f, -0x1p-148f}, /* -1.5·2^-149 */
        {AB_ACT_leaky_relu, AB_FORWARD, -0x1.5ep-141f, -0x1p-147f}, /* -3.5·2^-149 */
        {AB_ACT_binary_step, AB_FORWARD, -0.0f, 1.0f},
        {AB_ACT_gelu, AB_FORWARD, -0x1p-149f, -0.0f},               /* -2^-150(1 - tiny): just inside the tie */
        {AB_ACT_gelu, AB_FORWARD, 0x1p-149f, 0x1p-149f},            /* 2^-150(1 + tiny): just past it */
        {AB_ACT_gelu, AB_FORWARD, -30.0f, -0.0f},
        {AB_ACT_silu, AB_FORWARD, -200.0f, -0.0f},
        {AB_ACT_gelu, AB_DERIVATIVE, -1e30f, -0.0f},
        {AB_ACT_softplus, AB_FORWARD, 1e30f, 1e30f},
        {AB_ACT_sigmoid, AB_FORWARD, -200.0f, 0.0f},
        {AB_ACT_sigmoid, AB_FORWARD, -100.0f, 0x1.bp-145f},         /* e^-100 = 26.55 * 2^-149 */
    };
    for (size_t k = 0; k < sizeof known / sizeof known[0]; k++) {
        const ab_activation *act = ab_activation_at(known[k].id);
        float got = ab_ref_float(act, known[k].dir, NULL, known[k].x, 0);
        checked++;
        if (!same_bits(got, known[k].want)) {
            printf("FAIL %s %s(%a) = %a, want %a\n", act->name,
                   ab_direction_name(known[k].dir), known[k].x, got, known[k].want);
            failures++;
        }
    }
    printf("%u reference values checked\n", checked);
}

int main(void)
{
    binary32_cases();
    small_format_cases();
    reference_spot_checks();
    printf("%u failures\n", failures);
    return failures ? 1 : 0;
}
