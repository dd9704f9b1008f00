/* See csv_write.h. */
#include <math.h>
#include <string.h>

#include "common/csv_write.h"

void ab_csv_put_text(FILE *fp, const char *s)
{
    if (strpbrk(s, ",\"\n\r") == NULL) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', fp);
        fputc(*s, fp);
    }
    fputc('"', fp);
}

void ab_csv_put_number(FILE *fp, double v, const char *format)
{
    if (isfinite(v))
        fprintf(fp, format, v);
}

void ab_csv_put_numbers(FILE *fp, size_t n, const double *v, const char *const *formats)
{
    for (size_t i = 0; i < n; i++) {
        ab_csv_put_number(fp, v[i], formats[i]);
        fputc(',', fp);
    }
}
