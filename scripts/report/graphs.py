"""The report's graphs: data files written here, drawn by the gnuplot
scripts of scripts/plots/ (SVG).

Common rules: a colour-blind-safe palette (Okabe and Ito), with dash types
and point types varied as well so that more than eight lines stay apart;
axes span the data, not more; a value far off the scale (an error over
10^9 ULP, or one implementation 1000 times worse than all the others) is
drawn at the top edge as a triangle and its true maximum is named in the
key, instead of stretching the axis. Labels of the speed-versus-accuracy
graph are placed here, each where it overlaps no other label or point.
"""
import math
import os
import subprocess

from .fmt import fnum, nbytes, valid_time

# Okabe & Ito's palette, yellow last (weakest on white).
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#000000", "#F0E442"]
ULP_FLOOR = 0.01  # 0 ULP drawn here on log axes
ULP_CAP = 1e9


class Plotter:
    def __init__(self, gnuplot, scripts_dir, plots_dir, work):
        self.gnuplot, self.scripts, self.plots, self.work = gnuplot, scripts_dir, plots_dir, work
        self.made, self.failed = [], []

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
        args.append(f"palette='{' '.join(PALETTE)}'")
        args.append(f"outfile='{out}'")
        p = subprocess.run([self.gnuplot, "-e", "; ".join(args), os.path.join(self.scripts, script)],
                           capture_output=True, text=True)
        if p.returncode != 0 or not os.path.exists(out):
            self.failed.append((outname, f"gnuplot exit {p.returncode}: " + p.stderr.strip()[-400:]))
            if os.path.exists(out):
                os.remove(out)  # a half-drawn graph must not be linked
            return None
        self.made.append(outname)
        return out

    def data(self, name, text):
        path = os.path.join(self.work, name)
        with open(path, "w") as fp:
            fp.write(text)
        return path


def word(s):
    """gnuplot's word() splits on blanks: blanks become no-break spaces."""
    return "\u00a0".join(str(s).split())


def axis_cap(maxima):
    """The top of a log ULP axis: ULP_CAP, or lower when one series is an outlier."""
    m = sorted((v for v in maxima if v is not None and math.isfinite(v)), reverse=True)
    cap = ULP_CAP
    # only an outlier among series that err: with the others at 0 it stretches nothing
    if len(m) >= 2 and m[1] > ULP_FLOOR and m[0] > 1000 * m[1]:
        cap = min(cap, max(10 * m[1], 10.0))
    return cap


def capped_blocks(series, cap):
    """series: [(title, [(x, ulp)])] -> (blocks text, titles, outliers text):
    values above cap drawn at cap, and one triangle per capped series, at its
    largest value."""
    blocks, titles, outliers = [], [], []
    for title, pts in series:
        top_x, top = max(pts, key=lambda p: p[1])
        blocks.append("".join(f"{x!r},{min(max(u, ULP_FLOOR), cap)!r}\n" for x, u in pts))
        titles.append(word(title + (f" (off scale: max {fnum(top)})" if top > cap else "")))
        if top > cap:
            outliers.append(f"{top_x!r},{cap!r}\n")
    return "\n\n".join(blocks), titles, "".join(outliers) or "nan,nan\n"


def plot_curve(pl, res, act):
    src = os.path.join(res.beside(res.dir, "curves"), act + ".csv")
    if not os.path.exists(src):
        return None
    return pl.run("curve.gp", f"curve_{act}.svg", datafile=src, name=act)


def pareto_front(points):
    """points: (time, ulp, ...) -> the Pareto-optimal ones (min time, min ulp) by time."""
    front, best = [], math.inf
    for p in sorted(points, key=lambda p: (p[0], p[1])):
        if p[1] < best:
            front.append(p)
            best = p[1]
    return front


def log_range(values, pad=0.08, min_span=0.5):
    lo, hi = math.log10(min(values)), math.log10(max(values))
    span = max(hi - lo, min_span)
    mid = (lo + hi) / 2
    return mid - span * (0.5 + pad), mid + span * (0.5 + pad)


