"""The exhaustive sweeps of the 16-bit input formats (bf16, fp16): a REPORT.md
section (per activation and direction, the spread over implementations) and
the page docs/report/lowprec.md (every implementation). Read from the
summary.csv of `actbench accuracy --exhaustive --format bf16|fp16 --output
results/lowprec` (results/lowprec/exhaustive/); only full-range rows count.

What the figures mean: each of the 65,536 bit patterns of the format is
converted exactly to binary32 and given to the binary32 kernel; the kernel's
binary32 result is rounded once more, to nearest-even in the format, and
compared with the exact value; the ULP is the format's."""
import math
import os

from .fmt import DIRECTIONS, class_summary, ffloat, fulp, md_table

FORMATS = ("bf16", "fp16")
FULL = {"bf16": 0xFFFF, "fp16": 0xFFFF}
MEANING = ("Every one of the 65,536 bit patterns of the format is converted exactly to binary32 and given to "
           "the binary32 kernel; the kernel's binary32 result is then rounded to the format (to nearest, ties to "
           "even) and compared with the exact value rounded once to the format. Errors are in ULPs of the 16-bit "
           "format, against MPFR on every input. This is how a network stored in bf16 or fp16 but computed in "
           "binary32 sees the kernel. A kernel correctly rounded in binary32 is not always correctly rounded "
           "after the second rounding (a binary32 result just beside a 16-bit midpoint can round the other "
           "way), so its max ULP may exceed 0.5 by a little, and the share of correctly rounded results may "
           "stay under 100 %.")


def _is_full(row, fmt):
    try:
        return int(row.get("range_lo", ""), 16) == 0 and int(row.get("range_hi", ""), 16) == FULL[fmt]
    except ValueError:
        return False


def read_lowprec(res):
    """{(activation, variant, direction, format): summary row}, and the directory read (or None)."""
    d = os.path.join(res.beside(res.dir, "lowprec"), "exhaustive")
    p = os.path.join(d, "summary.csv")
    rows = {}
    if not os.path.exists(p):
        return rows, None
    for r in res.read_csv(p):
        fmt = r.get("format")
        if fmt in FORMATS and _is_full(r, fmt):
            rows[(r["activation"], r["variant"], r["direction"], fmt)] = r
    return rows, d


def _order(res, rows):
    """Activations in the report's order first, then any other swept one."""
    acts = [a for a in res.activations if any(k[0] == a for k in rows)]
    acts += sorted({k[0] for k in rows} - set(acts))
    return acts


def _spread_cell(items):
    """'0.5 – 3.2 (`worst`)' over implementations; the worst one named."""
    ulps = [(ffloat(r.get("max_ulp")), v) for v, r in items if ffloat(r.get("max_ulp")) is not None]
    if not ulps:
        return "—"
    lo, hi = min(ulps), max(ulps)
    if fulp(lo[0]) == fulp(hi[0]):
        return fulp(hi[0])
    return f"{fulp(lo[0])} – {fulp(hi[0])} (`{hi[1]}`)"


def _pct_cr(row):
    """The share of correctly rounded results, cut (not rounded) to 2 decimals:
    100 % only when every result is."""
    v = ffloat(row.get("pct_cr"))
    if v is None:
        return "—"
    return "100 %" if v == 100.0 else f"{math.floor(v * 100) / 100:.2f} %"


def _cr_cell(items):
    """How many implementations return the correctly rounded 16-bit value on every input."""
    all_cr = sum(1 for _, r in items if ffloat(r.get("pct_cr")) == 100.0)
    return f"{all_cr} of {len(items)}"


def lowprec_section(res, page_link):
    rows, _ = read_lowprec(res)
    L = ["## bf16 and fp16 inputs\n"]
    if not rows:
        L.append("No 16-bit sweep in these results (`scripts/sweep.sh --format bf16 --output results/lowprec all`, "
                 "and the same with `fp16`).\n")
        return "\n".join(L)
    L.append(MEANING + "\n")
    L.append("Per activation and direction: the lowest and highest max ULP over its implementations (the worst "
             "named), and how many of them are correctly rounded on every input. Every implementation's "
             f"figures and error classes: [bf16 and fp16 sweeps]({page_link}).\n")
    table = []
    for act in _order(res, rows):
        for direction in DIRECTIONS:
            cells = []
            for fmt in FORMATS:
                items = [(k[1], r) for k, r in rows.items() if k[0] == act and k[2] == direction and k[3] == fmt]
                cells += [_spread_cell(items), _cr_cell(items)] if items else ["—", "—"]
            if any(c != "—" for c in cells):
                table.append([act, direction] + cells)
    L.append(md_table(["activation", "direction", "bf16 max ULP", "bf16 all CR", "fp16 max ULP", "fp16 all CR"],
                      table))
    return "\n".join(L)


def lowprec_page(res, report_link):
    rows, _ = read_lowprec(res)
    L = ["# Exhaustive sweeps of bf16 and fp16 inputs\n", f"[Back to the report]({report_link})\n"]
    if not rows:
        L.append("No 16-bit sweep in these results.\n")
        return "\n".join(L)
    L.append(MEANING + "\n")
    L.append("Columns per format: max ULP, the share of inputs whose result is the correctly rounded one, and the "
             "error classes counted apart (see the report's glossary).\n")
    any_row = next(iter(rows.values()))
    L.append(f"Reference: {any_row.get('reference', 'mpfr')} on every input; run on "
             f"{any_row.get('cpu_model') or 'an unrecorded CPU'}.\n")
    for act in _order(res, rows):
        L.append(f"## {act}\n")
        table = []
        for direction in DIRECTIONS:
            variants = []
            for k in rows:
                if k[0] == act and k[2] == direction and k[1] not in variants:
                    variants.append(k[1])
            for v in variants:
                line = [f"`{v}`", direction]
                for fmt in FORMATS:
                    r = rows.get((act, v, direction, fmt))
                    line += ([fulp(r.get("max_ulp")), _pct_cr(r),
                              class_summary(res.classes(r))] if r else ["—", "—", "—"])
                table.append(line)
        L.append(md_table(["variant", "direction", "bf16 max ULP", "bf16 CR", "bf16 classes",
                           "fp16 max ULP", "fp16 CR", "fp16 classes"], table))
    return "\n".join(L)
