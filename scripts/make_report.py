#!/usr/bin/env python3
"""Regenerates REPORT.md and the graphs (results/plots/*.svg) from a results
directory written by `actbench`. Python 3 standard library only; graphs need
gnuplot (Debian gnuplot-nox) and are skipped with a note when it is missing.

Every number in the report comes from the results files or from
`actbench recommend`; the hand-written text below is explanation only (the
ULP convention, the formulas of the activations), so it stays true when the
results are regenerated.

usage: make_report.py --results DIR --report FILE [--actbench BIN] [--gnuplot BIN]
"""
import argparse
import csv
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

SIZE_ORDER = ["L1", "L2", "L3", "DRAM"]
DIRECTIONS = ["forward", "derivative"]
# Error classes counted apart from the max ULP (shared/docs/accuracy.md).
CLASSES = [
    ("nan_unexpected", "returns NaN where the true value is a number"),
    ("nan_missing", "returns a number where NaN is expected"),
    ("inf_where_finite", "returns ±inf where the true value is finite"),
    ("flush_to_zero", "returns ±0 where the true value is at least 2^−150 in magnitude (flush to zero)"),
    ("signed_zero_mismatch", "returns a zero of the wrong sign"),
    ("finite_where_inf", "returns a finite value where the true value is ±inf"),
]
CLASS_SHORT = {
    "nan_unexpected": "NaN", "nan_missing": "no-NaN", "inf_where_finite": "inf",
    "flush_to_zero": "ftz", "signed_zero_mismatch": "±0", "finite_where_inf": "fin-for-inf",
}
PLACEHOLDER_BOUND = 1e29  # registry placeholder for "not yet measured" is 1e30

# Fixed mathematical explanation (not results): formula, derivative, range, properties.
ACTIVATION_MATH = [
    # name, formula, derivative, output range, monotonic, smooth, zero-centred, saturating,
    # bounded below, gradient behaviour
    ("sigmoid", "1/(1+e^−x)", "σ(x)(1−σ(x))", "(0, 1)", "yes", "yes (C∞)", "no", "both sides", "yes (0)",
     "vanishes in both tails; never exactly 0 in real arithmetic, 0 in binary32 for large |x|"),
    ("tanh", "tanh x", "1 − tanh²x", "(−1, 1)", "yes", "yes (C∞)", "yes", "both sides", "yes (−1)",
     "vanishes in both tails"),
    ("relu", "max(0, x)", "0 for x < 0, 1 for x > 0 (actbench: 0 at x = 0)", "[0, ∞)", "yes (non-strict)",
     "no (kink at 0)", "no", "no", "yes (0)", "exactly 0 for x < 0 (dead units)"),
    ("leaky_relu", "x if x > 0 else αx (α = 0.01)", "1 if x > 0 else α", "(−∞, ∞)", "yes", "no (kink at 0)",
     "no", "no", "no", "never 0: α for x < 0"),
    ("prelu", "x if x > 0 else αx (α given)", "1 if x > 0 else α", "(−∞, ∞) for α > 0", "yes for α ≥ 0",
     "no (kink at 0)", "no", "no", "no for α > 0", "α for x < 0"),
    ("elu", "x if x > 0 else α(eˣ−1) (α = 1)", "1 if x > 0 else αeˣ", "(−α, ∞)", "yes", "C¹ for α = 1", "nearly",
     "for x → −∞", "yes (−α)", "vanishes as x → −∞"),
    ("selu", "λ·(x if x > 0 else α(eˣ−1))", "λ if x > 0 else λαeˣ", "(−λα, ∞)", "yes", "no (derivative jumps at 0)",
     "self-normalising", "for x → −∞", "yes (−λα)", "vanishes as x → −∞"),
    ("gelu", "x·Φ(x) = (x/2)·erfc(−x/√2)", "Φ(x) + x·φ(x)", "[≈−0.17, ∞)", "no (minimum near x ≈ −0.75)",
     "yes (C∞)", "nearly", "for x → −∞ (to 0)", "yes", "0 at the minimum; vanishes as x → −∞"),
    ("gelu_tanh", "(x/2)(1+tanh(√(2/π)(x+0.044715x³)))", "its exact derivative", "[≈−0.17, ∞)",
     "no", "yes (C∞)", "nearly", "for x → −∞ (to 0)", "yes", "0 at the minimum; vanishes as x → −∞"),
    ("silu", "x·σ(x)", "σ(x)(1 + x(1−σ(x)))", "[≈−0.28, ∞)", "no (minimum near x ≈ −1.28)", "yes (C∞)",
     "nearly", "for x → −∞ (to 0)", "yes", "0 at the minimum; vanishes as x → −∞"),
    ("mish", "x·tanh(softplus(x))", "its exact derivative", "[≈−0.31, ∞)", "no (minimum near x ≈ −1.19)",
     "yes (C∞)", "nearly", "for x → −∞ (to 0)", "yes", "0 at the minimum; vanishes as x → −∞"),
    ("softplus", "log(1+eˣ)", "σ(x)", "(0, ∞)", "yes", "yes (C∞)", "no", "for x → −∞ (to 0)", "yes (0)",
     "vanishes as x → −∞"),
    ("softsign", "x/(1+|x|)", "1/(1+|x|)²", "(−1, 1)", "yes", "C¹ (not C²)", "yes", "both sides (slowly)",
     "yes (−1)", "decays polynomially, never 0"),
    ("hardsigmoid", "relu6(x+3)/6", "1/6 on (−3, 3), else 0", "[0, 1]", "yes (non-strict)",
     "no (kinks at ±3)", "no", "both sides (exactly)", "yes (0)", "exactly 0 for |x| ≥ 3"),
    ("hardswish", "x·relu6(x+3)/6", "0 for x < −3, (2x+3)/6 on (−3, 3), 1 for x > 3", "[−0.375, ∞)",
     "no (minimum at x = −1.5)", "no (kinks at ±3)", "nearly", "for x ≤ −3 (to 0)", "yes",
     "exactly 0 for x ≤ −3 and at x = −1.5"),
    ("binary_step", "1 if x ≥ 0 else 0", "0 (undefined at 0; actbench: 0)", "{0, 1}", "yes (non-strict)",
     "no (jump at 0)", "no", "both sides", "yes (0)", "exactly 0 everywhere: no gradient"),
    ("identity", "x", "1", "(−∞, ∞)", "yes", "yes", "yes", "no", "no", "never vanishes"),
    ("softmax", "eˣⁱ/Σⱼeˣʲ over a row", "J·v = s⊙(v − ⟨s, v⟩)", "(0, 1), sums to 1", "—", "yes", "no",
     "for large spreads", "yes (0)", "vanishes when one entry dominates"),
    ("log_softmax", "xᵢ − log Σⱼeˣʲ", "J·v = v − s·Σv", "(−∞, 0]", "—", "yes", "no", "no", "no",
     "does not vanish for the leading entry"),
]


def fnum(v, digits=3):
    """A number as read in a table: 3 significant digits, 0 as 0."""
    if v is None:
        return "—"
    if isinstance(v, str):
        return v
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "−inf"
    if v == 0:
        return "0"
    a = abs(v)
    if 1e-3 <= a < 1e6:
        s = f"{v:.{digits}g}"
    else:
        s = f"{v:.{digits - 1}e}"
    return s