def place_labels(points, xr, yr, width_px=560, height_px=340, char_px=5.2, line_px=11):
    """Label positions (x, y, text, 'left'|'right') in data coordinates, each
    chosen among offsets around its point so that it overlaps no placed label
    and no point, if possible (else the least overlapping)."""
    def to_px(x, y):
        return ((math.log10(x) - xr[0]) / (xr[1] - xr[0]) * width_px,
                (math.log10(y) - yr[0]) / (yr[1] - yr[0]) * height_px)

    def to_data(px, py):
        return (10 ** (xr[0] + px / width_px * (xr[1] - xr[0])), 10 ** (yr[0] + py / height_px * (yr[1] - yr[0])))

    pts_px = [to_px(p[0], p[1]) for p in points]
    boxes = [(x - 4, y - 4, x + 4, y + 4) for x, y in pts_px]
    offsets = [(7, 3), (7, -10), (-7, 3), (-7, -10), (7, 13), (-7, 13), (7, -20), (-7, -20), (7, 24), (-7, 24),
               (7, -31), (-7, -31)]
    out = []

    def overlap(b):
        return sum(max(0, min(b[2], o[2]) - max(b[0], o[0])) * max(0, min(b[3], o[3]) - max(b[1], o[1]))
                   for o in boxes) + (1e6 if b[0] < 0 or b[2] > width_px or b[1] < 0 or b[3] > height_px else 0)

    order = sorted(range(len(points)), key=lambda i: pts_px[i])
    for i in order:
        (px, py), text = pts_px[i], points[i][2]
        w = len(text) * char_px
        best = None
        for dx, dy in offsets:
            x0 = px + dx if dx > 0 else px + dx - w
            box = (x0, py + dy, x0 + w, py + dy + line_px)
            cost = overlap(box)
            if best is None or cost < best[0]:
                best = (cost, box, dx)
            if cost == 0:
                break
        _, box, dx = best
        boxes.append(box)
        anchor_x = box[0] if dx > 0 else box[2]
        x, y = to_data(anchor_x, box[1] + line_px / 2)
        out.append((x, y, text, "left" if dx > 0 else "right"))
    return out


def plot_pareto(pl, res, act, direction, size, dist):
    pts = []
    for v in res.variants(act, direction):
        t, u = res.time(act, v, direction, size, dist), res.max_ulp(act, v, direction)
        if not valid_time(t) or u is None or not math.isfinite(u):
            continue
        row, _ = res.best_acc(act, v, direction)
        mark = "†" if res.registry.cpu_dependent(act, v) else ""
        pts.append((t, max(u, ULP_FLOOR), v + mark, 1 if res.classes(row) else 0))
    if not pts:
        return None
    cap = ULP_CAP
    shown = [(t, min(u, cap), v, c, u > cap) for t, u, v, c in pts]
    xr = log_range([p[0] for p in shown])
    yr = log_range([p[1] for p in shown] + [ULP_FLOOR * 2], pad=0.12)
    labels = place_labels([(t, u, v) for t, u, v, _, _ in shown], xr, yr)
    pf = pl.data(f"pareto_{act}_{direction}.csv",
                 "".join(f"{t!r},{u!r},{c},{int(off)}\n" for t, u, _, c, off in shown))
    ff = pl.data(f"front_{act}_{direction}.csv",
                 "".join(f"{t!r},{min(u, cap)!r}\n" for t, u, _, _ in pareto_front(pts)))
    lf = pl.data(f"labels_{act}_{direction}.csv",
                 "".join(f"{x!r},{y!r},\"{text}\",{int(a == 'left')}\n" for x, y, text, a in labels))
    return pl.run("pareto.gp", f"pareto_{act}_{direction}.svg", pointsfile=pf, frontfile=ff, labelsfile=lf,
                  name=f"{act} {direction}: speed vs accuracy",
                  subtitle=f"{size}, inputs {dist}; max ULP over all 2^32 inputs where swept, else sampled",
                  unit=res.time_unit, floor=ULP_FLOOR, cap=cap,
                  xmin=10 ** xr[0], xmax=10 ** xr[1], ymin=10 ** yr[0], ymax=10 ** yr[1])


def plot_cache(pl, res, act, direction, dist):
    blocks, titles = [], []
    for v in res.variants(act, direction):
        lines = [f"{i},{res.time(act, v, direction, s, dist)!r}\n" for i, s in enumerate(res.sizes)
                 if valid_time(res.time(act, v, direction, s, dist))]
        if lines:
            blocks.append("".join(lines))
            titles.append(word(v + ("†" if res.registry.cpu_dependent(act, v) else "")))
    copy_lines = [f"{i},{res.copy_time(s, dist)!r}\n" for i, s in enumerate(res.sizes)
                  if valid_time(res.copy_time(s, dist))]
    if not blocks or not copy_lines:
        return None
    blocks.append("".join(copy_lines))
    titles.append(word("copy (memory ceiling)"))
    df = pl.data(f"cache_{act}_{direction}.csv", "\n\n".join(blocks))
    tics = ", ".join(f"'{s}: {nbytes(res.size_n[s][1])}' {i}" for i, s in enumerate(res.sizes))
    return pl.run("cache.gp", f"cache_{act}_{direction}.svg", datafile=df,
                  name=f"{act} {direction}: time per element at each working-set size",
                  subtitle=f"inputs {dist}; working set = input + output bytes", unit=res.time_unit,
                  titles=" ".join(titles), nblocks=len(titles), xtics_spec=f"({tics})",
                  xmax=len(res.sizes) - 1)


