/* Writing CSV fields the way RFC 4180 reads them: a field holding a comma,
 * a quote or a newline is quoted with doubled quotes; a number that is not
 * finite is written as an empty field (no value, never "nan"). */
#ifndef ACTBENCH_COMMON_CSV_WRITE_H
#define ACTBENCH_COMMON_CSV_WRITE_H

#include <stdio.h>

void ab_csv_put_text(FILE *fp, const char *s);
void ab_csv_put_number(FILE *fp, double v, const char *format);
/* n numbers, each followed by a comma: "v0,v1,...,". */
void ab_csv_put_numbers(FILE *fp, size_t n, const double *v, const char *const *formats);

#endif
