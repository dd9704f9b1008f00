/*
 * Every registered implementation the CPU can run, forward and derivative,
 * against the MPFR reference with the bound that implementation declares in
 * the registry. Generic over the registry: a new variant is covered by adding
 * its registry line. Inputs: accuracy.md's named inputs and each activation's
 * thresholds (with neighbours), a dense grid, random bit patterns over all
 * floats; softmax-like kernels on the standard vector family.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"

int main(void)
{
    size_t failures = 0, checked = 0;
    const ab_impl **group = calloc(ab_impl_count() + 1, sizeof *group);
    ab_accuracy_row *rows = calloc(ab_impl_count() + 1, sizeof *rows);
    if (!group || !rows)
        return 2;
    for (size_t a = 0; a < ab_activation_count(); a++) {
        const ab_activation *act = ab_activation_at(a);
        for (int d = 0; d < 2; d++) {
            ab_direction dir = (ab_direction)d;
            size_t g = 0;
            for (size_t i = 0; i < ab_impl_count(); i++) {
                const ab_impl *impl = ab_impl_at(i);
                if (strcmp(impl->activation, act->name) == 0 && ab_impl_supported(impl) &&
                    ab_impl_kernel(impl, dir) != NULL)
                    group[g++] = impl;
            }
            if (g == 0)
                continue;
            int rc;
            if (act->is_vector) {
                rc = ab_accuracy_measure_vector(act, dir, group, g, true, 7, 0, rows);
            } else {
                ab_input_set in;
                if (ab_inputs_build(&in, act, 3000, 12000, 7) != 0)
                    return 2;
                rc = ab_accuracy_measure_elementwise(act, dir, group, g, &in, 0, rows);
                ab_inputs_free(&in);
            }
            if (rc != 0)
                return 2;
            for (size_t i = 0; i < g; i++) {
                const ab_acc_stats *s = &rows[i].stats;
                const ab_bound *b = ab_impl_bound(group[i], dir);
                checked++;
                printf("%-12s %-26s %-10s inputs %7llu  max ULP %-10.4g bound %-10.4g classes",
                       act->name, group[i]->variant, ab_direction_name(dir),
                       (unsigned long long)s->inputs, s->ulp_counted ? s->max_ulp : 0.0, b->max_ulp);
                for (int k = 0; k < AB_CLASS_KINDS; k++)
                    if (s->classes[k])
                        printf(" %s=%llu%s", ab_class_name(k), (unsigned long long)s->classes[k],
                               (b->allowed_classes & (1u << k)) ? "" : "(NOT ALLOWED)");
                if (!rows[i].within_bound) {
                    float wx, wy, wc;
                    memcpy(&wx, &s->worst_x, 4);
                    memcpy(&wy, &s->worst_y, 4);
                    memcpy(&wc, &s->worst_cr, 4);
                    printf("  FAIL worst x=%a y=%a cr=%a", wx, wy, wc);
                    for (int k = 0; k < AB_CLASS_KINDS; k++)
                        if (s->classes[k] && !(b->allowed_classes & (1u << k))) {
                            float cx;
                            memcpy(&cx, &s->class_example_x[k], 4);
                            printf(" [%s at x=%a]", ab_class_name(k), cx);
                        }
                    failures++;
                }
                printf("\n");
            }
        }
    }
    printf("%zu implementation-directions checked, %zu outside their declared bound\n", checked,
           failures);
    free(group);
    free(rows);
    return failures == 0 && checked > 0 ? 0 : 1;
}
