/*
 * The data and the choice behind `actbench recommend`: one candidate per
 * implementation of an activation and direction, read from a results
 * directory (accuracy from the full exhaustive sweep when there is one, else
 * from the sampled accuracy.csv; speed from performance.csv at one size and
 * input distribution), and the needs a user picks by (the profiles).
 *
 * Method of a choice: the candidates whose accuracy meets the need (each
 * need judges by one metric, rc_metric) and whose timing is valid are ranked by time; the fastest is the pick, the next the
 * runner-up. "most accurate" ranks by max ULP instead (ties to the faster).
 */
#ifndef ACTBENCH_RECOMMEND_PICK_H
#define ACTBENCH_RECOMMEND_PICK_H

#include <stdbool.h>
#include <stddef.h>

/* Error classes as named in the results' CSV columns, in this order. */
enum {
    RC_NAN_UNEXPECTED, RC_NAN_MISSING, RC_INF_WHERE_FINITE, RC_FLUSH_TO_ZERO,
    RC_SIGNED_ZERO, RC_FINITE_WHERE_INF, RC_CLASS_KINDS
};
extern const char *const rc_class_column[RC_CLASS_KINDS];

typedef struct rc_candidate {
    char variant[96];
    char isa[24];
    bool has_accuracy;
    double max_ulp;
    const char *accuracy_source; /* "exhaustive" or "sampled" */
    unsigned long long classes[RC_CLASS_KINDS];
    /* The metrics over normal outputs and of the FTZ/DAZ run (NAN: no
     * normal output); has_metrics false when the tables predate them. */
    bool has_metrics;
    const char *metrics_source;  /* "exhaustive" or "sampled" */
    double max_ulp_normal, max_rel_err, max_abs_err, ftz_max_ulp_normal;
    unsigned long long ftz_changed, ftz_special;
    bool timed;                  /* a performance row exists at the size and distribution */
    bool timing_valid;           /* ... and its time can be used */
    char invalid_reason[96];     /* why not, when timed && !timing_valid */
    double ticks;                /* median TSC ticks per element */
    double ns;                   /* median ns per element (NAN when the table lacks it) */
    bool unstable;               /* dispersion flagged by bench */
    bool is_peer;                /* a peer library's implementation */
    bool cpu_dependent;          /* output bits may depend on the CPU model */
} rc_candidate;

typedef struct rc_set {
    rc_candidate *items;
    size_t n, cap;
} rc_set;

/* A need: the accuracy a candidate must meet. */
typedef enum rc_need_kind { RC_MOST_ACCURATE, RC_PROFILE, RC_MAX_ULP } rc_need_kind;
/* The figure a need judges by. When a candidate's tables predate the
 * metrics, the max ULP over all inputs stands in (at least as strict for
 * normal outputs; in ULP for fast: 1e-3 * 2^23 implies the relative bound). */
typedef enum rc_metric {
    RC_METRIC_ULP,             /* max ULP over all inputs, default MXCSR mode */
    RC_METRIC_FTZ_ULP_NORMAL,  /* max ULP over normal outputs, FTZ/DAZ set */
    RC_METRIC_REL_NORMAL       /* max relative error over normal outputs */
} rc_metric;
typedef struct rc_need {
    const char *name;       /* "strict", ..., "most accurate", "max-ulp" */
    rc_need_kind kind;
    double max_ulp;         /* over all inputs (the stand-in for other metrics) */
    unsigned tolerated;     /* bit k set: class k may occur (default mode) */
    const char *criterion;  /* one line, for the user */
    rc_metric metric;
    double limit;           /* of the metric (== max_ulp for RC_METRIC_ULP) */
} rc_need;

/* The four profiles, in order strict, accurate, ml, fast. */
extern const rc_need rc_profiles[4];
const rc_need *rc_profile_find(const char *name);
/* "fastest with max <= u ULP" (no error class but signed zeros). */
rc_need rc_max_ulp_need(double u, char *criterion_buf, size_t size);
extern const rc_need rc_most_accurate;

/* Reads the candidates of activation/direction from DIR's accuracy tables.
 * Returns false (message printed) when a table exists but is malformed or
 * there is no accuracy table at all. */
bool rc_load_accuracy(rc_set *set, const char *dir, const char *activation, const char *direction);

/* Reads the speed at size/distribution from DIR/performance.csv. *have_perf
 * says whether the file exists; *distribution (when NULL) gets the first
 * distribution of the file (a static copy). Returns 2 for a size or
 * distribution absent from the file (message printed, listing those present),
 * 1 for a malformed file, 0 otherwise. */
int rc_load_speed(rc_set *set, const char *dir, const char *activation, const char *direction,
                  const char *size, const char **distribution, bool *have_perf);

void rc_set_free(rc_set *set);

bool rc_meets(const rc_candidate *c, const rc_need *need);
/* The figure need judges c by (NAN when c has none), and whether it is the
 * stand-in (max ULP over all inputs, for tables without the metric). */
double rc_judged_value(const rc_candidate *c, const rc_need *need, bool *stand_in);
/* The CSV/JSON name of a metric. */
const char *rc_metric_name(rc_metric m);
/* Pick and runner-up (NULL when none) for a need; when peer is non-NULL,
 * also the fastest peer implementation that meets it. *meeting counts the
 * candidates that meet the need, timed or not. */
void rc_choose(const rc_set *set, const rc_need *need, const rc_candidate **pick,
               const rc_candidate **runner_up, const rc_candidate **peer, size_t *meeting);
/* The candidate with accuracy closest to the need (smallest max ULP among
 * those without NaN/inf errors, else any), for "none meets it" answers. */
const rc_candidate *rc_closest(const rc_set *set);
unsigned long long rc_class_total(const rc_candidate *c, unsigned ignored);

#endif
