/*
 * The decisions of the fast reference's bound (decide.h). f is known as
 * v + tau with tau in [tlo, thi]; every test is either exact (TwoSum,
 * Sterbenz) or carries an explicit slack, and anything it cannot prove is
 * left undecided, so that the figures equal those of a pure-MPFR sweep.
 */
#include <math.h>

#include "sweep/bits.h"
#include "sweep/decide.h"
#include "sweep/directed.h"
#include "sweep/quantize.h"
#include "accuracy_stats.h"

#define TWO128 0x1p128

/* The float nearest to the exact sum a + r (round to nearest even): the
 * double sum s is off by the exact residual e; only when s is itself a
 * midpoint between two floats does e decide the side. */
static float round_sum_to_float(double a, double r)
{
    if (r == 0.0)
        return (float)a; /* keeps the sign of an exact zero (-0 + 0 is +0) */
    double s = a + r;
    double bb = s - a;
    double e = (a - (s - bb)) + (r - bb);
    float fl = (float)s;
    if (e == 0.0 || (double)fl == s || isinf(fl))
        return fl;
    /* Only a double that is itself a midpoint between two floats needs e:
     * in the normal range its 29 bits below float precision are 1000...0;
     * below 2^-126 it is an odd multiple of 2^-150 (the scaling is exact). */
    if (fabs(s) >= 0x1p-126) {
        if ((dbits(s) & 0x1FFFFFFFull) != 0x10000000ull)
            return fl;
    } else {
        double t = fabs(s) * 0x1p149;
        if (t - floor(t) != 0.5)
            return fl;
    }
    float other = nextafterf(fl, s > (double)fl ? INFINITY : -INFINITY);
    if ((double)fl + (double)other != 2.0 * s)
        return fl;
    return (e > 0) == ((double)other > (double)fl) ? other : fl;
}

/* floor(log2|a + r|) for the exact sum when a + r rounds to a normal
 * double; below that, some exponent < -1022. */
static int sum_exponent(double a, double r)
{
    double s = a + r;
    double bb = s - a;
    double e = (a - (s - bb)) + (r - bb);
    uint64_t b = dbits(fabs(s));
    int ex = (int)((b >> 52) & 0x7FF) - 1023;
    if ((b & 0xFFFFFFFFFFFFFull) == 0 && e != 0.0 && (e < 0) != (s < 0))
        ex--; /* just below a power of 2 */
    return ex;
}

/* The reference fields of p, from the fast value fv alone. */
static void prepare_unit(prepared *p);

/* The common case of the fields round_sum_to_float and prepare_unit set,
 * from the rounded ends lo = v + tlo and hi = v + thi alone: both of one
 * sign, in [2^-126, 2^127), neither a float midpoint nor a power of 2.
 * Then each exact end rounds to the float its rounded sum rounds to (a
 * double rounding errs only where the double is a midpoint), has the
 * binade of its rounded sum (RN is monotone: only a power of 2 can be
 * reached from below), and f is within the float range. The fields are
 * those the general path gives; false (nothing set) for any other case. */
static bool prepare_common_ends(prepared *p, double lo, double hi)
{
    const uint64_t magnitude = 0x7FFFFFFFFFFFFFFFull, mantissa = 0xFFFFFFFFFFFFFull;
    const uint64_t below_float = 0x1FFFFFFFull, midpoint = 0x10000000ull;
    const uint64_t min_bits = (uint64_t)(1023 - 126) << 52, end_bits = (uint64_t)(1023 + 127) << 52;
    uint64_t blo = dbits(lo), bhi = dbits(hi);
    uint64_t alo = blo & magnitude, ahi = bhi & magnitude;
    if (((blo ^ bhi) >> 63) != 0 || alo < min_bits || ahi < min_bits || alo >= end_bits ||
        ahi >= end_bits)
        return false;
    if ((blo & mantissa) == 0 || (bhi & mantissa) == 0 || (blo & below_float) == midpoint ||
        (bhi & below_float) == midpoint)
        return false;
    p->flo = (float)lo;
    p->fhi = (float)hi;
    p->cr_bits = fbits(p->flo);
    p->cr_ok = p->cr_bits == fbits(p->fhi);
    p->unit_ok = (alo >> 52) == (ahi >> 52);
    if (p->unit_ok) { /* 2^(23 - e) for the binade [2^e, 2^(e+1)) of both ends */
        uint64_t e_bits = (uint64_t)(2 * 1023 + 23 - (int)(alo >> 52)) << 52;
        memcpy(&p->inv_unit, &e_bits, sizeof p->inv_unit);
    }
    p->f_beyond = 0;
    return true;
}

