"""Our kernels against the peers, one comparison class per vector ISA.

AVX2 class: our kernels whose registry ISA is AVX2 against the peers that
ran AVX2. AVX-512 class: our AVX-512 kernels against every peer at the ISA
it ran (oneDNN uncapped and capped, XNNPACK as it chooses, ATen at its
capability, the AVX2 libraries). The ISA a peer ran is the library's own
report ("reported_isa" of `actbench list --format json`) where the list
gives one, else the registry's ISA field.

Per activation and direction a row holds our fastest kernel that is within
2 ULP with no error class (proven by a sweep of all 2^32 inputs where one
exists; a kernel known only from sampling is shown, marked, and not counted),
its time ÷ the fastest peer's on each input distribution at L1 (same run;
only valid timings) and its time ÷ its port-throughput bound. Nothing here
names a variant: kernels and peers come from the results and the registry.
"""
import os

from .fmt import CLASSES, DIRECTIONS, ffloat, fnum, fulp, is_peer, md_table

ACCURATE_ULP = 2.0  # the bound a kernel must hold to enter the table
PORT_MARK = 1.3  # above this many times its port bound, a kernel's file says why
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# (key, title, registry/reported ISA class of our kernels, which peers compete)
ISA_CLASSES = [("avx2", "AVX2", "AVX2 kernels against the peers that ran AVX2"),
               ("avx512", "AVX-512", "AVX-512 kernels against every peer at the ISA it ran")]


def isa_class(text):
    """"avx512" / "avx2" / "baseline" from an ISA name as the registry or a
    library writes it ("avx2+fma", "jit:avx512_core", "AVX512", "DEFAULT"), or None."""
    if not text:
        return None
    t = str(text).lower().replace("-", "").replace("_", "")
    if "avx512" in t:
        return "avx512"
    if "avx2" in t:
        return "avx2"
    if t in ("scalar", "default", "sse", "sse2", "sse41", "baseline"):
        return "baseline"
    return None


def peer_isa(res, act, v):
    """(class, text, source) of the ISA peer v ran for act: the library's report
    when it names an ISA; else the registry's field, unless the library picks
    its code by CPU (CPU-dependent) and the list could have said but did not:
    then the ISA is unknown (None), and the peer competes in the AVX-512 class
    only, where every peer counts."""
    rep = res.registry.reported_isa(act, v)
    c = isa_class(rep)
    if c:
        return c, rep, "library"
    if res.registry.has_reported_isa() and res.registry.cpu_dependent(act, v):
        return None, rep, "unknown"
    reg = res.registry.isa(act, v) or (res.acc.get((act, v, "forward")) or {}).get("isa")
    return isa_class(reg), reg, "registry"


def kernel_isa(res, act, v, direction):
    reg = res.registry.isa(act, v)
    if reg is None:  # a registry without this kernel: the results' own column
        reg = (res.acc.get((act, v, direction)) or res.exh.get((act, v, direction)) or {}).get("isa")
    return isa_class(reg)


def accuracy(res, act, v, direction):
    """(max ULP, "all 2^32" | "sampled", classes) of v, or None when not measured."""
    e = res.exh.get((act, v, direction))
    row, src = (e, "all 2^32") if e else (res.acc.get((act, v, direction)), "sampled")
    if row is None or ffloat(row.get("max_ulp")) is None:
        return None
    return ffloat(row.get("max_ulp")), src, res.classes(row)


def within_two_ulp(res, act, v, direction):
    a = accuracy(res, act, v, direction)
    return a if a and a[0] <= ACCURATE_ULP and not a[2] else None


def compared_dists(res):
    """The input distributions the ratios are given on: the run's first, and
    its normal distribution when it has one (else its second): at most two,
    so that tables keep to eight columns."""
    if len(res.dists) <= 2:
        return list(res.dists)
    normal = [d for d in res.dists[1:] if d.startswith("normal")]
    return [res.dists[0], (normal or res.dists[1:])[0]]


