/* The activations: definitions, default parameters, the range worth a dense
 * grid, and each one's own named inputs (kinks, saturation edges). The
 * generic named inputs of accuracy.md (±0, subnormals, ±inf, NaN, exp edges)
 * are added by the harness for every activation. docs/activations.md holds
 * the same table in prose; keep them in agreement. */
#include <math.h>
#include <string.h>
#include <strings.h>

#include "actbench/actbench.h"

#define END NAN

/* SELU constants (Klambauer et al. 2017), rounded to double: the function
 * actbench measures is SELU with exactly these double values. */
#define SELU_LAMBDA 1.0507009873554804934193349852946
#define SELU_ALPHA 1.6732632423543772848170429916717

static const float sigmoid_inputs[] = {
    -103.972084f, -103.27893f, -88.7228394f, -87.3365479f, -16.6355324f,
    -9.0109134f, 9.0109134f, 16.6355324f, 17.0f, 0x1p-24f, -0x1p-24f, 0x1p-12f, END};
static const float tanh_inputs[] = {
    9.01091290f, -9.01091290f, 8.66433907f, 0x1p-12f, -0x1p-12f, 0x1.8p-12f, 0.55f, END};
static const float kink_inputs[] = {
    0x1p-149f, -0x1p-149f, 1.0f, -1.0f, 0x1p-126f, -0x1p-126f, END};
static const float elu_inputs[] = {
    -17.3286800f, -16.6355324f, -0x1p-25f, -0x1p-12f, -0.5f, -1e-7f, 0x1p-149f, END};
static const float gelu_inputs[] = {
    -13.1974f, -14.0f, -10.0f, -5.0f, 5.0f, 5.9f, 6.0f, 0x1p-24f, -0x1p-24f, -0.75f, END};
static const float gelu_tanh_inputs[] = {
    -10.0f, -9.0f, -4.5f, 4.5f, 5.0f, 0x1p-24f, -0x1p-24f, -0.75f, END};
static const float silu_inputs[] = {
    -103.972084f, -88.7228394f, -87.3365479f, -20.0f, -1.2784645f, 17.0f, 0x1p-24f, END};
static const float mish_inputs[] = {
    -103.972084f, -88.7228394f, -20.0f, -1.19286f, 8.66433907f, 9.0f, 0x1p-24f, END};
static const float softplus_inputs[] = {
    -103.972084f, -88.7228394f, -87.3365479f, 15.9423847f, 16.6355324f, 88.7228394f,
    89.0f, 0x1p-24f, END};
static const float softsign_inputs[] = {
    0x1p-24f, -0x1p-24f, 0x1p24f, -0x1p24f, 0x1p104f, 1.0f, END};
static const float hard_inputs[] = {
    -3.0f, 3.0f, -0x1.800002p+1f, 0x1.7ffffep+1f, -0x1.7ffffep+1f, 0x1.800002p+1f,
    0x1p-149f, -0x1p-149f, END};
static const float softmax_inputs[] = {END};