void ab_exh_prepare_fast(prepared *p, const ab_fastref_value *fvp)
{
    ab_fastref_value fv = *fvp;
    p->const_id = (uint16_t)fv.const_id;
    if (!(fv.err < INFINITY) || !isfinite(fv.value) || !isfinite(fv.tail)) {
        p->kind = KIND_MPFR;
        return;
    }
    double v = fv.value, t = fv.tail, tlo = t, thi = t, d = 0.0;
    if (fv.err > 0) {
        /* Outward slack: covers the rounding of the ends t -+ d themselves
         * (v + t is never rounded: the ends are kept as pairs). */
        d = fv.err * (1 + 0x1p-50) + fabs(t) * 0x1p-51 + 0x1p-1070;
        tlo = t - d;
        thi = t + d;
        /* f != v strictly: 0x1p-1074 stands for "just beyond v" (no double
         * and no float rounding boundary lies strictly between). */
        if (fv.tail_sign < 0 && thi >= 0)
            thi = -0x1p-1074;
        if (fv.tail_sign > 0 && tlo <= 0)
            tlo = 0x1p-1074;
        if (tlo > thi) { /* contradicts its own bound: let MPFR decide */
            p->kind = KIND_MPFR;
            return;
        }
        if (fv.sign > 0 && v + tlo <= 0)
            tlo = 0x1p-1074 - v;
        if (fv.sign < 0 && v + thi >= 0)
            thi = -0x1p-1074 - v;
    }
    p->kind = KIND_FAST;
    p->v = v;
    p->tail = t;
    p->d = d;
    p->tlo = tlo;
    p->thi = thi;
    if (prepare_common_ends(p, v + tlo, v + thi))
        return;
    p->flo = round_sum_to_float(v, tlo);
    p->fhi = round_sum_to_float(v, thi);
    /* f of known sign rounds to a zero of that sign: an end clamped to
     * "just beyond 0" can still sum to an exact 0, which rounds to +0
     * (silu(-700) = -1.3e-302 within 2^-900: -0 and +0 would leave the
     * correct rounding unknown) */
    if (fv.sign < 0 && p->fhi == 0.0f)
        p->fhi = -0.0f;
    if (fv.sign > 0 && p->flo == 0.0f)
        p->flo = 0.0f;
    p->cr_ok = fbits(p->flo) == fbits(p->fhi);
    p->cr_bits = fbits(p->flo);
    prepare_unit(p);
}

/* The ULP unit of f (unit_ok when the interval lies in one binade) and
 * whether f is beyond the float range (f_beyond). */
static void prepare_unit(prepared *p)
{
    double v = p->v, tlo = p->tlo, thi = p->thi;
    double lo = v + tlo, hi = v + thi; /* rounded: for the coarse tests below */
    double ahi = fabs(lo) > fabs(hi) ? fabs(lo) : fabs(hi);
    bool same_sign = (lo < 0) == (hi < 0) && lo != 0 && hi != 0; /* so is f (exact ends) */
    p->unit_ok = 0;
    /* Below 2^-126 the unit is the subnormal 2^-149, the unit of exponent
     * -126: exponents are clamped there. A rounded end alone cannot tell:
     * an exact end just below 2^-126 (tanh(2^-126) = 2^-126 - 2^-378/3)
     * rounds to 2^-126 (RN is monotone, so ahi < 2^-126 does tell). */
    if (ahi < 0x1p-126) {
        p->unit_ok = 1;
        p->inv_unit = 0x1p149;
    } else if (same_sign) {
        int elo = sum_exponent(v, tlo), ehi = sum_exponent(v, thi);
        elo = elo < -126 ? -126 : elo;
        ehi = ehi < -126 ? -126 : ehi;
        if (elo == ehi) {
            p->unit_ok = 1;
            uint64_t e_bits = (uint64_t)(1023 + 23 - elo) << 52; /* 2^(23-elo), normal */
            memcpy(&p->inv_unit, &e_bits, sizeof p->inv_unit);
        }
    }
    if (lo >= 0x1.0000000000001p128)
        p->f_beyond = 1;
    else if (hi <= -0x1.0000000000001p128)
        p->f_beyond = -1;
    else if (hi < 0x1.fffffffffffffp127 && lo > -0x1.fffffffffffffp127)
        p->f_beyond = 0;
    else
        p->f_beyond = 2;
}

