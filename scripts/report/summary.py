"""REPORT.md's first screens: for each activation and profile, the pick of
`actbench recommend --format json`, its time per element and its time
against the fastest peer that meets the same profile; one line per
activation on the trade between the strictest and the fastest profile."""
from . import frameworks, kernels
from .fmt import DIRECTIONS, PROFILES, fnum, fulp, md_table


def _answers(doc):
    return {a["need"]: a for a in (doc or {}).get("answers", [])}


def _time(c):
    return c.get("ns_per_element") if c.get("ns_per_element") is not None else c.get("tsc_ticks_per_element")


def _unit(c):
    return "ns" if c.get("ns_per_element") is not None else "ticks"


def _peer_part(a):
    c, peer = a["pick"], a.get("fastest_peer")
    if c.get("is_peer"):
        return " (a peer)"
    if peer and _time(c) is not None and _time(peer):
        return f", {fnum(_time(c) / _time(peer))}× peer"
    return ""


def pick_cell(a, previous=None):
    """`variant`† 0.63 ns, 0.52× peer; "same" when the previous profile's pick is the same
    (with its own × peer when that differs)."""
    c = a.get("pick") if a else None
    if not c:
        return "none meets it"
    if previous and previous.get("pick") and previous["pick"]["variant"] == c["variant"]:
        return "same" + ("" if _peer_part(a) == _peer_part(previous) else _peer_part(a))
    s = f"`{c['variant']}`" + ("†" if c.get("cpu_dependent") else "")
    t = _time(c)
    if t is not None:
        s += f" {fnum(t)} {_unit(c)}"
    return s + _peer_part(a)


def trade_line(act, doc):
    """One sentence: what the fastest profile's pick costs against the strictest's."""
    ans = _answers(doc)
    picked = [(p, ans[p]["pick"]) for p in PROFILES if ans.get(p, {}).get("pick")]
    if not picked:
        return f"**{act}**: no implementation meets any profile."
    (p0, c0), (p1, c1) = picked[0], picked[-1]
    if c0["variant"] == c1["variant"]:
        extra = "" if p0 == "strict" else f" (nothing meets the profiles before {p0})"
        return (f"**{act}**: `{c0['variant']}` is the pick of every profile it meets, max "
                f"{fulp(c0['max_ulp'])} ULP{extra}.")
    t0, t1 = _time(c0), _time(c1)
    speed = f"takes {fnum(t1 / t0)}× the time of" if t0 and t1 else "instead of"
    return (f"**{act}**: {p1}'s `{c1['variant']}` {speed} {p0}'s `{c0['variant']}`, for max "
            f"{fulp(c1['max_ulp'])} ULP instead of {fulp(c0['max_ulp'])} ULP.")


def glance(res):
    """The summary's first lines: the kernel tables' counts and the frameworks' line."""
    out = []
    for title, met, proven, unswept in kernels.class_counts(res):
        if proven:
            out.append(f"{title} kernels proven within 2 ULP by a full sweep: **{met} of {proven}** take at "
                       "most 1.0× the time of the fastest peer of their class on "
                       f"{' and '.join(kernels.compared_dists(res))}")
        else:
            out.append(f"{title} kernels: none is proven within 2 ULP by a full sweep in these results")
        more = " more" if proven else ""
        out[-1] += (f" ({unswept}{more} within 2 ULP on sampled inputs only)" if unswept else "") + \
            " ([kernel tables](#our-kernels-against-the-fastest-peer))."
    out += frameworks.glance_lines(res)
    return "At a glance:\n\n" + "\n".join("- " + g for g in out) + "\n" if out else ""


def summary_section(res, page_link, plot_link):
    """The summary, or a note when actbench could not answer."""
    L = ["## Which implementation to pick\n"]
    if res.dists:
        L.append(glance(res))
    any_doc = any(res.recommend(a, "forward") for a in res.activations)
    if not any_doc:
        L.append("`actbench recommend` gave no answer (binary missing or no results): no picks.\n")
        return "\n".join(L)
    size = next((d.get("size") for a in res.activations for d in [res.recommend(a, "forward")] if d), None)
    dist = next((d.get("distribution") for a in res.activations for d in [res.recommend(a, "forward")] if d), None)
    where = f"at {size}, inputs {dist}" if size else "ranked by max ULP (no timings in these results)"
    L.append(f"The fastest implementation that meets each profile ({where}), from `actbench recommend`. "
             "Profiles: **strict** ≤ 1 ULP, no error class; **accurate** ≤ 2 ULP, no NaN/inf/flush error; "
             "**ml** with flush-to-zero and denormals-are-zero set, ≤ 4 ULP over normal outputs and no NaN/inf "
             "error; **fast** relative error ≤ 10^−3 over normal outputs, no NaN/inf error "
             "(README, `actbench recommend`; normal output: the correctly rounded result is a normal number). "
             "Times are medians per element (ns = nanoseconds); "
             "\"× peer\" = the pick's time ÷ the time of the fastest peer library that meets the same "
             "profile (below 1: faster than every peer that qualifies; absent: no peer qualifies). \"same\": the "
             "same pick as the profile to its left. "
             f"† CPU-dependent: output bits may differ on another CPU; figures measured on {res.cpu()}.\n")
    for direction in DIRECTIONS:
        rows, trades = [], []
        for act in res.activations:
            doc = res.recommend(act, direction)
            if not doc:
                continue
            ans = _answers(doc)
            links = f"[details]({page_link(act)})"
            pareto = plot_link(f"pareto_{act}_{direction}.svg")
            if pareto:
                links += f" · [graph]({pareto})"
            rows.append([act] + [pick_cell(ans.get(p), ans.get(PROFILES[i - 1]) if i else None)
                                 for i, p in enumerate(PROFILES)] + [links])
            trades.append("- " + trade_line(act, doc))
        if not rows:
            continue
        L.append(f"### {direction.capitalize()}\n")
        L.append(md_table(["activation"] + PROFILES + ["more"], rows))
        if direction == "forward":
            L.append("The trade, per activation (fastest profile's pick against the strictest's):\n")
            L.append("\n".join(trades) + "\n")
    return "\n".join(L)