BINADE_TICKS = [0, -126, 127, -64, 64, -32, 32, -16, 16, -8, 8, -100, 100]  # by priority


def binade_tics(lo, hi):
    """Tic labels on the signed binade axis between lo and hi, never closer than 1/12 of it."""
    cands = [("0", 0.0)]
    for k in BINADE_TICKS:
        e = k + 127
        cands += [(f"2^{k}", e + 0.5), (f"-2^{k}", -(e + 0.5))]
    gap = (hi - lo) / 12
    kept = []
    for label, pos in cands:
        if lo <= pos <= hi and all(abs(pos - p) >= gap for _, p in kept):
            kept.append((label, pos))
    return "(" + ", ".join(f"'{label}' {pos!r}" for label, pos in sorted(kept, key=lambda t: t[1])) + ")"


def plot_ulp_maps(pl, res, act, direction):
    made = []
    binade, grid = res.exh_maps.get(act, (None, None))
    if binade and os.path.exists(binade):
        per = {}
        for r in res.read_csv(binade):
            if r["direction"] == direction and r.get("format", "binary32") == "binary32":
                e = int(r["exponent_field"])
                pos = -(e + 0.5) if r["sign"] == "-" else e + 0.5
                per.setdefault(r["variant"], []).append((pos, float(r["max_ulp"] or 0)))
        if per:
            series = []
            for v, pts in per.items():
                pts.sort()
                # steps: the last bin's right edge repeated so the last step is drawn
                series.append((v, [(p - 0.5, u) for p, u in pts] + [(pts[-1][0] + 0.5, pts[-1][1])]))
            busy = [x for _, pts in series for x, u in pts if u > ULP_FLOOR]
            lo, hi = (min(busy) - 3, max(busy) + 3) if busy else (-256, 256)
            lo, hi = max(lo, -256), min(hi, 256)
            cap = axis_cap([max(u for _, u in pts) for _, pts in series])
            ymax = 3 * min(cap, max(max(max(u for _, u in pts) for _, pts in series), ULP_FLOOR))
            text, titles, outl = capped_blocks(series, cap)
            df = pl.data(f"ulpb_{act}_{direction}.csv", text)
            of = pl.data(f"ulpb_out_{act}_{direction}.csv", outl)
            made.append(pl.run("ulp_binade.gp", f"ulp_binade_{act}_{direction}.svg", datafile=df, outliersfile=of,
                               name=f"{act} {direction}", titles=" ".join(titles), nblocks=len(titles),
                               xtics_spec=binade_tics(lo, hi), floor=ULP_FLOOR, cap=cap, ymax=ymax, xmin=lo, xmax=hi))
    if grid and os.path.exists(grid):
        per = {}
        for r in res.read_csv(grid):
            if r["direction"] == direction and r.get("format", "binary32") == "binary32":
                per.setdefault(r["variant"], []).append((float(r["x_lo"]), float(r["x_hi"]),
                                                         float(r["max_ulp"] or 0)))
        if per:
            series = []
            for v, pts in per.items():
                pts.sort()
                series.append((v, [(lo, u) for lo, _, u in pts] + [(pts[-1][1], pts[-1][2])]))
            xs = [x for _, pts in series for x, _ in pts]
            cap = axis_cap([max(u for _, u in pts) for _, pts in series])
            ymax = 3 * min(cap, max(max(max(u for _, u in pts) for _, pts in series), ULP_FLOOR))
            text, titles, outl = capped_blocks(series, cap)
            df = pl.data(f"ulpg_{act}_{direction}.csv", text)
            of = pl.data(f"ulpg_out_{act}_{direction}.csv", outl)
            made.append(pl.run("ulp_grid.gp", f"ulp_grid_{act}_{direction}.svg", datafile=df, outliersfile=of,
                               name=f"{act} {direction}", titles=" ".join(titles), nblocks=len(titles),
                               floor=ULP_FLOOR, cap=cap, ymax=ymax, xmin=min(xs), xmax=max(xs)))
    return [m for m in made if m]