def ffloat(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def fint(s):
    try:
        return int(float(s))
    except (TypeError, ValueError):
        return 0


def read_csv(path):
    with open(path, newline="") as fp:
        return list(csv.DictReader(fp))


def read_exhaustive_stats(path):
    """Rows of an exhaustive BASE.csv, normalised to accuracy.csv's column names.

    The header's histogram labels may contain commas (hist_[0,0.5]); the
    columns before the first hist_ and the trailing six (fallbacks ... shards)
    are located by name and by position from the end, which is robust to that."""
    with open(path, newline="") as fp:
        lines = list(csv.reader(fp))
    if not lines:
        return []
    header = lines[0]
    first_hist = next((i for i, h in enumerate(header) if h.startswith("hist_")), len(header))
    head_names = header[:first_hist]
    tail_names = ["fallbacks", "worst_reevals", "wall_seconds", "inputs_per_second", "threads", "shards"]
    rows = []
    for cells in lines[1:]:
        if len(cells) < first_hist + len(tail_names):
            continue
        r = dict(zip(head_names, cells[:first_hist]))
        r.update(zip(tail_names, cells[-len(tail_names):]))
        r["hist"] = [fint(c) for c in cells[first_hist:-len(tail_names)]]
        r["pct_correctly_rounded"] = r.get("pct_cr", "")
        r["count_gt_1ulp"] = r.get("over_1ulp", "")
        r["bound_max_ulp"] = r.get("declared_max_ulp", "")
        r["within_bound"] = r.get("within_declared", "")
        rows.append(r)
    return rows


FULL_RANGE = (0x00000000, 0xffffffff)


def is_full_sweep(row):
    """A row of a sweep over every binary32 bit pattern (not a range, not bf16/fp16)."""
    try:
        rng = (int(row.get("range_lo", ""), 16), int(row.get("range_hi", ""), 16))
    except ValueError:
        return False
    return row.get("format", "binary32") == "binary32" and rng == FULL_RANGE


class Results:
    def __init__(self, d):
        self.dir = d
        self.notes = []  # what was missing, said in the report
        self.machine = {}
        p = os.path.join(d, "machine.json")
        if os.path.exists(p):
            with open(p) as fp:
                self.machine = json.load(fp)
        else:
            self.notes.append("results/machine.json is missing: the machine section is empty.")
        self.acc = {}  # (act, variant, dir) -> row (sampled)
        self.acc_order = []
        p = os.path.join(d, "accuracy.csv")
        if os.path.exists(p):
            for r in read_csv(p):
                k = (r["activation"], r["variant"], r["direction"])
                self.acc[k] = r
                self.acc_order.append(k)
        else:
            self.notes.append("results/accuracy.csv is missing: no accuracy tables.")
        self.perf = {}  # (act, variant, dir, dist, size) -> row
        self.perf_order = []
        self.dists = []
        self.sizes = []
        self.size_n = {}
        p = os.path.join(d, "performance.csv")
        if os.path.exists(p):
            for r in read_csv(p):
                k = (r["activation"], r["variant"], r["direction"], r["distribution"], r["size_label"])
                self.perf[k] = r
                self.perf_order.append(k)
                if r["activation"] != "copy" and r["distribution"] not in self.dists:
                    self.dists.append(r["distribution"])
                if r["size_label"] not in self.sizes:
                    self.sizes.append(r["size_label"])
                self.size_n.setdefault(r["size_label"], (r["n"], r["bytes"]))
            self.sizes.sort(key=lambda s: SIZE_ORDER.index(s) if s in SIZE_ORDER else 99)
        else:
            self.notes.append("results/performance.csv is missing: no speed tables or speed graphs.")
        self.exh = {}  # (act, variant, dir) -> row of a full-range binary32 sweep
        self.exh_maps = {}  # act -> (binade path, grid path)
        self.exh_other = []  # partial ranges and 16-bit formats: listed, not merged
        self.exh_anomalies = []  # summary.csv and BASE.csv disagreeing: said in the report
        self.exh_have_summary = False
        ed = os.path.join(d, "exhaustive")
        if os.path.isdir(ed):
            self._read_exhaustive(ed)
        self.portbound = {}  # (act, variant, dir) -> row of scripts/portbound.py (llvm-mca)
        p = os.path.join(d, "portbound.csv")
        if os.path.exists(p):
            for r in read_csv(p):
                self.portbound[(r["activation"], r["variant"], r["direction"])] = r
        else:
            self.notes.append("results/portbound.csv is missing (scripts/portbound.py needs llvm-mca): "
                              "no port-throughput bounds.")
        self.activations = []
        for k in self.acc_order + self.perf_order:
            if k[0] != "copy" and k[0] not in self.activations:
                self.activations.append(k[0])

    def _read_exhaustive(self, ed):
        """Full-range binary32 sweeps: summary.csv is the record (one row per
        activation x variant x direction, replaced pair by pair on each run),
        BASE.csv adds the details (ISA, mean ULP, histogram, declared bound) of
        the pairs of the LAST run of that activation, which may be fewer: an
        --avx2-only run rewrites BASE.csv with its avx2 pairs only, while
        summary.csv keeps the other pairs of an earlier run."""
        detail = {}
        for name in sorted(os.listdir(ed)):
            m = re.fullmatch(r"([a-z0-9_]+)((?:\.[a-z0-9-]+)*)\.csv", name)
            if not m or name == "summary.csv" or name.endswith((".binade.csv", ".grid.csv")):
                continue
            act, suffix = m.group(1), m.group(2)
            rows = read_exhaustive_stats(os.path.join(ed, name))
            full = [r for r in rows if suffix == "" and is_full_sweep(r)]
            self.exh_other.extend(r for r in rows if not (suffix == "" and is_full_sweep(r)))
            for r in full:
                detail[(r["activation"], r["variant"], r["direction"])] = r
            if full:
                self.exh_maps[act] = (os.path.join(ed, act + ".binade.csv"), os.path.join(ed, act + ".grid.csv"))
        summary = {}
        p = os.path.join(ed, "summary.csv")
        if os.path.exists(p):
            self.exh_have_summary = True
            for r in read_csv(p):
                if is_full_sweep(r):
                    summary[(r["activation"], r["variant"], r["direction"])] = r
        if not self.exh_have_summary:
            self.exh = detail
            return
        for k, srow in summary.items():
            row = {}
            drow = detail.get(k)
            if drow is not None:
                if ffloat(drow.get("max_ulp")) == ffloat(srow.get("max_ulp")) and \
                        drow.get("worst_x") == srow.get("worst_x"):
                    row.update(drow)
                else:
                    self.exh_anomalies.append(
                        f"`{'/'.join(k)}`: summary.csv says max {srow.get('max_ulp')} ULP at x = "
                        f"`{srow.get('worst_x')}`, {k[0]}.csv says {drow.get('max_ulp')} ULP at x = "
                        f"`{drow.get('worst_x')}` (summary.csv used)")
            row.update(srow)
            row["pct_correctly_rounded"] = srow.get("pct_cr", "")
            row["count_gt_1ulp"] = srow.get("over_1ulp", "")
            self.exh[k] = row
        for k in detail:
            if k not in summary:
                self.exh_anomalies.append(f"`{'/'.join(k)}`: in {k[0]}.csv but not in summary.csv (not used)")

    def variants(self, act, direction=None):
        out = []
        for k in self.acc_order + [p[:3] for p in self.perf_order] + list(self.exh):
            if k[0] == act and (direction is None or k[2] == direction) and k[1] not in out:
                out.append(k[1])
        return out

    def best_acc(self, act, variant, direction):
        """(row, source): the exhaustive row when there is one, else the sampled."""
        k = (act, variant, direction)
        if k in self.exh:
            return self.exh[k], "exhaustive"
        if k in self.acc:
            return self.acc[k], "sampled"
        return None, None

    def max_ulp(self, act, variant, direction):
        r, _ = self.best_acc(act, variant, direction)
        return ffloat(r.get("max_ulp")) if r else None

    def ticks(self, act, variant, direction, size="L1", dist=None):
        dist = dist or (self.dists[0] if self.dists else None)
        r = self.perf.get((act, variant, direction, dist, size))
        if r is None:
            return None, None
        return ffloat(r["ticks_per_elem_median"]), r

    def copy_ticks(self, direction, size, dist=None):
        dist = dist or (self.dists[0] if self.dists else None)
        for k, r in self.perf.items():
            if k[0] == "copy" and k[3] == dist and k[4] == size:
                # copy rows exist for the forward shape (1 in, 1 out); the
                # derivative of an elementwise activation has the same shape
                return ffloat(r["ticks_per_elem_median"])
        return None

    def classes(self, row):
        return {c: fint(row.get(c)) for c, _ in CLASSES if fint(row.get(c))}

    def cycles_per_tick(self):
        return ffloat(str(self.machine.get("timer", {}).get("core_cycles_per_tsc_tick", "")))

    def port_bound_ticks(self, act, variant, direction):
        """The llvm-mca port-throughput bound in TSC ticks/element, or None."""
        r = self.portbound.get((act, variant, direction))
        c = self.cycles_per_tick()
        b = ffloat(r.get("bound_cycles_per_element")) if r else None
        if b is None or c is None or not b > 0 or not c > 0:
            return None
        return b / c


def is_peer(variant):
    return variant.startswith("peer-")


def valid_ticks(t):
    return t is not None and t > 0 and math.isfinite(t)


# ---------------------------------------------------------------------------- plots

class Plotter:
    def __init__(self, gnuplot, scripts_dir, plots_dir, work):
        self.gnuplot = gnuplot
        self.scripts = scripts_dir
        self.plots = plots_dir
        self.work = work
        self.made = []
        self.failed = []

    def run(self, script, outname, **params):
        out = os.path.join(self.plots, outname)
        args = []
        for k, v in params.items():
            if isinstance(v, (int, float)):
                args.append(f"{k}={v!r}")
            elif k.endswith("_spec"):
                args.append(f"{k}=\"{v}\"")
            else:
                args.append(f"{k}='{str(v).replace(chr(39), '')}'")
        args.append(f"outfile='{out}'")
        cmd = [self.gnuplot, "-e", "; ".join(args), os.path.join(self.scripts, script)]
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0 or not os.path.exists(out):
            self.failed.append((outname, p.stderr.strip()[-400:]))
            if os.path.exists(out):
                os.remove(out)  # a half-drawn graph must not be linked or committed
            return None
        self.made.append(outname)
        return out

    def data(self, name, text):
        path = os.path.join(self.work, name)
        with open(path, "w") as fp:
            fp.write(text)
        return path


def label_word(s):
    # gnuplot's word() splits on blanks: keep names blank-free
    return re.sub(r"\s+", "_", s)


def pareto_front(points):
    """points: (ticks, ulp, ...) -> the Pareto-optimal ones (min ticks, min ulp) by ticks."""
    front = []
    best = math.inf
    for p in sorted(points, key=lambda p: (p[0], p[1])):
        if p[1] < best:
            front.append(p)
            best = p[1]
    return front


ULP_FLOOR = 0.01


def plot_curve(pl, res, act):
    src = os.path.join(res.dir, "curves", act + ".csv")
    if not os.path.exists(src):
        return None
    return pl.run("curve.gp", f"curve_{act}.svg", datafile=src, name=act)


def plot_pareto(pl, res, act, direction, size, dist):
    pts = []
    for v in res.variants(act, direction):
        t, _ = res.ticks(act, v, direction, size, dist)
        u = res.max_ulp(act, v, direction)
        if not valid_ticks(t) or u is None or not math.isfinite(u):
            continue
        row, _ = res.best_acc(act, v, direction)
        pts.append((t, max(u, ULP_FLOOR), v, 1 if res.classes(row) else 0))
    if not pts:
        return None
    pf = pl.data(f"pareto_{act}_{direction}.csv",
                 "".join(f"{t!r},{u!r},\"{v}\",{c}\n" for t, u, v, c in pts))
    ff = pl.data(f"front_{act}_{direction}.csv",
                 "".join(f"{t!r},{u!r}\n" for t, u, _, _ in pareto_front(pts)))
    return pl.run("pareto.gp", f"pareto_{act}_{direction}.svg", pointsfile=pf, frontfile=ff,
                  name=f"{act} {direction}: speed vs accuracy",
                  subtitle=f"{size}, {dist}; max ULP exhaustive where swept, else sampled",
                  floor=ULP_FLOOR)


def plot_cache(pl, res, act, direction, dist):
    blocks, titles = [], []
    for v in res.variants(act, direction):
        lines = []
        for i, s in enumerate(res.sizes):
            t, _ = res.ticks(act, v, direction, s, dist)
            if valid_ticks(t):
                lines.append(f"{i},{t!r}\n")
        if lines:
            blocks.append("".join(lines))
            titles.append(label_word(v))
    copy_lines = [f"{i},{res.copy_ticks(direction, s, dist)!r}\n" for i, s in enumerate(res.sizes)
                  if valid_ticks(res.copy_ticks(direction, s, dist))]
    if not blocks or not copy_lines:
        return None
    blocks.append("".join(copy_lines))
    titles.append("copy=ceiling")
    df = pl.data(f"cache_{act}_{direction}.csv", "\n\n".join(blocks))
    tics = ", ".join(f"'{s}' {i}" for i, s in enumerate(res.sizes))
    return pl.run("cache.gp", f"cache_{act}_{direction}.svg", datafile=df,
                  name=f"{act} {direction}: speed at each cache level", subtitle=f"{dist}",
                  titles=" ".join(titles), nblocks=len(titles), xtics_spec=f"({tics})")


def plot_ulp_maps(pl, res, act, direction):
    made = []
    binade, grid = res.exh_maps.get(act, (None, None))
    if binade and os.path.exists(binade):
        per = {}
        for r in read_csv(binade):
            if r["direction"] != direction or r.get("format", "binary32") != "binary32":
                continue
            e = fint(r["exponent_field"])
            pos = -(e + 0.5) if r["sign"] == "-" else e + 0.5
            per.setdefault(r["variant"], []).append((pos, max(ffloat(r["max_ulp"]) or 0.0, ULP_FLOOR)))
        if per:
            blocks, titles = [], []
            for v, pts in per.items():
                pts.sort()
                # steps: repeat the last bin's right edge so the last step is drawn
                txt = "".join(f"{p - 0.5!r},{u!r}\n" for p, u in pts) + f"{pts[-1][0] + 0.5!r},{pts[-1][1]!r}\n"
                blocks.append(txt)
                titles.append(label_word(v))
            df = pl.data(f"ulpb_{act}_{direction}.csv", "\n\n".join(blocks))
            tics = []
            for k in (-126, -64, -32, -8, 0, 8, 32, 64, 127):
                e = k + 127
                tics.append(f"'2^{k}' {e}")
                tics.append(f"'-2^{k}' {-e}")
            tics.append("'0' 0")
            made.append(pl.run("ulp_binade.gp", f"ulp_binade_{act}_{direction}.svg", datafile=df,
                               name=f"{act} {direction}", titles=" ".join(titles), nblocks=len(titles),
                               xtics_spec="(" + ", ".join(tics) + ")", floor=ULP_FLOOR))
    if grid and os.path.exists(grid):
        per = {}
        for r in read_csv(grid):
            if r["direction"] != direction or r.get("format", "binary32") != "binary32":
                continue
            per.setdefault(r["variant"], []).append((ffloat(r["x_lo"]), ffloat(r["x_hi"]),
                                                     max(ffloat(r["max_ulp"]) or 0.0, ULP_FLOOR)))
        if per:
            blocks, titles = [], []
            for v, pts in per.items():
                pts.sort()
                blocks.append("".join(f"{lo!r},{u!r}\n" for lo, _, u in pts)
                              + f"{pts[-1][1]!r},{pts[-1][2]!r}\n")
                titles.append(label_word(v))
            df = pl.data(f"ulpg_{act}_{direction}.csv", "\n\n".join(blocks))
            made.append(pl.run("ulp_grid.gp", f"ulp_grid_{act}_{direction}.svg", datafile=df,
                               name=f"{act} {direction}", titles=" ".join(titles), nblocks=len(titles),
                               floor=ULP_FLOOR))
    return [m for m in made if m]


# ---------------------------------------------------------------------------- report text

def md_table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in rows:
        out.append("| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in r) + " |")
    return "\n".join(out) + "\n"


def code(s):
    return f"`{s}`" if s not in (None, "") else "—"


def recommend(actbench, results, act, direction):
    """`actbench recommend --format json` (schema actbench-recommend/1), or None."""
    if not actbench:
        return None
    p = subprocess.run([actbench, "recommend", "--activation", act, "--direction", direction,
                        "--format", "json", "--results", results], capture_output=True, text=True)
    if p.returncode != 0:
        return None
    return json.loads(p.stdout)


def pick_cell(c):
    if not c:
        return "none qualifies"
    t = c.get("ns_per_element")
    return f"{c['variant']}: max {fnum(c.get('max_ulp'))} ULP ({c['accuracy_source']})" + (
        f", {fnum(t)} ns/element" if t is not None else "")


def recommend_picks(doc):
    """need -> pick cell, from `actbench recommend --format json`."""
    return {a["need"]: pick_cell(a["pick"]) for a in (doc or {}).get("answers", [])}


def recommend_table(doc):
    rows = [[a["need"], pick_cell(a["pick"]), a["trade"]] for a in doc.get("answers", [])]
    return md_table(["need", "pick", "trade"], rows)


def class_summary(cls):
    return ", ".join(f"{CLASS_SHORT[c]} {n}" for c, n in cls.items()) or "none"


def accuracy_table(res, act, direction):
    rows = []
    for v in res.variants(act, direction):
        s = res.acc.get((act, v, direction))
        e = res.exh.get((act, v, direction))
        r = e or s
        if r is None:
            continue
        cls = res.classes(r)
        bound = ffloat(r.get("bound_max_ulp") or (s or {}).get("bound_max_ulp"))
        within = r.get("within_bound", "")
        if e and not within and bound is not None and ffloat(e.get("max_ulp")) is not None:
            # a summary.csv-only row has no verdict: the max against the declared bound still decides "no"
            within = "no" if ffloat(e["max_ulp"]) > bound else "—"
        rows.append([
            v, r.get("isa") or (s or {}).get("isa", ""),
            fnum(ffloat(e["max_ulp"])) if e else "—",
            fnum(ffloat(s["max_ulp"])) if s else "—",
            code(r.get("worst_x")), code(r.get("worst_y")), code(r.get("worst_cr")),
            fnum(ffloat(r.get("mean_ulp"))), fnum(ffloat(r.get("pct_correctly_rounded")), 4),
            r.get("count_gt_1ulp", ""), class_summary(cls),
            ("not measured" if bound is not None and bound >= PLACEHOLDER_BOUND else fnum(bound)),
            within or "—",
        ])
    if not rows:
        return ""
    hdr = ["variant", "ISA", "max ULP (exhaustive)", "max ULP (sampled)", "worst x", "returns",
           "correctly rounded", "mean ULP", "% CR", "> 1 ULP", "error classes", "declared bound",
           "within bound"]
    return md_table(hdr, rows)


def speed_table(res, act, direction):
    if not res.dists:
        return ""
    d0 = res.dists[0]
    hdr = ["variant", "ISA"] + [f"{s} ticks/elem" for s in res.sizes]
    hdr += [f"{d} L1" for d in res.dists[1:]] + ["× naive (L1)", "× copy (L1)", "core cycles/elem (L1, est.)"]
    peer_t = [res.ticks(act, v, direction, "L1", d0)[0] for v in res.variants(act, direction) if is_peer(v)]
    peer_t = [t for t in peer_t if valid_ticks(t)]
    fastest_peer = min(peer_t) if peer_t else None
    with_bound = bool(res.portbound)
    if fastest_peer is not None:
        hdr.append("× fastest peer (L1)")
    if with_bound:
        hdr.append("× port bound (L1)")
    extra = (1 if fastest_peer is not None else 0) + (1 if with_bound else 0)
    rows = []
    unstable_seen = False
    for v in res.variants(act, direction) + ["copy"]:
        cells, any_row = [], None
        for s in res.sizes:
            if v == "copy":
                t = res.copy_ticks(direction, s, d0)
                cells.append(fnum(t))
                continue
            t, r = res.ticks(act, v, direction, s, d0)
            if r is None:
                cells.append("—")
                continue
            any_row = any_row or r
            mark = ""
            if r.get("unstable") == "1":
                mark, unstable_seen = " ~", True
            if not valid_ticks(t):
                mark += " (invalid)"
            cells.append(fnum(t) + mark)
        if v == "copy":
            rows.append(["copy (memory ceiling)", ""] + cells + ["" for _ in res.dists[1:]] + ["", "1", ""]
                        + [""] * extra)
            continue
        if any_row is None:
            continue
        for d in res.dists[1:]:
            t, r = res.ticks(act, v, direction, "L1", d)
            cells.append("—" if r is None else fnum(t) + (" ~" if r.get("unstable") == "1" else "")
                         + ("" if valid_ticks(t) else " (invalid)"))
        t1, r1 = res.ticks(act, v, direction, "L1", d0)
        if not valid_ticks(t1):
            r1 = None
        rows.append([v, any_row.get("isa", "")] + cells + [
            fnum(ffloat(r1.get("ratio_to_naive"))) if r1 else "—",
            fnum(ffloat(r1.get("ratio_to_copy"))) if r1 else "—",
            fnum(ffloat(r1.get("core_cycles_per_elem_est"))) if r1 else "—"])
        if fastest_peer is not None:
            rows[-1].append(fnum(t1 / fastest_peer) if r1 else "—")
        if with_bound:
            pb = res.port_bound_ticks(act, v, direction)
            rows[-1].append(fnum(t1 / pb) if r1 and pb else "—")
    if len(rows) <= 1:
        return ""
    note = (f"Median TSC ticks per element, distribution {d0} unless the column says otherwise. "
            "× naive and × copy are time ratios measured in the same run.")
    if fastest_peer is not None:
        note += (" × fastest peer = this row's L1 time ÷ the fastest peer's L1 time (below 1: faster than "
                 "every peer).")
    if with_bound:
        note += (" × port bound = L1 time ÷ the llvm-mca estimate of the main loop's port-throughput bound "
                 "(results/portbound.csv, converted to TSC ticks with the machine's core cycles per tick): "
                 "avx2 kernels only; 1 would mean the ports are saturated, and values below 1 are possible "
                 "since the model is Zen 3, not this CPU.")
    if unstable_seen:
        note += " `~` marks an unstable row (dispersion ≥ 5 %)."
    return md_table(hdr, rows) + "\n" + note + "\n"


def accuracy_findings(res, act, direction):
    out = []
    for v in res.variants(act, direction):
        r, src = res.best_acc(act, v, direction)
        if r is None:
            continue
        mu = ffloat(r.get("max_ulp"))
        inputs = r.get("inputs", "")
        cls = res.classes(r)
        what = (f"over all {inputs} inputs of the exhaustive sweep" if src == "exhaustive"
                else f"on the {inputs} sampled inputs")
        if mu is not None and mu <= 0.5 and not cls:
            pct = ffloat(r.get("pct_correctly_rounded"))
            if pct is not None and pct >= 100.0:
                out.append(f"**{v}** is correctly rounded {what}.")
            else:
                out.append(f"**{v}** stays within {fnum(mu)} ULP {what} "
                           f"({fnum(pct, 4)} % bitwise correctly rounded).")
        elif mu is not None and r.get("worst_x"):
            s = (f"**{v}**: max error {fnum(mu)} ULP {what}, at x = `{r['worst_x']}`: it returns "
                 f"`{r['worst_y']}` where the correctly rounded value is `{r['worst_cr']}`")
            n1 = fint(r.get("count_gt_1ulp"))
            if n1:
                s += f"; {n1} inputs are off by more than 1 ULP"
            out.append(s + ".")
        for c, text in CLASSES:
            n = cls.get(c)
            if not n:
                continue
            ex = r.get(c + "_example_x")
            if not ex:
                srow = res.acc.get((act, v, direction))
                ex = srow.get(c + "_example_x") if srow else ""
            s = f"**{v}** {text} on {n} inputs"
            if ex:
                s += f", e.g. x = `{ex}`"
                if ex == r.get("worst_x") and r.get("worst_cr"):
                    s += f" (the worst case above; correctly rounded value `{r['worst_cr']}`)"
            out.append(s + ".")
        e = res.exh.get((act, v, direction))
        s_ = res.acc.get((act, v, direction))
        if e and s_:
            me, ms = ffloat(e.get("max_ulp")), ffloat(s_.get("max_ulp"))
            if me is not None and ms is not None and me > ms:
                out.append(f"**{v}**: the exhaustive sweep finds a larger error than sampling "
                           f"({fnum(me)} ULP at x = `{e.get('worst_x')}` against {fnum(ms)} ULP sampled).")
        if r.get("within_bound") == "no":
            out.append(f"**{v}** exceeds its declared bound ({fnum(ffloat(r.get('bound_max_ulp')))} ULP, "
                       f"or an error class it does not declare).")
    return out


def speed_findings(res, act, direction):
    out = []
    if not res.dists or not res.sizes:
        return out
    d0 = res.dists[0]
    size = "L1" if "L1" in res.sizes else res.sizes[0]
    n = res.size_n.get(size, ("?", "?"))[0]
    timed = {}
    for v in res.variants(act, direction):
        t, r = res.ticks(act, v, direction, size, d0)
        if r is not None and valid_ticks(t):
            timed[v] = t
        elif r is not None:
            out.append(f"**{v}** has an invalid timing at {size} (median {fnum(t)} ticks/element): "
                       "its figures are left out of ratios and graphs.")
    if not timed:
        return out
    where = f"at {size} (n = {n}, {d0})"
    fastest = min(timed, key=timed.get)
    s = f"Fastest {where}: **{fastest}**, {fnum(timed[fastest])} TSC ticks/element"
    if "naive" in timed and fastest != "naive":
        s += f", {fnum(timed['naive'] / timed[fastest])}× faster than naive"
    out.append(s + ".")
    ours = {v: t for v, t in timed.items() if not is_peer(v)}
    peers = {v: t for v, t in timed.items() if is_peer(v)}
    if ours and peers:
        bo = min(ours, key=ours.get)
        bp = min(peers, key=peers.get)
        r = ours[bo] / peers[bp]
        rel = f"{fnum(1 / r)}× faster than" if r < 1 else (f"{fnum(r)}× slower than" if r > 1 else "as fast as")
        out.append(f"Our fastest, **{bo}**, is {rel} the fastest peer, **{bp}** ({where}).")
    # accuracy-qualified speed: the fastest within 2 ULP, against naive
    ok2 = {v: t for v, t in timed.items()
           if (res.max_ulp(act, v, direction) or math.inf) <= 2
           and not res.classes(res.best_acc(act, v, direction)[0] or {})}
    if ok2:
        b2 = min(ok2, key=ok2.get)
        if b2 != fastest:
            out.append(f"The fastest with max ≤ 2 ULP and no NaN/inf/flush/sign errors is **{b2}**, "
                       f"{fnum(ok2[b2] / timed[fastest])}× the time of the fastest overall.")
    # branch sensitivity: the same kernel on another distribution
    if len(res.dists) > 1:
        for v in timed:
            t2, r2 = res.ticks(act, v, direction, size, res.dists[1])
            if valid_ticks(t2):
                ratio = t2 / timed[v]
                if ratio > 1.25 or ratio < 0.8:
                    out.append(f"**{v}** takes {fnum(ratio)}× the time on {res.dists[1]} as on {d0} "
                               f"({where.split(' (')[0]}): its cost depends on the data.")
    big = res.sizes[-1]
    if big != size:
        tb = {v: res.ticks(act, v, direction, big, d0)[0] for v in timed}
        tb = {v: t for v, t in tb.items() if valid_ticks(t)}
        c = res.copy_ticks(direction, big, d0)
        if tb and valid_ticks(c):
            fb = min(tb, key=tb.get)
            out.append(f"At {big} (n = {res.size_n.get(big, ('?',))[0]}) the fastest, **{fb}**, takes "
                       f"{fnum(tb[fb] / c)}× the time of the copy kernel (the memory ceiling).")
    unstable = sum(1 for k, r in res.perf.items() if k[0] == act and k[2] == direction and r.get("unstable") == "1")
    if unstable:
        out.append(f"{unstable} timing rows of this activation and direction are unstable "
                   "(dispersion ≥ 5 %): marked `~`.")
    return out


# Row kernels: their accuracy is per element of a vector, sampled only (no exhaustive sweep).
ROW_ACTIVATIONS = ("softmax", "log_softmax")
# Issue 5: the avx2 kernels of these (built on exp, erf or tanh) must be >= 5x their naive variant.
EXP_BASED = ("sigmoid", "tanh", "elu", "selu", "gelu", "gelu_tanh", "silu", "mish", "softplus")
NAIVE_TARGET = 5.0
AVX2_ULP_TARGET = 2.0


def is_own_avx2(variant):
    return variant.startswith("avx2")


def speed_size(res):
    return "L1" if "L1" in res.sizes else (res.sizes[0] if res.sizes else None)


def avx2_speed_cells(res, act, v, direction, size, d0):
    """(ticks, fastest peer, × peer, × naive, peer verdict, naive verdict, × port bound, unstable) at size, d0."""
    t, r = res.ticks(act, v, direction, size, d0) if size and d0 else (None, None)
    if not valid_ticks(t):
        t = None
    peers = {}
    for pv in res.variants(act, direction):
        if is_peer(pv):
            pt, _ = res.ticks(act, pv, direction, size, d0)
            if valid_ticks(pt):
                peers[pv] = pt
    fp = min(peers, key=peers.get) if peers else None
    x_peer = t / peers[fp] if t is not None and fp else None
    tn, _ = res.ticks(act, "naive", direction, size, d0)
    x_naive = tn / t if t is not None and valid_ticks(tn) else None
    if t is None:
        peer_verdict = "not timed"
    elif fp is None:
        peer_verdict = "no peer"
    elif x_peer <= 1:
        peer_verdict = "met"
    else:
        peer_verdict = f"missed by {fnum(x_peer)}×"
    if act not in EXP_BASED:
        naive_verdict = "n/a"
    elif x_naive is None:
        naive_verdict = "not timed"
    elif x_naive >= NAIVE_TARGET:
        naive_verdict = "met"
    else:
        naive_verdict = f"missed ({fnum(x_naive)}×)"
    pb = res.port_bound_ticks(act, v, direction)
    x_pb = t / pb if t is not None and pb else None
    return t, fp, x_peer, x_naive, peer_verdict, naive_verdict, x_pb, bool(r and r.get("unstable") == "1")


def avx2_targets_section(res):
    """Issue 5's targets for every own avx2 kernel: accuracy from full sweeps only, speed at L1."""
    L = ["### AVX2 kernels against their targets (issue 5)\n"]
    d0 = res.dists[0] if res.dists else None
    size = speed_size(res)
    pairs = [(act, direction, v) for act in res.activations if act not in ROW_ACTIVATIONS
             for direction in DIRECTIONS for v in res.variants(act, direction) if is_own_avx2(v)]
    row_pairs = [(act, direction, v) for act in res.activations if act in ROW_ACTIVATIONS
                 for direction in DIRECTIONS for v in res.variants(act, direction) if is_own_avx2(v)]
    if not pairs and not row_pairs:
        L.append("No avx2 kernel in these results.\n")
        return "\n".join(L)
    L.append(f"Targets: max ≤ {fnum(AVX2_ULP_TARGET)} ULP over every binary32 input with no NaN/inf/flush/sign "
             "errors (from the full 2^32 sweep in results/exhaustive/summary.csv only: a kernel without one is "
             "\"not swept\", never judged on sampled inputs); at " + (size or "?") + f" ({d0 or '?'}), no slower "
             "than the fastest peer of the same activation and direction, and ≥ 5× faster than naive for the "
             "exp/erf/tanh-based activations (" + ", ".join(EXP_BASED) + "). Times are median TSC ticks per "
             "element from the same `actbench bench` run; × fastest peer = our time ÷ the fastest peer's "
             "(below 1: faster); × naive = naive's time ÷ ours; × port bound = our time ÷ the llvm-mca "
             "estimate (see Method).\n")
    with_bound = bool(res.portbound)
    hdr = ["activation", "direction", "variant", "max ULP (all 2^32)", f"≤ {fnum(AVX2_ULP_TARGET)} ULP?",
           f"{size} ticks/elem", "fastest peer", "× fastest peer", "× naive", "no slower than fastest peer",
           "≥ 5× naive"] + (["× port bound"] if with_bound else [])
    rows = []
    n_swept = n_ok = n_peer = n_peer_miss = n_exp = n_exp_miss = n_untimed = 0
    unstable = False
    misses_peer, misses_naive, not_ok = [], [], []
    for act, direction, v in pairs:
        e = res.exh.get((act, v, direction))
        if e is not None:
            n_swept += 1
            mu = ffloat(e.get("max_ulp"))
            cls = res.classes(e)
            ok = mu is not None and mu <= AVX2_ULP_TARGET and not cls
            n_ok += ok
            if not ok:
                not_ok.append(f"{act}/{v}/{direction}")
            ulp_cell = fnum(mu) + (f" ({class_summary(cls)})" if cls else "")
            ok_cell = "yes" if ok else "no"
        else:
            ulp_cell, ok_cell = "not swept", "—"
        t, fp, x_peer, x_naive, pv, nv, x_pb, uns = avx2_speed_cells(res, act, v, direction, size, d0)
        unstable |= uns
        if t is None:
            n_untimed += 1
        if fp is not None and t is not None:
            n_peer += 1
            if x_peer > 1:
                n_peer_miss += 1
                misses_peer.append(f"{act}/{v}/{direction} ({fnum(x_peer)}× {fp})")
        if act in EXP_BASED and x_naive is not None:
            n_exp += 1
            if x_naive < NAIVE_TARGET:
                n_exp_miss += 1
                misses_naive.append(f"{act}/{v}/{direction} ({fnum(x_naive)}×)")
        rows.append([act, direction, v, ulp_cell, ok_cell, (fnum(t) + (" ~" if uns else "")) if t else "—",
                     fp or "no peer", fnum(x_peer) if x_peer is not None else "—",
                     fnum(x_naive) if x_naive is not None else "—", pv, nv]
                    + ([fnum(x_pb) if x_pb is not None else "—"] if with_bound else []))
    if rows:
        L.append(md_table(hdr, rows))
        s = (f"Of {len(pairs)} avx2 kernel-directions, {n_swept} have a full 2^32 sweep and {n_ok} of those are "
             f"within {fnum(AVX2_ULP_TARGET)} ULP with no error class")
        if n_swept - n_ok:
            s += f" ({n_swept - n_ok} are not: " + ", ".join(f"`{x}`" for x in not_ok) + ")"
        s += f"; {len(pairs) - n_swept} are not swept yet. Speed: {n_peer_miss} of the {n_peer} timed with a peer " \
             f"are slower than the fastest peer"
        if misses_peer:
            s += " (" + ", ".join(misses_peer) + ")"
        s += f"; {n_exp_miss} of the {n_exp} timed exp/erf/tanh-based ones are under 5× naive"
        if misses_naive:
            s += " (" + ", ".join(misses_naive) + ")"
        s += "."
        if n_untimed:
            s += f" {n_untimed} have no valid timing at {size}."
        if unstable:
            s += " `~` marks a timing with dispersion ≥ 5 %."
        if res.machine.get("cpu", {}).get("os_avx512_state_enabled") and any(
                r[6] == "peer-xnnpack" for r in rows):
            s += (" This CPU exposes AVX-512 (machine.json) and XNNPACK picks its own kernels, so where "
                  "peer-xnnpack is the fastest peer the comparison is not AVX2 against AVX2.")
        L.append(s + "\n")
    if row_pairs:
        L.append("Row kernels (softmax, log_softmax): accuracy per element on the sampled vectors only (no "
                 "exhaustive sweep applies to them); no 5× naive target.\n")
        rr = []
        for act, direction, v in row_pairs:
            srow = res.acc.get((act, v, direction))
            mu = ffloat(srow.get("max_ulp")) if srow else None
            cls = res.classes(srow) if srow else {}
            t, fp, x_peer, x_naive, pv, _, _, uns = avx2_speed_cells(res, act, v, direction, size, d0)
            rr.append([act, direction, v, (fnum(mu) + (f" ({class_summary(cls)})" if cls else "")) if srow else "—",
                       ("yes" if mu is not None and mu <= AVX2_ULP_TARGET and not cls else "no") if srow else "—",
                       (fnum(t) + (" ~" if uns else "")) if t else "—", fp or "no peer",
                       fnum(x_peer) if x_peer is not None else "—", fnum(x_naive) if x_naive is not None else "—",
                       pv])
        L.append(md_table(["activation", "direction", "variant", "max ULP (sampled)",
                           f"≤ {fnum(AVX2_ULP_TARGET)} ULP? (sampled)", f"{size} ticks/elem", "fastest peer",
                           "× fastest peer", "× naive", "no slower than fastest peer"], rr))
    return "\n".join(L)


SWEEP_TARGET_SECONDS = 300.0  # issue 3: one activation, all implementations, forward, all 2^32 inputs


def min_sec(seconds):
    s = ffloat(seconds)
    if s is None:
        return "—"
    m, r = divmod(int(round(s)), 60)
    return f"{m}:{r:02d}"


def fastref_validation_paragraph(path):
    """What scripts/validate_fastref.sh (tests/test_fastref at full scale) found."""
    if not os.path.exists(path):
        return ("**Fast reference validation**: results/exhaustive/fastref_validation.txt is absent "
                "(scripts/validate_fastref.sh writes it; CI runs the same checks at 2^18 inputs per "
                "activation-direction).\n")
    header, per, rows, verdict, wall, fails = "", None, [], "", "", []
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# scripts/"):
                header = line[2:]
            elif line.startswith("# wall time"):
                wall = line[len("# wall time "):]
            elif line.startswith("fast reference vs MPFR,"):
                per = line.split(",")[1].split()[0]
            elif line.strip().startswith("FAIL"):
                fails.append(line.strip())
            elif line in ("ok", "FAILED"):
                verdict = line
            else:
                parts = line.split()
                if len(parts) == 9 and parts[1] in DIRECTIONS:
                    rows.append(parts)
    if not rows or not verdict:
        return f"**Fast reference validation**: {path} is incomplete (no verdict).\n"
    bound_bad = sum(int(r[2]) for r in rows)
    cr_bad = sum(int(r[3]) for r in rows)
    widest = max(rows, key=lambda r: float(r[7]))
    text = (f"**Fast reference validation** ({header}; wall time {wall}): {per} inputs per activation-direction "
            f"(half random bit patterns, half in hard regions), {len(rows)} activation-directions, each checked "
            f"against MPFR at 128 bits: {bound_bad} inputs outside the stated bound, {cr_bad} disagreements on the "
            f"correctly rounded value, {len(fails)} failures in all ({verdict}); the widest bound is "
            f"{widest[7]} ULP of f ({widest[0]} {widest[1]}). File: results/exhaustive/fastref_validation.txt.")
    if fails:
        text += " Failures: " + "; ".join(fails) + "."
    return text + "\n"


def forward_timing_section(res):
    """Forward-only full sweeps made for issue 3's timing target
    (scripts/sweep.sh --direction forward --output results/forward-timing ACT):
    their wall time against 5 minutes, and their figures against the
    forward rows of the main sweep (the same inputs: they must agree)."""
    p = os.path.join(res.dir, "forward-timing", "exhaustive", "summary.csv")
    if not os.path.exists(p):
        return ""
    runs = {}
    for r in read_csv(p):
        if is_full_sweep(r) and r.get("direction") == "forward":
            runs.setdefault((r["activation"], r.get("date", ""), r.get("wall_seconds", "")), []).append(r)
    if not runs:
        return ""
    rows = []
    close = []  # met, but by less than 10 %: timing noise on a shared machine can decide it
    for (act, date, wall), items in sorted(runs.items()):
        fwd_all = {k[1] for k in res.acc_order if k[0] == act and k[2] == "forward"}
        have = {r["variant"] for r in items}
        w_s = ffloat(wall)
        if not fwd_all <= have or w_s is None:
            target = "— (not all implementations)"
        else:
            target = "met" if w_s < SWEEP_TARGET_SECONDS else f"missed ({fnum(w_s / SWEEP_TARGET_SECONDS)}× 5 min)"
            if 0.9 * SWEEP_TARGET_SECONDS <= w_s < SWEEP_TARGET_SECONDS:
                close.append(f"{act} ({fnum(100 * (1 - w_s / SWEEP_TARGET_SECONDS))} % under)")
        differ = []
        for r in items:
            m = res.exh.get((act, r["variant"], "forward"))
            if m is None:
                differ.append(f"{r['variant']} (no main sweep)")
            elif (m.get("max_ulp"), m.get("worst_x")) != (r.get("max_ulp"), r.get("worst_x")):
                differ.append(r["variant"])
        ips = ffloat(items[0].get("inputs_per_second"))
        rows.append([act, str(len(items)), min_sec(wall), target, fnum(ips / 1e6) if ips else "—",
                     items[0].get("threads", ""), "yes" if not differ else "**no**: " + ", ".join(differ),
                     date or "—"])
    return ("Forward-only runs of all of an activation's implementations, for the 5-minute target "
            "(`scripts/sweep.sh --direction forward --output results/forward-timing ACTIVATION`; files in "
            "results/forward-timing/exhaustive/). They sweep the same inputs as the forward rows above, with "
            "the code of their own date, so their max ULP and worst input must be the same:\n\n"
            + md_table(["activation", "implementations", "wall time (min:s)", "< 5 min", "inputs/s (×10^6)",
                        "threads", "same max ULP and worst x as the main sweep", "date (UTC)"], rows)
            + ("" if not close else
               "\nMet by a small margin: " + ", ".join(close) + ". The machine is a shared virtual machine whose "
               "wall times vary from run to run, so a rerun of the same binary can land on either side of 5 minutes.\n"))


def exhaustive_section(res):
    """Issue 3: which full sweeps exist, what they cost, what is missing."""
    L = ["### Exhaustive sweeps (issue 3)\n"]
    runs = {}  # one run of `actbench accuracy --exhaustive` = one activation, date and wall time
    for (act, v, direction), r in res.exh.items():
        key = (act, r.get("date", ""), r.get("wall_seconds", ""))
        runs.setdefault(key, []).append((v, direction, r))
    if runs:
        L.append("Full-range binary32 sweeps (every bit pattern 0x00000000–0xffffffff, forward and/or "
                 "derivative as listed) in results/exhaustive/summary.csv, one row per run of "
                 "`actbench accuracy --exhaustive` (scripts/sweep.sh: one run per activation). Wall time is the "
                 "whole run, all its pairs; inputs/s = 2^32 ÷ wall time (bit patterns per second, each evaluated "
                 "by every pair of the run). Issue 3's target is a run of all the activation's implementations "
                 "(those of accuracy.csv), forward, under 5 minutes; a run that includes the derivative and stays "
                 "under 5 minutes meets it a fortiori, one that takes longer does not decide it. Fallbacks = inputs "
                 "the fast reference could not decide and MPFR did; re-evaluations = worst cases re-evaluated in "
                 "MPFR before being written. Their max ULP replaces the sampled one in every \"max ULP\" column of this report (the per-activation "
                 "tables show both).\n")
        rows = []
        for (act, date, wall), items in sorted(runs.items(), key=lambda kv: (
                res.activations.index(kv[0][0]) if kv[0][0] in res.activations else 99, kv[0][1])):
            r0 = items[0][2]
            variants = []
            for v, _, _ in items:
                if v not in variants:
                    variants.append(v)
            dirs = [d for d in DIRECTIONS if any(x[1] == d for x in items)]
            in_run = fint(r0.get("pairs_in_sweep"))
            pairs = f"{len(variants)} × {len(dirs)} = {len(items)}"
            if in_run and in_run != len(items):
                pairs += f" (of {in_run} in the run; the others were re-swept later)"
            ips = ffloat(r0.get("inputs_per_second"))
            # issue 3's target: all implementations of the activation, forward, under 5 minutes
            fwd_all = {k[1] for k in res.acc_order if k[0] == act and k[2] == "forward"}
            fwd_run = {v for v, d, _ in items if d == "forward"}
            w_s = ffloat(wall)
            if in_run and in_run != len(items):
                target = "— (run partly re-swept since)"
            elif not fwd_all or not fwd_all <= fwd_run or w_s is None:
                target = "— (not all implementations)"
            elif w_s < SWEEP_TARGET_SECONDS:
                target = "met" + (" (with the derivative too)" if len(dirs) == 2 else "")
            elif len(dirs) == 1:
                target = f"missed ({fnum(w_s / SWEEP_TARGET_SECONDS)}× 5 min)"
            else:
                target = "— (run includes the derivative)"
            rows.append([act, pairs, ", ".join(variants), "/".join(dirs), min_sec(wall), target,
                         fnum(ips / 1e6) if ips else "—", r0.get("threads", ""),
                         sum(fint(x[2].get("fallbacks")) for x in items),
                         sum(fint(x[2].get("worst_reevals")) for x in items), date or "—"])
        L.append(md_table(["activation", "implementations × directions", "implementations", "directions",
                           "wall time (min:s)", "all impl., forward, < 5 min", "inputs/s (×10^6)", "threads",
                           "MPFR fallbacks", "worst-case re-evaluations", "date (UTC)"], rows))
        # MPFR costs ~1-2 µs per value here: above ~10^8 calls it, not the fast path, sets the wall time.
        heavy = [f"{r[0]} ({r[8] + r[9]:.3g} MPFR evaluations)" for r in rows if r[8] + r[9] > 1e8]
        if heavy:
            L.append("Runs whose wall time went mostly to MPFR (fallbacks + re-evaluations, ~1–2 µs each): "
                     + "; ".join(heavy) + ". Their wall time says what that run cost, not what the fast "
                     "path of the sweep costs.\n")
    else:
        L.append("No full-range binary32 sweep in this results directory (results/exhaustive/summary.csv "
                 "absent or without a 0x00000000:0xffffffff row): every max ULP below is sampled.\n")
    ft = forward_timing_section(res)
    if ft:
        L.append(ft)
    # what is not swept: the elementwise implementations of accuracy.csv without a full sweep
    missing = {}
    for act, v, direction in res.acc_order:
        if act in ROW_ACTIVATIONS or (act, v, direction) in res.exh:
            continue
        missing.setdefault(act, {}).setdefault(v, []).append(direction)
    if missing:
        parts = []
        for act, vs in missing.items():
            n_pairs_act = sum(1 for k in res.acc_order if k[0] == act)
            if sum(len(ds) for ds in vs.values()) == n_pairs_act:
                parts.append(f"{act} (all {n_pairs_act} of its implementation-directions)")
                continue
            groups = []
            for label, want in (("both directions", DIRECTIONS), ("forward", ["forward"]),
                                ("derivative", ["derivative"])):
                names = [v for v, ds in vs.items() if sorted(ds) == sorted(want)]
                if names:
                    groups.append(", ".join(names) + f" ({label})")
            parts.append(f"{act}: " + "; ".join(groups))
        n_pairs = sum(len(ds) for vs in missing.values() for ds in vs.values())
        L.append(f"**Not swept yet** ({n_pairs} elementwise implementation-directions of accuracy.csv; their max "
                 "ULP in this report is the sampled one): " + " — ".join(parts) + ".\n")
    elif res.acc:
        L.append("Every elementwise implementation-direction of accuracy.csv has a full sweep.\n")
    L.append(fastref_validation_paragraph(os.path.join(res.dir, "exhaustive", "fastref_validation.txt")))
    if res.exh_anomalies:
        L.append("**Inconsistent sweep files** (results/exhaustive/): " + "; ".join(res.exh_anomalies) + ".\n")
    if res.exh_other:
        rows = [[r["activation"], r["variant"], r["direction"], r.get("format", ""),
                 f"{r.get('range_lo', '')}–{r.get('range_hi', '')}", r.get("inputs", ""),
                 fnum(ffloat(r.get("max_ulp"))), code(r.get("worst_x"))] for r in res.exh_other]
        L.append("Partial-range or 16-bit-format sweeps (listed, not merged into the binary32 tables):\n")
        L.append(md_table(["activation", "variant", "direction", "format", "bit patterns", "inputs", "max ULP",
                           "worst x"], rows))
    return "\n".join(L)


def machine_section(res):
    m = res.machine
    if not m:
        return "machine.json is missing.\n"
    cpu, hv, ca, ti, bu = (m.get(k, {}) for k in ("cpu", "hypervisor", "caches", "timer", "build"))
    libs = m.get("libraries", {})
    ker = m.get("kernel", {})
    rows = [
        ["CPU", f"{cpu.get('vendor', '')} {cpu.get('model', '')}, {cpu.get('logical_pus', '?')} logical PUs"],
        ["Hypervisor", (hv.get("vendor") or "yes") if hv.get("present") else "none detected"],
        ["Caches (hwloc, pinned PU)", f"L1d {ca.get('l1d_bytes', '?')} B, L2 {ca.get('l2_bytes', '?')} B, "
                                      f"L3 {ca.get('l3_bytes', '?')} B" + (f" — {ca['note']}" if ca.get("note") else "")],
        ["Timer", f"{ti.get('clock', '')}; TSC {fnum((ti.get('tsc_hz') or 0) / 1e9, 4)} GHz "
                  f"({ti.get('tsc_hz_source', '')}); invariant TSC: {ti.get('invariant_tsc')}"],
        ["Core cycles", f"{ti.get('cycle_source', '')}: {fnum(ti.get('core_cycles_per_tsc_tick'), 3)} core cycles "
                        f"per TSC tick" + (f" (perf_event: {ti['perf_event_error']})" if ti.get("perf_event_error") else "")],
        ["Compiler", f"{bu.get('compiler', '')}, flags `{(bu.get('c_flags') or '').strip()}`"],
        ["Libraries", ", ".join(f"{k} {v}" for k, v in libs.items())],
        ["Kernel", f"{ker.get('sysname', '')} {ker.get('release', '')} {ker.get('machine', '')}"],
        ["Date (UTC)", m.get("date_utc", "")],
        ["Command", "`" + " ".join(m.get("command_line", [])) + "`"],
    ]
    return md_table(["", ""], rows)


def is_quick(res):
    return "--quick" in res.machine.get("command_line", []) or "-q" in res.machine.get("command_line", [])


def cli_value(res, opt, default):
    cl = res.machine.get("command_line", [])
    for i, a in enumerate(cl):
        if a == opt and i + 1 < len(cl):
            return cl[i + 1]
        if a.startswith(opt + "="):
            return a.split("=", 1)[1]
    return default


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--report", required=True)
    ap.add_argument("--actbench")
    ap.add_argument("--gnuplot")
    a = ap.parse_args()

    res = Results(a.results)
    report_dir = os.path.dirname(os.path.abspath(a.report))
    plots_dir = os.path.join(a.results, "plots")
    os.makedirs(plots_dir, exist_ok=True)
    scripts_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "plots")
    actbench = a.actbench if a.actbench and os.access(a.actbench, os.X_OK) else None

    def rel(name):
        return os.path.relpath(os.path.join(plots_dir, name), report_dir)

    work = tempfile.mkdtemp(prefix="actbench-report.")
    pl = Plotter(a.gnuplot, scripts_dir, plots_dir, work) if a.gnuplot else None
    # stale graphs from an earlier run must not survive: the report lists what exists now
    if pl:
        for f in os.listdir(plots_dir):
            if f.endswith(".svg"):
                os.remove(os.path.join(plots_dir, f))

    d0 = res.dists[0] if res.dists else None
    L = []
    w = L.append
    w("# actbench report\n")
    w("<!-- Generated by scripts/report.sh from the results directory: do not edit by hand. -->\n")
    if is_quick(res):
        w("> **This report presents a QUICK run (`actbench run --quick`: few inputs, small sizes). "
          "Its numbers only show that the pipeline works; they are not measurements to quote.**\n")
    w(f"Generated from `{os.path.relpath(os.path.abspath(a.results), report_dir)}/` "
      f"(run of {res.machine.get('date_utc', 'unknown date')}) by `scripts/report.sh`. "
      "Every number below is read from the result files or from `actbench recommend`; "
      "regenerate rather than edit.\n")
    for n in res.notes:
        w(f"> Missing data: {n}\n")
    if not pl:
        w("> gnuplot was not found: the graphs were not regenerated (install Debian `gnuplot-nox`).\n")
    if not actbench:
        w("> The actbench binary was not found ($ACTBENCH or build/actbench): recommendations omitted.\n")

    w("## Contents\n")
    w("- [Summary](#summary)\n- [Method](#method)\n- [The activations](#the-activations)")
    for act in res.activations:
        w(f"- [{act}](#{act.replace('_', '_')})")
    w("")

    # ---------------- summary
    w("## Summary\n")
    recs = {}
    for act in res.activations:
        for direction in DIRECTIONS:
            recs[(act, direction)] = recommend(actbench, a.results, act, direction)
    for direction in DIRECTIONS:
        rows = []
        for act in res.activations:
            p = recommend_picks(recs.get((act, direction)))
            if p:
                rows.append([act] + [p.get(k, "—") for k in p])
                heads = list(p)
        if rows:
            w(f"### Recommendation per activation ({direction})\n")
            w("From `actbench recommend` (speed at L1, its default distribution; max ULP from the exhaustive "
              "sweep where there is one, else sampled).\n")
            w(md_table(["activation"] + heads, rows))

    w(avx2_targets_section(res))
    w(exhaustive_section(res))

    # peers ahead of ours
    rows = []
    for act in res.activations:
        for direction in DIRECTIONS:
            ours, peers = [], []
            for v in res.variants(act, direction):
                u = res.max_ulp(act, v, direction)
                t, _ = res.ticks(act, v, direction, "L1", d0)
                if u is None:
                    continue
                (peers if is_peer(v) else ours).append((v, u, t if valid_ticks(t) else None))
            if not ours:
                continue
            best_u = min(u for _, u, _ in ours)
            for pv, pu, pt in peers:
                if pu < best_u:
                    rows.append([act, direction, pv, f"more accurate: {fnum(pu)} ULP against our best "
                                 f"{fnum(best_u)} ULP"])
                if pt is None:
                    continue
                as_good = [(v, t) for v, u, t in ours if u <= pu and t is not None]
                if as_good:
                    bv, bt = min(as_good, key=lambda x: x[1])
                    if pt < bt:
                        rows.append([act, direction, pv, f"faster: {fnum(bt / pt)}× less time than our fastest "
                                     f"at ≤ {fnum(pu)} ULP ({bv})"])
                elif ours:
                    rows.append([act, direction, pv, f"no implementation of ours is as accurate "
                                 f"({fnum(pu)} ULP)"])
    w("### Where peers beat our best\n")
    if rows:
        w("Speeds at L1, " + (d0 or "") + "; accuracy = max ULP (exhaustive where swept).\n")
        w(md_table(["activation", "direction", "peer", "how"], rows))
    else:
        w("No peer implementation is more accurate than our most accurate, or faster than our fastest of at "
          "least its accuracy, in these results.\n")

    rows, placeholders, raised = [], [], 0
    for act in res.activations:
        for direction in DIRECTIONS:
            for v in res.variants(act, direction):
                for src, r in (("exhaustive", res.exh.get((act, v, direction))),
                               ("sampled", res.acc.get((act, v, direction)))):
                    if not r:
                        continue
                    b = ffloat(r.get("bound_max_ulp"))
                    within = r.get("within_bound")
                    if src == "exhaustive" and not within:
                        # summary.csv-only row: the sampled row's declared bound against the exhaustive max
                        srow = res.acc.get((act, v, direction)) or {}
                        b = ffloat(srow.get("bound_max_ulp"))
                        mu = ffloat(r.get("max_ulp"))
                        within = "no" if b is not None and mu is not None and mu > b else ""
                    if within == "no":
                        # the sampled row is the main job's: the declaration of the report's code
                        now = ffloat((res.acc.get((act, v, direction)) or {}).get("bound_max_ulp"))
                        now_s = "same" if now is None or now == b else fnum(now)
                        if src == "exhaustive" and now_s != "same":
                            raised += 1
                        rows.append([act, v, direction, src, fnum(ffloat(r.get("max_ulp"))), fnum(b), now_s,
                                     class_summary(res.classes(r))])
                    if src == "sampled" and b is not None and b >= PLACEHOLDER_BOUND:
                        placeholders.append(f"{act}/{v}/{direction}")
    w("### Implementations that exceed their declared bound\n")
    if rows:
        w(md_table(["activation", "variant", "direction", "source", "max ULP", "declared bound",
                    "declared now (accuracy.csv)", "error classes"], rows))
        if raised:
            w(f"\"Declared bound\" is the one the run's own binary declared. For {raised} of these rows the "
              "registry's declaration was raised after the sweep to what the sweep measured (the sampled runs "
              "had missed those inputs); \"declared now\" is the declaration of the code that made "
              "accuracy.csv. The bound was wrong, not the implementation changed: the rows stay listed until "
              "the activation is swept again.\n")
    else:
        w("None: every implementation meets its declared bound (max ULP and allowed error classes) "
          "on the inputs tested.\n")
    if placeholders:
        w(f"{len(placeholders)} implementation-directions still declare a placeholder bound "
          f"(≥ {fnum(PLACEHOLDER_BOUND)} ULP, i.e. not yet measured), so \"within bound\" says nothing for them: "
          + ", ".join(f"`{p}`" for p in placeholders) + ".\n")

    # ---------------- method
    w("## Method\n")
    prec = cli_value(res, "--precision", "128")
    w(f"**Reference.** Every activation and derivative is evaluated in MPFR at {prec} bits "
      "(`--precision`) with cancellation-free formulations and rounded once to binary32; a self-check "
      "(ctest `test_reference_selfcheck`) evaluates at p and 2p bits and requires the same binary32.\n")
    w("**ULP convention** (shared/docs/accuracy.md, as Zimmermann et al. and CORE-MATH): for an exact value "
      "f ≠ 0, U(f) = 2^max(⌊log2|f|⌋ − 23, −149), U(0) = 2^−149 (the ulp of the exact value; subnormals share "
      "the floor); err = |y − f| / U(f) computed in MPFR and rounded up. A correctly rounded result has "
      "err ≤ 0.5, and a separate bitwise verdict (% CR) decides ties with the exact f. An infinite y for a "
      "finite f counts as ±2^128; ±inf for |f| ≥ 2^128 of the same sign is exact. NaN expected/unexpected, "
      "inf where finite, flush to zero (y = ±0 while |f| ≥ 2^−150), signed-zero mismatches and finite where "
      "infinite are counted apart, never hidden in the max. Derivatives are functions of their own, "
      "measured the same way against the exact derivative.\n")
    methods = {}
    for k, r in res.acc.items():
        methods.setdefault(r.get("method", ""), set()).add(fint(r.get("inputs")))
    desc = "; ".join(f"{m}: {min(v)}–{max(v)} inputs per implementation" if min(v) != max(v)
                     else f"{m}: {min(v)} inputs per implementation" for m, v in methods.items())
    w("**Inputs (sampled).** Named special inputs (±0, subnormal edges, ±FLT_MIN/MAX, ±inf, NaNs, the exp "
      "under/overflow edges, each activation's own thresholds), a dense grid over each activation's range and "
      "seeded random bit patterns over all floats; softmax and log_softmax over random vectors (spreads, ties, "
      f"−inf masks, lengths). This run: {desc or 'no accuracy data'} "
      f"(seed {cli_value(res, '--seed', '1')}).\n")
    if res.exh:
        refs = sorted({r.get("reference", "") for r in res.exh.values()})
        w("**Exhaustive sweeps** (every binary32 input, `actbench accuracy --exhaustive`, reference "
          + ", ".join(refs) + ": a fast reference with a stated bound, MPFR wherever it cannot decide, and every "
          "reported worst case re-evaluated in MPFR). Which activations and implementations are swept, the time "
          "each sweep took and its MPFR fallbacks are in [Exhaustive sweeps (issue 3)](#exhaustive-sweeps-issue-3). "
          "Their max ULP is used in preference to the sampled one; both are shown.\n")
    else:
        w("**Exhaustive sweeps**: none over the full binary32 range in this results directory; accuracy is "
          "from sampled inputs only and the ULP-over-x graphs are not drawn.\n")
    if res.perf:
        rounds = sorted({r.get("rounds", "") for r in res.perf.values()})
        sizes = ", ".join(f"{s}: n = {res.size_n[s][0]} ({res.size_n[s][1]} bytes in + out)" for s in res.sizes)
        w("**Timing protocol** (shared/docs/measurement.md): one thread pinned with hwloc, buffers first-touched "
          "after pinning, 64-byte aligned, output offset from input; TSC read with fences; warm-up; samples of "
          "at least 10^4 ticks; implementations interleaved within each round; per-call overhead removed by "
          "timing two sizes; the median over rounds is reported with its dispersion (MdAPE), and a row with "
          f"dispersion ≥ 5 % is flagged unstable. Rounds: {', '.join(rounds)}. Sizes: {sizes}. Distributions: "
          + ", ".join(res.dists) + ". A copy kernel timed at each size is the memory ceiling. TSC ticks are not "
          "core cycles; core cycles are estimated as the machine section states. Compare implementations only "
          "by ratios within this run.\n")
        w("**Peers**: single-threaded on the same pinned core, set-up (primitive or operator creation) done in "
          "the warm-up, outside the timed region. Our kernels are AVX2+FMA. oneDNN is capped at AVX2 "
          "(DNNL_MAX_CPU_ISA) so that it is compared like for like; XNNPACK picks its kernels itself and may "
          "use AVX-512 where the CPU exposes it (see the machine's CPU flags below), so its speed is not an AVX2 "
          "figure.\n")
    if res.portbound:
        pb = [r for r in res.portbound.values() if ffloat(r.get("bound_cycles_per_element"))]
        mcpus = sorted({r.get("mcpu", "") for r in pb})
        w("**Port-throughput bound** (`scripts/portbound.py`, results/portbound.csv): each of our avx2 kernels "
          "is compiled to assembly with the build's flags (gcc -S, -O2 -mavx2 -mfma), the main vectorised loop of "
          "its kernel function (the largest innermost loop that stores the output; helpers gcc did not inline "
          "are counted in place of their call) is given alone to llvm-mca 14 with -mcpu="
          + "/".join(mcpus or ["?"]) + ", and its Block RThroughput (cycles per iteration when only the execution "
          "ports limit, in the loop's steady state) divided by the elements stored per iteration is the bound "
          "in core cycles per element, converted to TSC ticks with the estimated core cycles per tick of the "
          "machine section. It is an estimate: znver3 (Zen 3) is the newest AMD model llvm-mca 14 knows, while "
          "this host reports a Zen 5 (\"Turin-like\") CPU with more and wider vector pipes, so it is not a lower "
          "bound here; it ignores latency chains, the front end, memory and the loop's tail, and the cycles per "
          f"tick are themselves estimated. {len(pb)} kernel-directions have a bound; row kernels (softmax, "
          "log_softmax) have none.\n")
    w("### Machine\n")
    w(machine_section(res))

    # ---------------- activations table
    w("## The activations\n")
    w("Definitions and properties (fixed mathematics, not results). actbench's conventions at kinks are "
      "documented in the README / docs.\n")
    w(md_table(["name", "f(x)", "f'(x)", "output range", "monotonic", "smooth", "zero-centred", "saturating",
                "bounded below", "gradient"],
               [list(r) for r in ACTIVATION_MATH if r[0] in res.activations or not res.activations]))

    # ---------------- per activation
    for act in res.activations:
        w(f"## {act}\n")
        if pl:
            c = plot_curve(pl, res, act)
            if c:
                w(f"![{act} and its derivative]({rel(os.path.basename(c))})\n")
        for direction in DIRECTIONS:
            if not res.variants(act, direction):
                continue
            w(f"### {act} — {direction}\n")
            at = accuracy_table(res, act, direction)
            if at:
                w("**Accuracy**\n")
                w(at)
            st = speed_table(res, act, direction)
            if st:
                w("**Speed**\n")
                w(st)
            if pl:
                imgs = []
                if d0 and "L1" in res.sizes:
                    p = plot_pareto(pl, res, act, direction, "L1", d0)
                    if p:
                        imgs.append(f"![{act} {direction} speed vs accuracy]({rel(os.path.basename(p))})")
                if d0 and res.sizes:
                    p = plot_cache(pl, res, act, direction, d0)
                    if p:
                        imgs.append(f"![{act} {direction} speed per cache level]({rel(os.path.basename(p))})")
                maps = plot_ulp_maps(pl, res, act, direction)
                for m in maps:
                    imgs.append(f"![{act} {direction} ULP error over x]({rel(os.path.basename(m))})")
                if imgs:
                    w("\n".join(imgs) + "\n")
                if not maps:
                    w("_No ULP-over-x graph: no exhaustive error map for this activation "
                      "(`actbench accuracy --exhaustive`)._\n")
            f = accuracy_findings(res, act, direction) + speed_findings(res, act, direction)
            if f:
                w("**Findings**\n")
                w("\n".join("- " + s for s in f) + "\n")
            rec = recs.get((act, direction))
            if rec:
                w(f"**Recommendation ({direction})** — `actbench recommend --activation {act} "
                  f"--direction {direction}`\n")
                w(recommend_table(rec))

    if pl and pl.failed:
        w("## Graphs that failed\n")
        w(md_table(["graph", "gnuplot said"], [[n, e] for n, e in pl.failed]))

    text = "\n".join(L).rstrip() + "\n"
    tmp = a.report + ".tmp"
    with open(tmp, "w") as fp:
        fp.write(text)
    os.replace(tmp, a.report)
    shutil.rmtree(work, ignore_errors=True)
    made = len(pl.made) if pl else 0
    print(f"report: wrote {a.report} ({len(res.activations)} activations, {made} graphs in {plots_dir}"
          + (f", {len(pl.failed)} graphs failed" if pl and pl.failed else "") + ")", file=sys.stderr)
    return 1 if pl and pl.failed else 0


if __name__ == "__main__":
    sys.exit(main())
