"""One page per activation (docs/report/<activation>.md): the picks of each
profile, the accuracy and speed tables (at most eight columns each), the
graphs, and the findings in short sentences."""
from . import graphs, kernels, metrics
from .fmt import (CLASSES, DIRECTIONS, class_summary, code, ffloat, fint, fnum, fulp, is_peer, md_table,
                  ratio, valid_time)
from .data import timing_valid

PLACEHOLDER_BOUND = 1e29  # a declared bound of 1e30 means "not yet measured"


def name_cell(res, act, v):
    return f"`{v}`" + ("†" if res.registry.cpu_dependent(act, v) else "")


def picks_table(res, act, direction):
    doc = res.recommend(act, direction)
    if not doc:
        return ""
    rows = []
    for a in doc["answers"]:
        p = a.get("pick")
        t = (p or {}).get("ns_per_element")
        if t is None:
            t = (p or {}).get("tsc_ticks_per_element")
        rows.append([a["need"], f"`{p['variant']}`" if p else "none",
                     f"{fnum(t)} {res.time_unit}" if p and t is not None else "—",
                     f"{fulp(p['max_ulp'])} ULP" if p else "—", a["trade"]])
    where = f"at {doc['size']}, inputs {doc['distribution']}" if doc.get("size") else "no timings"
    return (f"Picks of `actbench recommend -a {act} --direction {direction}` ({where}):\n\n"
            + md_table(["need", "pick", "time", "max ULP", "trade"], rows))


def accuracy_tables(res, act, direction):
    main, detail = [], []
    for v in res.variants(act, direction):
        s, e = res.acc.get((act, v, direction)), res.exh.get((act, v, direction))
        r = e or s
        if r is None:
            continue
        inputs = "all 2^32" if e else f"{fint(s.get('inputs'))} sampled"
        pct = r.get("pct_cr") or r.get("pct_correctly_rounded")
        main.append([name_cell(res, act, v), r.get("isa") or (s or {}).get("isa", ""), fulp(r.get("max_ulp")),
                     inputs, code(r.get("worst_x")), code(r.get("worst_y")), code(r.get("worst_cr")),
                     f"{fnum(ffloat(pct), 4)} %" if pct else "—"])
        bound = ffloat(r.get("declared_max_ulp") or (s or {}).get("bound_max_ulp"))
        within = r.get("within_declared") or r.get("within_bound") or ""
        if e and not within and bound is not None and ffloat(e.get("max_ulp")) is not None:
            within = "no" if ffloat(e["max_ulp"]) > bound else "—"
        detail.append([name_cell(res, act, v), fnum(ffloat(r.get("mean_ulp"))),
                       str(fint(r.get("over_1ulp") or r.get("count_gt_1ulp"))), class_summary(res.classes(r)),
                       "not measured" if bound is not None and bound >= PLACEHOLDER_BOUND else fnum(bound),
                       within or "—", fulp(s.get("max_ulp")) if (e and s) else "—"])
    if not main:
        return ""
    return ("Max ULP over all 2^32 inputs where swept, else over the sampled inputs; the worst input, what "
            "the implementation returns there and the correctly rounded value, in hexadecimal:\n\n"
            + md_table(["variant", "ISA", "max ULP", "inputs", "worst x", "returns", "correctly rounded",
                        "% CR"], main)
            + "\nMean error, count above 1 ULP, error classes (counts of inputs), and the bound the "
              "implementation declares (`actbench list`):\n\n"
            + md_table(["variant", "mean ULP", "inputs > 1 ULP", "error classes", "declared max ULP",
                        "within declaration", "max ULP (sampled)"], detail))


def speed_tables(res, act, direction):
    if not res.dists:
        return ""
    d0, unit = res.dist0, res.time_unit
    size = "L1" if "L1" in res.sizes else res.sizes[0]
    peers = [res.time(act, v, direction, size) for v in res.variants(act, direction) if is_peer(v)]
    peers = [t for t in peers if valid_time(t)]
    fastest_peer = min(peers) if peers else None
    rows, unstable = [], False
    for v in res.variants(act, direction):
        cells, seen = [], False
        for s in res.sizes:
            r = res.perf_row(act, v, direction, s)
            if r is None:
                cells.append("—")
                continue
            seen = True
            mark = " ~" if r.get("unstable") == "1" else ""
            unstable |= bool(mark)
            cells.append(fnum(res.time(act, v, direction, s)) + mark if timing_valid(r) else "invalid")
        if not seen:
            continue
        t = res.time(act, v, direction, size)
        pb = res.port_bound(act, v, direction)
        rows.append([name_cell(res, act, v)] + cells + [
            ratio(t / fastest_peer) if t and fastest_peer else "—", ratio(t / pb) if t and pb else "—"])
    if not rows:
        return ""
    copy = [fnum(res.copy_time(s)) for s in res.sizes]
    rows.append(["copy (memory ceiling)"] + copy + ["", ""])
    out = (f"Median {unit} at each working-set size, inputs {d0}. × fastest peer = time ÷ the fastest peer's "
           f"time at {size}; × port bound = time ÷ the llvm-mca estimate of the loop's port-throughput bound "
           f"(both below 1: faster).{' `~`: unstable timing (high dispersion).' if unstable else ''} "
           "\"invalid\": the measurement could not be trusted (it is left out everywhere).\n\n"
           + md_table(["variant"] + [f"{s} ({unit})" for s in res.sizes]
                      + [f"× fastest peer ({size})", f"× port bound ({size})"], rows))
    if len(res.dists) > 1:
        d1 = res.dists[1]
        rows = []
        for v in res.variants(act, direction):
            t0, t1 = res.time(act, v, direction, size, d0), res.time(act, v, direction, size, d1)
            if t0 or t1:
                rows.append([name_cell(res, act, v), fnum(t0), fnum(t1), ratio(t1 / t0) if t0 and t1 else "—"])
        if rows:
            out += (f"\nSensitivity to the data, at {size}: time on {d1} ÷ time on {d0} (far from 1: the "
                    "cost depends on the values):\n\n"
                    + md_table(["variant", f"{d0} ({unit})", f"{d1} ({unit})", f"time {d1} ÷ time {d0}"], rows))
    return out