/* The error E = (a + r +- d) * inv_unit (a >= 0 and the scaling exact)
 * straddles the grid point G = q_lo when its interval gives two cells:
 * decide the side exactly from the sign of (a - G/inv_unit) + r +- d, whose
 * first difference is exact (Sterbenz) when G/inv_unit is within a factor 2
 * of a. E <= G gives Q = G; E > G gives the next cell (q_hi when that is the
 * only other cell). The figure is Q of the exact error; MPFR's 128-bit value
 * could differ from it only within ~2^-100 ULP of a grid point. */
static void decide_cell(double a, double r, double d, double inv_unit, double *q_lo,
                        double *q_hi)
{
    double g = *q_lo, next = ab_exh_next_grid_point(g);
    if (next != *q_hi)
        return; /* more than one boundary inside: leave undecided */
    double ga = g / inv_unit;
    if (!(ga * 0.5 <= a && a <= 2 * ga) || ga == 0 || !isfinite(ga))
        return;
    double t0 = a - ga; /* exact */
    double s = t0 + r;
    double err = fabs(s) * 0x1p-52 + d * (1 + 0x1p-50) + 0x1p-1074;
    if (s + err <= 0)
        *q_hi = g;
    else if (s - err > 0)
        *q_lo = next;
}

/* The sign of a - b - c - d, exactly, or 0 when undecided (or zero). */
static int sign_of_sum4(double a, double b, double c, double d)
{
    double s1 = a - b, b1 = s1 - a;
    double e1 = (a - (s1 - b1)) + (-b - b1);
    double s2 = s1 - c, b2 = s2 - s1;
    double e2 = (s1 - (s2 - b2)) + (-c - b2);
    double s3 = s2 - d, b3 = s3 - s2;
    double e3 = (s2 - (s3 - b3)) + (-d - b3);
    double w = (e1 + e2) + e3, r = s3 + w;
    if (fabs(r) <= (fabs(s3) + fabs(e1) + fabs(e2) + fabs(e3)) * 0x1p-50)
        return 0;
    return r > 0 ? 1 : -1;
}

/* The sign of y - (v + t), exactly, or 0 when undecided. */
static int sign_of_excess(double y, double v, double t)
{
    return sign_of_sum4(y, v, t, 0.0);
}

/* The error |y - f| * inv_unit, f = v + tau with tau in [tlo, thi], has
 * its quantized cells q_lo < q_hi with one grid point G = q_lo between:
 * decide Q from the ends of the interval (asymmetric, unlike decide_cell:
 * a tail of known sign gives a one-sided interval). Strict comparisons
 * only: an end that stands for "just beyond v" (0x1p-1074) is not a bound. */