def size_label(res):
    return "L1" if "L1" in res.sizes else (res.sizes[0] if res.sizes else None)


def best_kernel(res, act, direction, cls=None, size=None):
    """Our fastest kernel of ISA class cls (any class when None) within 2 ULP with
    no error class and a valid time on every distribution at size: a swept one
    when any is, else a sampled one. (variant, (max ULP, source, classes)) or None."""
    size = size or size_label(res)
    found = []
    for v in res.variants(act, direction):
        if is_peer(v) or (cls and kernel_isa(res, act, v, direction) != cls):
            continue
        a = within_two_ulp(res, act, v, direction)
        times = [res.time(act, v, direction, size, d) for d in compared_dists(res)]
        if a and times and all(times):
            found.append((a[1] != "all 2^32", times[0], v, a))
    if not found:
        return None
    found.sort()
    return found[0][2], found[0][3]


def fastest_peer(res, act, direction, dist, size, cls=None):
    """(variant, time) of the fastest peer with a valid time; for the AVX2 class
    only the peers that ran AVX2."""
    best = None
    for v in res.variants(act, direction):
        if not is_peer(v) or (cls == "avx2" and peer_isa(res, act, v)[0] != "avx2"):
            continue
        t = res.time(act, v, direction, size, dist)
        if t and (best is None or t < best[1]):
            best = (v, t)
    return best


def kernel_source(act, v):
    """impls/<activation>/<variant, '-' as '_'>.c of this checkout, or None (a plugin's kernel)."""
    rel = os.path.join("impls", act, v.replace("-", "_") + ".c")
    return rel if os.path.exists(os.path.join(ROOT, rel)) else None


def port_ratio(res, act, v, direction):
    """v's time at the report's size on the run's first distribution ÷ its port-throughput bound, or None."""
    t, pb = res.time(act, v, direction, size_label(res)), res.port_bound(act, v, direction)
    return t / pb if t and pb else None


def port_cell(res, act, v, direction):
    """"1.1×", or above PORT_MARK "**1.8×**" and the file whose opening comment says why."""
    r = port_ratio(res, act, v, direction)
    if r is None:
        return "—"
    if r <= PORT_MARK:
        return f"{fnum(r)}×"
    src = kernel_source(act, v)
    return f"**{fnum(r)}×**" + (f" (why: `{src}`)" if src else "")


def ratio_cell(r, peer, unit):
    if r is None or not peer:
        return "no peer"
    return f"{fnum(r)}× (`{peer[0]}` {fnum(peer[1])} {unit})"


def class_rows(res, cls):
    """One entry per activation x direction where we have a kernel of class cls."""
    size, unit = size_label(res), res.time_unit.split("/")[0]
    out = []
    for act in res.activations:
        for direction in DIRECTIONS:
            ours = [v for v in res.variants(act, direction)
                    if not is_peer(v) and kernel_isa(res, act, v, direction) == cls]
            if not ours:
                continue
            best = best_kernel(res, act, direction, cls, size)
            entry = {"act": act, "direction": direction, "best": best, "ratios": {}, "peers": {}}
            if best:
                v = best[0]
                for d in compared_dists(res):
                    t, p = res.time(act, v, direction, size, d), fastest_peer(res, act, direction, d, size, cls)
                    entry["peers"][d] = p
                    entry["ratios"][d] = t / p[1] if p else None
                entry["time"] = res.time(act, v, direction, size, res.dist0)
                entry["port"] = port_ratio(res, act, v, direction)
            out.append(entry)
    return out, size, unit


def row_cells(res, e, unit):
    if not e["best"]:
        return [e["act"], e["direction"], "none within 2 ULP with no error class", "—", "—"] + \
            ["—" for _ in compared_dists(res)] + ["—"]
    v, (m, src, _) = e["best"]
    cells = [e["act"], e["direction"], f"`{v}`" + ("" if src == "all 2^32" else " (not counted)"),
             f"{fulp(m)} ULP ({src})", f"{fnum(e['time'])} {unit}"]
    for d in compared_dists(res):
        cells.append(ratio_cell(e["ratios"][d], e["peers"][d], unit))
    cells.append(port_cell(res, e["act"], v, e["direction"]))
    return cells