def findings(res, act, direction):
    out = []
    for v in res.variants(act, direction):
        r, src = res.best_acc(act, v, direction)
        if r is None:
            continue
        for c, short, text in CLASSES:
            n = fint(r.get(c))
            if n:
                ex = r.get(c + "_example_x") or (res.acc.get((act, v, direction)) or {}).get(c + "_example_x")
                out.append(f"`{v}` {text} on {n} input{'' if n == 1 else 's'}" + (f", e.g. x = `{ex}`" if ex else "") + ".")
        e, s = res.exh.get((act, v, direction)), res.acc.get((act, v, direction))
        if e and s:
            me, ms = ffloat(e.get("max_ulp")), ffloat(s.get("max_ulp"))
            # worth saying only where sampling clearly missed the worst inputs
            if me is not None and ms is not None and me > 1.2 * ms and me - ms > 0.1:
                out.append(f"`{v}`: the exhaustive sweep finds {fulp(me)} ULP (at x = `{e.get('worst_x')}`) "
                           f"where sampling found {fulp(ms)} ULP.")
    for v in res.variants(act, direction):
        for s in res.sizes:
            r = res.perf_row(act, v, direction, s)
            if r is not None and not timing_valid(r):
                why = r.get("invalid_reason") or f"median {r.get('ticks_per_elem_median')} ticks/element"
                out.append(f"`{v}` has no valid timing at {s} ({why}): left out of ratios, picks and graphs.")
    return out


def activation_page(res, act, pl, plot_link, report_link, docs):
    L = [f"# {act}\n", f"[Back to the report]({report_link}) · definitions: "
         f"[{docs}/activations.md]({docs}/activations.md)\n"]
    f, df = res.registry.formulas.get(act, (None, None))
    if f:
        L.append(f"f(x) = {f}; f′(x) = {df or '—'}\n")
    if any(res.registry.cpu_dependent(act, v) for v in res.variants(act)):
        L.append(f"† CPU-dependent implementation: output bits may differ on another CPU model; every figure "
                 f"here was measured on {res.cpu()}.\n")
    if pl:
        c = graphs.plot_curve(pl, res, act)
        if c:
            L.append(f"![{act} and its derivative]({plot_link(c)})\n")
    for direction in DIRECTIONS:
        if not res.variants(act, direction):
            continue
        L.append(f"## {direction.capitalize()}\n")
        for title, text in (("Picks", picks_table(res, act, direction)),
                            ("Accuracy", accuracy_tables(res, act, direction)),
                            ("Error metrics", metrics.metrics_section(res, act, direction)),
                            ("Speed", speed_tables(res, act, direction)),
                            ("Against the fastest peer of each ISA class",
                             kernels.page_table(res, act, direction))):
            if text:
                L.append(f"### {title}\n")
                L.append(text)
        if pl:
            imgs = []
            size = "L1" if "L1" in res.sizes else (res.sizes[0] if res.sizes else None)
            if size and res.dist0:
                p = graphs.plot_pareto(pl, res, act, direction, size, res.dist0)
                if p:
                    imgs.append(f"![{act} {direction}: speed vs accuracy]({plot_link(p)})")
                p = graphs.plot_cache(pl, res, act, direction, res.dist0)
                if p:
                    imgs.append(f"![{act} {direction}: time per working-set size]({plot_link(p)})")
            maps = graphs.plot_ulp_maps(pl, res, act, direction)
            imgs += [f"![{act} {direction}: ULP error over x]({plot_link(m)})" for m in maps]
            if imgs:
                L.append("### Graphs\n")
                L.append("\n\n".join(imgs) + "\n")
        fs = findings(res, act, direction)
        if fs:
            L.append("### Findings\n")
            L.append("\n".join("- " + s for s in fs) + "\n")
    return "\n".join(L)