bool ab_exh_decide_by_ends(double y, double v, double tlo, double thi, double inv_unit, int side,
                           double *q_lo, double *q_hi)
{
    double g = *q_lo, next = ab_exh_next_grid_point(g);
    if (next != *q_hi)
        return false;
    double gu = g / inv_unit;
    if (gu == 0 || !isfinite(gu))
        return false;
    /* With only y > f (or y < f) known, the far end of f's interval still
     * bounds the error from above and the near one bounds it from below. */
    bool above = side > 0 || (side == 0 && sign_of_excess(y, v, thi) > 0);
    bool below = side < 0 || (side == 0 && sign_of_excess(y, v, tlo) < 0);
    int s_max, s_min; /* signs of err_max - G U and err_min - G U */
    if (above) { /* err = y - v - tau */
        s_max = sign_of_sum4(y, v, tlo, gu);
        s_min = sign_of_sum4(y, v, thi, gu);
    } else if (below) { /* err = v + tau - y = -(y - v - tau) */
        s_max = -sign_of_sum4(y, v, thi, -gu);
        s_min = -sign_of_sum4(y, v, tlo, -gu);
    } else {
        return false;
    }
    if (s_max < 0) {
        *q_hi = g;
        return true;
    }
    if (s_min > 0) {
        *q_lo = next;
        return true;
    }
    return false;
}

/* |y - (v + t)| as as + r exactly (two TwoSums), with e12 = |e1| + |e2|
 * (zero when the difference was exact); y = +-inf stands for +-2^128. */
typedef struct error_parts {
    double yv, as, r, e12;
    int sign; /* of the rounded difference y - v - t */
} error_parts;

static inline void split_error(const prepared *p, float yf, error_parts *ep)
{
    double yv = isinf(yf) ? copysign(TWO128, yf) : (double)yf;
    double s = yv - p->v;
    double bb = s - yv;
    double e1 = (yv - (s - bb)) + (-p->v - bb);
    double s2 = s - p->tail;
    double b2 = s2 - s;
    double e2 = (s - (s2 - b2)) + (-p->tail - b2);
    ep->yv = yv;
    ep->as = fabs(s2);
    ep->r = (s2 >= 0 ? 1.0 : -1.0) * (e1 + e2);
    ep->e12 = fabs(e1) + fabs(e2);
    ep->sign = s2 > 0 ? 1 : s2 < 0 ? -1 : 0;
}

/* The cell of |y - f| / U(f) from the ends of f's interval by directed
 * sums, intersected with [*q_lo, *q_hi]. The symmetric slack of
 * error_interval puts its upper end above a grid point G that the error
 * only approaches from below: a constant y against f = v + t with a tail t
 * of known sign (an approximation's 2^-128 against sigmoid's e^x at
 * x = -131072, v = 0, t in (0, 2^-900]) has |y - f| < y exactly, and y U^-1
 * is G. Such ties with the maximum were each narrowed by sign tests. Only
 * plain (not strict) bounds are used: an error just above G is left to the
 * narrowing, whose sign tests defer to MPFR within 2^-50 of G, as before. */
static void directed_cell(const prepared *p, double yv, double *q_lo, double *q_hi)
{
    diff_bounds a = abs_diff_bounds(yv, p->v, p->tlo, p->thi);
    if (a.side == 0)
        return;
    bool unused = false;
    double lo = ab_exh_quantize(mul_down(a.lo, p->inv_unit, &unused));
    double hi = ab_exh_quantize(mul_up(a.hi, p->inv_unit));
    if (lo > *q_lo)
        *q_lo = lo;
    if (hi < *q_hi)
        *q_hi = hi;
}

/* Narrows the quantized error's cell [q_lo, q_hi] to one grid point when
 * the fast bound decides on which side of the grid point between them the
 * exact error lies (true when it did). */
static bool narrow_cell(const prepared *p, float yf, int side, double as, double r,
                        double *q_lo, double *q_hi)
{
    if (!(*q_lo > 0))
        return false;
    /* The symmetric test first (one exact difference); the ends of f's
     * interval (two exact four-term sums) decide where the bound d exceeds
     * the distance to the grid point but the tail's sign is known. */
    decide_cell(as, r, p->d, p->inv_unit, q_lo, q_hi);
    if (*q_lo == *q_hi)
        return true;
    double yv = isinf(yf) ? copysign(TWO128, yf) : (double)yf;
    return ab_exh_decide_by_ends(yv, p->v, p->tlo, p->thi, p->inv_unit, side, q_lo, q_hi);
}

