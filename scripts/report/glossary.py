"""The glossary of REPORT.md: fixed explanations (no results), so that the
summary can be read without the rest."""

TERMS = [
    ("ULP", "Unit in the last place of the exact result f: 2^(⌊log2|f|⌋ − 23) for a normal binary32 value, "
     "2^−149 for subnormals and zero. An error of 0.5 ULP is the best a float can do; 1 ULP means the "
     "neighbour of the right answer. \"Max ULP\" is the largest error over the inputs tried: all 2^32 "
     "binary32 inputs where an exhaustive sweep exists, else a sample. Full convention: "
     "[docs/accuracy.md](docs/accuracy.md)."),
    ("correctly rounded (CR)", "The result is the float nearest to the exact value. \"% CR\" is the share of "
     "inputs for which it is."),
    ("error classes", "Wrong results counted apart from the max ULP: NaN where a number is due (or the "
     "reverse), ±inf where the value is finite (or the reverse), flush to zero (0 returned for a tiny "
     "non-zero result, typical of fast code that ignores subnormals) and zeros of the wrong sign."),
    ("binade", "All floats with one exponent: [2^e, 2^(e+1)) and its negative. The error maps plot the max "
     "error per binade of x."),
    ("profiles", "strict, accurate, ml, fast: the needs `actbench recommend` answers; their criteria are in "
     "the README table."),
    ("variant names", "`naive`: the textbook formula in C. `branchless`: a numerically stable scalar "
     "version. `avx2-…`, `avx512-…`: our vector kernels (AVX2+FMA, AVX-512), named "
     "`<isa>-<method>[-<detail>]`: `rr2` a range reduction in two "
     "steps, `p6` a degree-6 polynomial, `div` a true division, `rcp` a reciprocal estimate refined by a "
     "Newton step, `f64` computed in double precision, `erfcx-p12` a degree-12 fit of the scaled "
     "complementary error function, `two-pass`/`online` the softmax passes. `approx-…` (scalar) and "
     "`<isa>-approx-…`: cheap approximations whose large errors are part of the design. "
     "`peer-<library>`: an adapter to a peer library (libm, libmvec, SLEEF, oneDNN, XNNPACK, PyTorch's "
     "ATen, Eigen)."),
    ("ns/element, TSC ticks", "The median time per output element, in nanoseconds, from the time-stamp "
     "counter (TSC), which ticks at a fixed rate; TSC ticks are not core cycles. How the timings are "
     "taken: [docs/measurement.md](docs/measurement.md)."),
    ("ratio (×)", "Always one time divided by another: our (or the row's) time ÷ the named baseline's time "
     "(a peer, the fastest qualifying peer, the copy kernel, the port bound). Above 1: slower than the "
     "baseline; below 1: faster."),
    ("port bound", "An estimate by llvm-mca of the least time the main loop of one of our vector kernels can "
     "take if only the CPU's execution ports limit it (no memory, no dependency chains). Time ÷ port "
     "bound near 1 means the kernel saturates the ports of the modelled CPU."),
    ("dispersion", "How much the timing of one row varies between rounds: the median absolute percentage "
     "deviation from the median. Rows above the bench's threshold are marked unstable (~)."),
    ("CPU-dependent (†)", "An implementation whose output bits can differ between CPU models of the same "
     "ISA: it uses estimate instructions (rcpps, rsqrtps) in its result, or it is a peer library that "
     "picks its code by CPU. Its accuracy figures hold for the CPU they were measured on, named in the "
     "report."),
]


def glossary_section(docs="docs"):
    """docs: the relative path from the report to the repository's docs/."""
    lines = ["## Glossary\n"]
    for term, text in TERMS:
        lines.append(f"- **{term}**: " + text.replace("](docs/", f"]({docs}/"))
    return "\n".join(lines) + "\n"