static const ab_activation activations[] = {
    {"sigmoid", "logistic", false, {.alpha = 0}, -20, 20, sigmoid_inputs,
     "1/(1+e^(-x))", "sigma(x)*(1-sigma(x)) = e^(-|x|)/(1+e^(-|x|))^2"},
    {"tanh", NULL, false, {.alpha = 0}, -10, 10, tanh_inputs,
     "tanh(x)", "1-tanh(x)^2 = sech(x)^2"},
    {"relu", NULL, false, {.alpha = 0}, -4, 4, kink_inputs,
     "max(0,x)", "1 if x > 0 else 0 (relu'(0) = 0)"},
    {"leaky_relu", NULL, false, {.alpha = 0.01}, -4, 4, kink_inputs,
     "x if x > 0 else alpha*x", "1 if x > 0 else alpha (at 0: alpha)"},
    {"prelu", NULL, false, {.alpha = 0.25}, -4, 4, kink_inputs,
     "x if x > 0 else alpha*x, alpha per channel", "1 if x > 0 else alpha (at 0: alpha)"},
    {"elu", NULL, false, {.alpha = 1.0}, -20, 4, elu_inputs,
     "x if x > 0 else alpha*(e^x-1)", "1 if x > 0 else alpha*e^x (at 0: alpha)"},
    {"selu", NULL, false, {.alpha = SELU_ALPHA, .lambda = SELU_LAMBDA}, -20, 4, elu_inputs,
     "lambda*(x if x > 0 else alpha*(e^x-1))",
     "lambda if x > 0 else lambda*alpha*e^x (at 0: lambda*alpha)"},
    {"gelu", NULL, false, {.alpha = 0}, -14, 6, gelu_inputs,
     "x*Phi(x) = (x/2)*erfc(-x/sqrt(2))", "Phi(x) + x*phi(x)"},
    {"gelu_tanh", NULL, false, {.alpha = 0}, -10, 6, gelu_tanh_inputs,
     "(x/2)*(1+tanh(sqrt(2/pi)*(x+0.044715*x^3)))",
     "(1/2)(1+tanh u) + (x/2)(1-tanh^2 u)*sqrt(2/pi)*(1+3*0.044715*x^2), u = sqrt(2/pi)(x+0.044715x^3)"},
    {"silu", "swish", false, {.beta = 1.0}, -20, 10, silu_inputs,
     "x*sigma(beta*x)", "sigma(bx) + b*x*sigma(bx)*(1-sigma(bx))"},
    {"mish", NULL, false, {.alpha = 0}, -20, 10, mish_inputs,
     "x*tanh(softplus(x))", "tanh(sp(x)) + x*sigma(x)*(1-tanh(sp(x))^2), sp = softplus"},
    {"softplus", NULL, false, {.beta = 1.0}, -20, 20, softplus_inputs,
     "(1/beta)*log(1+e^(beta*x))", "sigma(beta*x)"},
    {"softsign", NULL, false, {.alpha = 0}, -10, 10, softsign_inputs,
     "x/(1+|x|)", "1/(1+|x|)^2"},
    {"hardsigmoid", NULL, false, {.alpha = 0}, -4, 4, hard_inputs,
     "relu6(x+3)/6 = min(max(x+3,0),6)/6",
     "1/6 if -3 < x < 3 else 0 (at +-3: 0)"},
    {"hardswish", NULL, false, {.alpha = 0}, -4, 4, hard_inputs,
     "x*relu6(x+3)/6",
     "0 if x < -3; 1 if x > 3; (2x+3)/6 otherwise (at -3: -1/2, at 3: 3/2, the one-sided interior limits)"},
    {"binary_step", NULL, false, {.alpha = 0}, -2, 2, kink_inputs,
     "1 if x >= 0 else 0", "0 everywhere (the Dirac delta at 0 is not representable; step'(0) = 0)"},
    {"identity", NULL, false, {.alpha = 0}, -4, 4, kink_inputs,
     "x", "1"},
    {"softmax", NULL, true, {.alpha = 0}, -20, 20, softmax_inputs,
     "s_i = e^(x_i) / sum_j e^(x_j)", "J.v: s_i*(v_i - sum_j s_j v_j)"},
    {"log_softmax", NULL, true, {.alpha = 0}, -20, 20, softmax_inputs,
     "x_i - log(sum_j e^(x_j))", "J.v: v_i - sum_j s_j v_j, s = softmax(x)"},
};

size_t ab_activation_count(void)
{
    return sizeof activations / sizeof activations[0];
}

const ab_activation *ab_activation_at(size_t index)
{
    return index < ab_activation_count() ? &activations[index] : NULL;
}

const ab_activation *ab_activation_find(const char *name)
{
    if (name == NULL)
        return NULL;
    for (size_t i = 0; i < ab_activation_count(); i++) {
        const ab_activation *a = &activations[i];
        if (strcasecmp(a->name, name) == 0 ||
            (a->alias != NULL && strcasecmp(a->alias, name) == 0))
            return a;
    }
    return NULL;
}