/* The CR verdict and the error classes of yf, false when the bound does
 * not settle them (round(f) unknown and yf inside f's rounding interval,
 * or a zero or an infinity whose class depends on round(f)). */
static bool cr_and_classes(const prepared *p, float yf, bool *is_cr, unsigned *classes)
{
    bool y_special = yf == 0.0f || isinf(yf);
    *classes = 0;
    if (p->cr_ok) {
        float cr = ffrom(p->cr_bits);
        *is_cr = fbits(yf) == p->cr_bits;
        if (yf == 0.0f && cr != 0.0f)
            *classes |= AB_CLASS_FLUSH_TO_ZERO;
        if (yf == 0.0f && cr == 0.0f && signbit(yf) != signbit(cr))
            *classes |= AB_CLASS_SIGNED_ZERO;
        if (isinf(yf) && !isinf(cr))
            *classes |= AB_CLASS_INF_WHERE_FINITE;
        return true;
    }
    if (!y_special && (yf < p->flo || yf > p->fhi)) {
        *is_cr = false;
        return true;
    }
    return false;
}

/* The exact error |y - f| / U(f) lies in [lo_u, hi_u]; exact: lo_u == hi_u
 * is it. */
typedef struct error_bounds {
    double lo_u, hi_u;
    bool exact;
    error_parts ep;
} error_bounds;

/* false when yf is infinite and the bound cannot tell whether f overflows. */
static inline bool error_interval(const prepared *p, float yf, error_bounds *eb)
{
    eb->ep = (error_parts){0, 0, 0, 0, 0};
    eb->exact = false;
    if (isinf(yf) && p->f_beyond == 2)
        return false;
    if (isinf(yf) && p->f_beyond == (yf > 0 ? 1 : -1)) {
        eb->lo_u = eb->hi_u = 0.0;
        eb->exact = true;
        return true;
    }
    const error_parts *ep = &eb->ep;
    split_error(p, yf, &eb->ep);
    if (p->d == 0.0 && ep->e12 == 0.0) {
        eb->lo_u = eb->hi_u = ep->as * p->inv_unit;
        eb->exact = true;
    } else {
        double slack = (ep->e12 + p->d) * (1 + 0x1p-50) + ep->as * 0x1p-50;
        eb->lo_u = (ep->as - slack) * p->inv_unit;
        eb->hi_u = (ep->as + slack) * p->inv_unit;
    }
    return true;
}

/* The quantized cell [q_lo, q_hi] of the error, and the sign of y - f where
 * the bound proves it (else 0). */
static void quantized_cell(const prepared *p, const error_bounds *eb, double *q_lo,
                           double *q_hi, int *side)
{
    *side = 0;
    if (eb->exact) {
        *q_lo = *q_hi = ab_exh_quantize(eb->lo_u);
        return;
    }
    /* lo > 0 proves y != f (so Q >= 2^-30), and so does y outside
     * [v + tlo, v + thi] (a tail of known sign: y == v is never f);
     * otherwise y == f (Q = 0) is left to MPFR if it matters. */
    double yv = eb->ep.yv;
    *q_lo = eb->lo_u > 0 ? ab_exh_quantize(eb->lo_u) : 0.0;
    *q_hi = ab_exh_quantize(eb->hi_u);
    if (eb->lo_u > 0) /* |y - (v + t)| exceeds everything else: its sign is y - f's */
        *side = eb->ep.sign;
    else if (yv == p->v) /* y - f = -tau: the sign tests below, without the sums */
        *side = p->thi < 0 ? 1 : p->tlo > 0 ? -1 : 0;
    else if (sign_of_excess(yv, p->v, p->thi) > 0)
        *side = 1;
    else if (sign_of_excess(yv, p->v, p->tlo) < 0)
        *side = -1;
    if (*q_lo == 0.0 && *side != 0)
        *q_lo = AB_EXH_ULP_FLOOR;
}

