/*
 * The input formats of a sweep: binary32 (2^32 patterns) and the 16-bit
 * bf16 and fp16 (65536 patterns each). A 16-bit pattern converts exactly to
 * a float; a float result is rounded to the format (nearest even, with the
 * format's subnormals and overflow) before it is compared with f.
 */
#ifndef ACTBENCH_SWEEP_FORMAT_H
#define ACTBENCH_SWEEP_FORMAT_H

#include <stdbool.h>
#include <stdint.h>

#include "actbench/reference.h"

typedef enum ab_exh_format { AB_FMT_BINARY32 = 0, AB_FMT_BF16, AB_FMT_FP16 } ab_exh_format;

const char *ab_exh_format_name(ab_exh_format f);
/* "binary32" | "bf16" | "fp16" -> *f; false for anything else. */
bool ab_exh_format_parse(const char *name, ab_exh_format *f);
/* The highest bit pattern of the format. */
uint64_t ab_exh_format_top(ab_exh_format f);
/* Precision, smallest subnormal exponent and overflow exponent (ulp.c's). */
void ab_exh_format_params(ab_exh_format f, int *precision, int *emin_unit, int *emax);
/* Pattern -> float (exact). */
float ab_exh_input(ab_exh_format f, uint64_t pattern);
/* A float result rounded to the format's nearest value (ties to even). */
double ab_exh_round_result(ab_exh_format f, float y);
/* The correct rounding of f to the format. */
double ab_exh_round_mpfr(const mpfr_t f, ab_exh_format fmt);
/* The format's bit pattern of a value of the format given as float bits. */
uint32_t ab_exh_format_bits(ab_exh_format f, uint32_t float_bits);

#endif