def verdict(res, rows):
    """The count of proven rows at or below 1.0 on every distribution, and the misses by size."""
    proven = [e for e in rows if e["best"] and e["best"][1][1] == "all 2^32"
              and all(e["ratios"].get(d) is not None for d in compared_dists(res))]
    met = [e for e in proven if all(e["ratios"][d] <= 1.0 for d in compared_dists(res))]
    misses = []
    for e in rows:
        if not e["best"]:
            misses.append((float("inf"), f"{e['act']} {e['direction']}: no kernel within 2 ULP with no error class"))
            continue
        worst = max(((r, d) for d, r in e["ratios"].items() if r is not None), default=None)
        if worst and worst[0] > 1.0:
            extra = "" if e["best"][1][1] == "all 2^32" else ", sampled only"
            misses.append((worst[0], f"{e['act']} {e['direction']} {fnum(worst[0])}× on {worst[1]}{extra}"))
    misses.sort(key=lambda m: -m[0])
    dists = compared_dists(res)
    no_peer = sum(1 for e in rows if e["best"] and all(e["ratios"].get(d) is None for d in dists))
    unswept = sum(1 for e in rows if e["best"] and e["best"][1][1] != "all 2^32")
    return len(met), len(proven), [m[1] for m in misses], no_peer, unswept


def class_section(res, cls, title, what):
    rows, size, unit = class_rows(res, cls)
    if not rows:
        return f"### {title}\n\nNo {title} kernel of ours in these results.\n"
    met, proven, misses, no_peer, unswept = verdict(res, rows)
    dists = " and ".join(compared_dists(res))
    L = [f"### {title} class\n",
         f"{what}. **{met} of {proven}** rows proven within 2 ULP by a sweep of all 2^32 inputs take at most "
         f"1.0× the fastest peer's time on {dists}"
         + (f"; {unswept} kernel{'s are' if unswept != 1 else ' is'} within 2 ULP on sampled inputs only "
            "(not counted)" if unswept else "")
         + (f"; {no_peer} row{'s have' if no_peer != 1 else ' has'} no peer to compare with" if no_peer else "")
         + ".\n"]
    if misses:
        L.append("Misses, by how much (the worse distribution): " + "; ".join(misses) + ".\n")
    header = ["activation", "direction", "our kernel", "max ULP", f"time ({res.dist0})"] + \
        [f"ratio, {d}" for d in compared_dists(res)] + ["× port bound"]
    L.append(md_table(header, [row_cells(res, e, unit) for e in rows]))
    return "\n".join(L)


def peer_isa_table(res):
    """Which ISA each peer ran: the library's own report where it gives one."""
    groups = {}
    for act in res.activations:
        for v in res.variants(act):
            if not is_peer(v):
                continue
            rep = res.registry.reported_isa(act, v)
            key = (v, rep if rep else None, res.registry.isa(act, v) or "—")
            groups.setdefault(key, []).append(act)
    if not groups:
        return ""
    has = res.registry.has_reported_isa()
    rows = []
    for (v, rep, reg), acts in sorted(groups.items(), key=lambda kv: kv[0][0]):
        shown = rep if rep else ("not reported by the library" if has else "not reported by this actbench")
        cls = peer_isa(res, acts[0], v)[0]
        classes = ", ".join(title for key, title, _ in ISA_CLASSES if key == "avx512" or cls == key)
        mark = "†" if res.registry.cpu_dependent(acts[0], v) else ""
        rows.append([f"`{v}`{mark}", shown, reg, classes, ", ".join(acts)])
    return ("Which ISA each peer ran, as the library reports it (`actbench list --format json`, field "
            "`reported_isa`), next to the ISA its registry entry declares, and the comparison classes it "
            "competes in. Where the library reports none, the registry's ISA is what it runs (fixed entry "
            "points), unless the library picks its code by CPU (†): then its ISA is unknown and it competes "
            "in the AVX-512 class only:\n\n"
            + md_table(["peer", "ISA reported by the library", "ISA in the registry", "classes", "activations"],
                       rows))