bool ab_exh_fast_case(const prepared *p, float yf, fast_verdict *out)
{
    bool is_cr;
    unsigned classes;
    if (!cr_and_classes(p, yf, &is_cr, &classes) || !p->unit_ok)
        return false;
    error_bounds eb;
    if (!error_interval(p, yf, &eb))
        return false;
    double q_lo, q_hi;
    int side;
    quantized_cell(p, &eb, &q_lo, &q_hi, &side);
    /* f's tail far below y - v: the symmetric slack, relative to y - v,
     * is then all that keeps the cell open (directed_cell) */
    if (q_lo != q_hi && isfinite(yf) &&
        fabs(p->tlo) + fabs(p->thi) < fabs(eb.ep.yv - p->v) * 0x1p-60)
        directed_cell(p, eb.ep.yv, &q_lo, &q_hi);
    /* An undecided cell [q_lo, q_hi] is decided here only where the
     * histogram bin depends on it; elsewhere it stays an interval and the
     * max tracker settles it (in MPFR) only if it can be the maximum. */
    int bin;
    if (is_cr) {
        bin = 0; /* CR implies err <= 0.5, a grid point */
        if (q_hi > 0.5)
            q_hi = 0.5;
        if (q_lo > q_hi)
            q_lo = q_hi;
    } else {
        bin = ab_exh_hist_bin(q_lo);
        if (bin != ab_exh_hist_bin(q_hi)) {
            narrow_cell(p, yf, side, eb.ep.as, eb.ep.r, &q_lo, &q_hi);
            bin = ab_exh_hist_bin(q_lo);
            if (bin != ab_exh_hist_bin(q_hi))
                return false;
        }
    }
    *out = (fast_verdict){.raw = 0.5 * (eb.lo_u + eb.hi_u),
                          .q_lo = q_lo,
                          .q_hi = q_hi,
                          .as = eb.ep.as,
                          .r = eb.ep.r,
                          .classes = classes,
                          .bin = bin,
                          .is_cr = is_cr,
                          .narrowed = eb.exact || q_lo == q_hi,
                          .side = (int8_t)side};
    return true;
}

/* A verdict whose cell is still undecided goes to the max tracker only if
 * its upper cell can be the maximum; there it is narrowed first, because a
 * run of inputs with one error value just below a grid point (an
 * approximation's constant output against a near-constant f) would
 * otherwise each be re-evaluated in MPFR. */
void ab_exh_narrow_for_max(const prepared *p, float yf, fast_verdict *v)
{
    if (v->narrowed)
        return;
    v->narrowed = true; /* a verdict exists only where unit_ok */
    narrow_cell(p, yf, v->side, v->as, v->r, &v->q_lo, &v->q_hi);
}

/* ab_exh_fast_case for y = the correct rounding (cr_ok): is_cr holds, no
 * error class applies (y is round(f) itself), and the bin is 0. The sign
 * tests of quantized_cell (an error interval reaching 0) and an infinite
 * round(f) take the general path. */
bool ab_exh_cr_verdict(const prepared *p, fast_verdict *out)
{
    float yf = ffrom(p->cr_bits);
    if (!p->unit_ok)
        return false;
    error_bounds eb;
    if (isinf(yf) || !error_interval(p, yf, &eb) || !(eb.exact || eb.lo_u > 0))
        return ab_exh_fast_case(p, yf, out);
    /* the fields one by one, before the calls: nothing is kept across them.
     * r and side are left 0 (decide.h): computed, their signs would cost
     * two unpredictable branches per input. */
    out->raw = 0.5 * (eb.lo_u + eb.hi_u);
    out->as = eb.ep.as;
    out->r = 0.0;
    out->classes = 0;
    out->bin = 0;
    out->is_cr = true;
    out->side = 0;
    double hi_u = eb.hi_u;
    bool exact = eb.exact;
    double q_lo = ab_exh_quantize(eb.lo_u);
    double q_hi = exact ? q_lo : ab_exh_quantize(hi_u);
    if (q_hi > 0.5) /* CR implies err <= 0.5, a grid point */
        q_hi = 0.5;
    if (q_lo > q_hi)
        q_lo = q_hi;
    out->q_lo = q_lo;
    out->q_hi = q_hi;
    out->narrowed = exact || q_lo == q_hi;
    return true;
}
