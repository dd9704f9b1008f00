"""The exhaustive sweeps (which exist, what they cost, what is not swept),
the check of the fast references against MPFR, and the implementations
whose measured error exceeds what they declare: one page,
docs/report/sweeps.md."""
import os

from .data import is_full_sweep
from .fmt import DIRECTIONS, class_summary, code, ffloat, fint, fnum, fulp, md_table, min_sec

ROW_ACTIVATIONS = ("softmax", "log_softmax")  # whole-row kernels: sampled only


def runs_table(res):
    runs = {}  # one run of `actbench accuracy --exhaustive`: activation, date, wall time
    for (act, v, direction), r in res.exh.items():
        runs.setdefault((act, r.get("date", ""), r.get("wall_seconds", "")), []).append((v, direction, r))
    rows = []
    order = {a: i for i, a in enumerate(res.activations)}
    for (act, date, wall), items in sorted(runs.items(), key=lambda kv: (order.get(kv[0][0], 99), kv[0][1])):
        r0 = items[0][2]
        variants = sorted({v for v, _, _ in items})
        dirs = [d for d in DIRECTIONS if any(x[1] == d for x in items)]
        ips = ffloat(r0.get("inputs_per_second"))
        mpfr = sum(fint(x[2].get("fallbacks")) + fint(x[2].get("worst_reevals")) for x in items)
        rows.append([act, f"{len(variants)} × {'/'.join(dirs)}", min_sec(wall),
                     f"{fnum(ips / 1e6)} × 10^6" if ips else "—", r0.get("threads", ""), f"{mpfr:,}",
                     date[:10] or "—"])
    return rows


def not_swept(res):
    missing = {}
    for act, v, direction in res.acc_order:
        if act not in ROW_ACTIVATIONS and (act, v, direction) not in res.exh:
            missing.setdefault(act, set()).add(f"{v} ({direction})")
    return missing


def fastref_paragraph(path):
    """What scripts/validate_fastref.sh wrote (its own fixed-column text)."""
    if not os.path.exists(path):
        return ("The fast references' check against MPFR (`scripts/validate_fastref.sh`) has no result file "
                "in these results.\n")
    per, rows, verdict = "", [], ""
    with open(path) as fp:
        for line in fp:
            parts = line.split()
            if line.startswith("fast reference vs MPFR,"):
                per = line.split(",")[1].split()[0]
            elif line.strip() in ("ok", "FAILED"):
                verdict = line.strip()
            elif len(parts) == 9 and parts[1] in DIRECTIONS:
                rows.append(parts)
    if not rows or not verdict:
        return f"The fast references' check against MPFR ({path}) is incomplete.\n"
    bad = sum(int(r[2]) for r in rows)
    cr_bad = sum(int(r[3]) for r in rows)
    return (f"The fast references were checked against MPFR at 128 bits on {per} inputs per activation and "
            f"direction ({len(rows)} in all; `scripts/validate_fastref.sh`): {bad} inputs outside their stated "
            f"bound and {cr_bad} disagreements on the correctly rounded value ({verdict}).\n")


def bound_rows(res):
    rows = []
    for act in res.activations:
        for direction in DIRECTIONS:
            for v in res.variants(act, direction):
                for src, r in (("all 2^32", res.exh.get((act, v, direction))),
                               ("sampled", res.acc.get((act, v, direction)))):
                    if not r:
                        continue
                    b = ffloat(r.get("declared_max_ulp") or r.get("bound_max_ulp"))
                    within = r.get("within_declared") or r.get("within_bound")
                    if not within:
                        b = ffloat((res.acc.get((act, v, direction)) or {}).get("bound_max_ulp"))
                        mu = ffloat(r.get("max_ulp"))
                        within = "no" if b is not None and mu is not None and mu > b else ""
                    if within == "no":
                        rows.append([act, f"`{v}`", direction, src, f"{fulp(r.get('max_ulp'))} ULP",
                                     f"{fnum(b)} ULP", class_summary(res.classes(r))])
    return rows


def sweeps_page(res, report_link):
    L = ["# Exhaustive sweeps and declared bounds\n", f"[Back to the report]({report_link})\n"]
    L.append("## Sweeps over every binary32 input\n")
    rows = runs_table(res)
    if rows:
        L.append("One row per run of `actbench accuracy --exhaustive` (one activation, all the implementations "
                 "listed, every one of the 2^32 inputs). Wall time is the whole run; inputs/s = 2^32 ÷ wall "
                 "time; MPFR evaluations = inputs the fast reference could not decide plus worst cases "
                 "re-evaluated.\n")
        L.append(md_table(["activation", "implementations × directions", "wall time", "inputs/s", "threads",
                           "MPFR evaluations", "date"], rows))
    else:
        L.append("No full-range binary32 sweep in these results: every max ULP is sampled.\n")
    missing = not_swept(res)
    if missing:
        L.append("Not swept (their max ULP is the sampled one):\n")
        L.append("\n".join(f"- {act}: " + ", ".join(sorted(vs)) for act, vs in missing.items()) + "\n")
    L.append(fastref_paragraph(os.path.join(res.beside(res.dir, "exhaustive"), "fastref_validation.txt")))
    ft = os.path.join(res.beside(res.dir, "forward-timing"), "exhaustive", "summary.csv")
    if os.path.exists(ft):
        rows = []
        for r in res.read_csv(ft):
            if is_full_sweep(r) and r.get("direction") == "forward" and r.get("variant"):
                same = res.exh.get((r["activation"], r["variant"], "forward"))
                agree = same is not None and (same.get("max_ulp"), same.get("worst_x")) == (r.get("max_ulp"),
                                                                                          r.get("worst_x"))
                rows.append((r["activation"], r.get("wall_seconds"), agree, (r.get("date") or "")[:10]))
        per_act = {}
        for act, wall, agree, date in rows:
            n, w, ok, d = per_act.get(act, (0, wall, True, date))
            per_act[act] = (n + 1, wall, ok and agree, d)
        if per_act:
            # A run made with fewer implementations than the main sweep has
            # now shows it in the count and its date.
            L.append("Forward-only sweeps of all of an activation's implementations "
                     "(`scripts/sweep.sh --direction forward`), each with the implementations it had on its date:\n")
            L.append(md_table(["activation", "implementations", "wall time", "same max ULP and worst x as above",
                               "date"],
                              [[a, n, min_sec(w), "yes" if ok else "**no**", d]
                               for a, (n, w, ok, d) in per_act.items()]))
    if res.exh_anomalies:
        L.append("Inconsistent sweep files: " + "; ".join(res.exh_anomalies) + ".\n")
    if res.exh_other:
        L.append("Partial-range or 16-bit-format sweeps (listed, not used elsewhere):\n")
        L.append(md_table(["activation", "variant", "direction", "format", "bit patterns", "max ULP", "worst x"],
                          [[r["activation"], r["variant"], r["direction"], r.get("format", ""),
                            f"{r.get('range_lo', '')}–{r.get('range_hi', '')}", fulp(r.get("max_ulp")),
                            code(r.get("worst_x"))] for r in res.exh_other]))
    L.append("## Implementations above their declared bound\n")
    rows = bound_rows(res)
    if rows:
        L.append("Each implementation declares a max ULP and the error classes it may show (`actbench list`). "
                 "These measured more, or showed a class they do not declare:\n")
        L.append(md_table(["activation", "variant", "direction", "inputs", "max ULP", "declared", "error classes"],
                          rows))
    else:
        L.append("None: every implementation meets its declared bound on the inputs tried.\n")
    return "\n".join(L)