def kernels_section(res):
    """REPORT.md's kernel tables: both comparison classes and the peers' ISAs."""
    size = size_label(res)
    if not res.dists or size is None:
        return "## Our kernels against the fastest peer\n\nNo timings in these results: no kernel table.\n"
    L = ["## Our kernels against the fastest peer\n",
         f"Per activation and direction: our fastest kernel within 2 ULP with no error class (NaN, inf, flush, "
         f"sign), its max ULP (over all 2^32 inputs where swept), its median time at {size} on {res.dist0}, "
         f"and the **ratio** = our time ÷ the fastest peer's time at {size}, from the same run, on each input "
         f"distribution (above 1: we are slower; the peer and its time in brackets). × port bound = our time "
         f"÷ llvm-mca's port-throughput bound of the kernel's loop; **bold** above {PORT_MARK}×, with the "
         "kernel file whose opening comment says why (its \"Port bound:\" paragraph). Rows whose timing is "
         "invalid are left out.\n"]
    for cls, title, what in ISA_CLASSES:
        L.append(class_section(res, cls, title, what))
    t = peer_isa_table(res)
    if t:
        L.append(t)
    return "\n".join(L)


def class_counts(res):
    """[(title, met, proven, sampled only)] for the summary's lines."""
    out = []
    for cls, title, _ in ISA_CLASSES:
        rows, _, _ = class_rows(res, cls)
        if rows:
            met, proven, _, _, unswept = verdict(res, rows)
            out.append((title, met, proven, unswept))
    return out


def error_cell(acc):
    """"0.853 ULP, all 2^32" / "2.10e+06 ULP, sampled; flush 116"."""
    if acc is None:
        return "not measured"
    m, src, classes = acc
    short = {c: s for c, s, _ in CLASSES}
    cls = ", ".join(f"{short[c]} {n:,}" for c, n in classes.items())
    return f"{fulp(m)} ULP, {src}" + (f"; {cls}" if cls else "")


def page_table(res, act, direction):
    """An activation page's detail: every vector kernel of ours against the
    fastest peer of its class, on each distribution (no accuracy filter)."""
    size, unit = size_label(res), res.time_unit.split("/")[0]
    if size is None or not compared_dists(res):
        return ""
    titles = {cls: title for cls, title, _ in ISA_CLASSES}
    rows = []
    for v in res.variants(act, direction):
        cls = kernel_isa(res, act, v, direction)
        if is_peer(v) or cls not in titles:
            continue
        cells = [f"`{v}`", titles[cls], error_cell(accuracy(res, act, v, direction))]
        for d in compared_dists(res):
            t, p = res.time(act, v, direction, size, d), fastest_peer(res, act, direction, d, size, cls)
            cells.append(ratio_cell(t / p[1], p, unit) if t and p else ("no valid timing" if not t else "no peer"))
        cells.append(port_cell(res, act, v, direction))
        rows.append(cells)
    if not rows:
        return ""
    return (f"Each of our vector kernels against the fastest peer of its ISA class at {size} (AVX2: the peers "
            "that ran AVX2; AVX-512: every peer at the ISA it ran); ratio = our time ÷ that peer's (above 1: "
            f"we are slower); **bold** port-bound ratio: above {PORT_MARK}×, the kernel file's \"Port bound:\" "
            "paragraph says why:\n\n"
            + md_table(["kernel", "class", "max ULP"] + [f"ratio, {d}" for d in compared_dists(res)]
                       + ["× port bound"], rows))
