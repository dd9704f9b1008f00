/* `actbench curves`: each elementwise activation and its derivative over its
 * interesting range, from the MPFR reference (rounded to binary32), for the
 * report's graphs. One CSV per activation under DIR/curves/. */
#include <stdio.h>
#include <string.h>

#include "actbench/reference.h"
#include "atomic_file.h"
#include "curves.h"

int ab_curves_write(const char *output_dir, size_t points)
{
    char dir[4096];
    if (snprintf(dir, sizeof dir, "%s/curves", output_dir) >= (int)sizeof dir) {
        fprintf(stderr, "actbench: path too long: %s\n", output_dir);
        return 1;
    }
    if (!ab_ensure_output_dir(dir))
        return 1;
    for (size_t a = 0; a < ab_activation_count(); a++) {
        const ab_activation *act = ab_activation_at(a);
        if (act->is_vector)
            continue;
        char name[256];
        snprintf(name, sizeof name, "%s.csv", act->name);
        ab_atomic_file f;
        if (!ab_atomic_open(&f, dir, name))
            return 1;
        fprintf(f.fp, "x,f,derivative\n");
        for (size_t i = 0; i < points; i++) {
            double t = points > 1 ? (double)i / (double)(points - 1) : 0.5;
            float x = (float)(act->range_lo + t * (act->range_hi - act->range_lo));
            float y = ab_ref_float(act, AB_FORWARD, &act->default_params, x, 0);
            float d = ab_ref_float(act, AB_DERIVATIVE, &act->default_params, x, 0);
            fprintf(f.fp, "%.9g,%.9g,%.9g\n", x, y, d);
        }
        if (!ab_atomic_commit(&f))
            return 1;
    }
    return 0;
}
