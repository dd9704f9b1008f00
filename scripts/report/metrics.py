"""The error metrics a user chooses by, per implementation, for an activation's
detail page: max ULP and relative error over normal outputs, max absolute
error, and the FTZ/DAZ rerun (results changed, NaN/inf errors, max ULP over
normal outputs), each from the exhaustive sweep's row when it has them, else
from the sampled accuracy.csv (docs/accuracy.md defines them); then the
figure each profile of `actbench recommend --format json` judged its pick by.
"""
from .fmt import PROFILES, fnum, md_table


def _metrics_row(res, act, variant, direction):
    """(row, source) of the best table that has the metrics, or (None, None)."""
    k = (act, variant, direction)
    for table, source in ((res.exh, "all 2^32"), (res.acc, "sampled")):
        row = table.get(k)
        if row and row.get("normal_counted", "") != "":
            return row, source
    return None, None


def _where(row, prefix):
    """" at x = …" where the maximum is reached (the tables write inputs in hex)."""
    try:
        return f" at x = {fnum(float.fromhex(row.get(prefix + '_x', '')))}"
    except ValueError:
        return ""


def metrics_table(res, act, direction):
    rows = []
    for v in res.variants(act, direction):
        row, source = _metrics_row(res, act, v, direction)
        if row is None:
            continue
        rows.append([f"`{v}`", fnum(row.get("max_ulp_normal")) + _where(row, "normal"),
                     fnum(row.get("max_rel_err")), fnum(row.get("max_abs_err")),
                     row.get("ftz_changed") or "—", fnum(row.get("ftz_max_ulp_normal")),
                     row.get("ftz_special") or "—", source])
    if not rows:
        return ""
    return md_table(["variant", "max ULP, normal outputs", "max rel. error", "max abs. error",
                     "FTZ/DAZ: results changed", "FTZ/DAZ: max ULP, normal", "FTZ/DAZ: NaN/inf",
                     "inputs"], rows)


def profile_lines(res, act, direction):
    doc = res.recommend(act, direction)
    lines = []
    for a in (doc or {}).get("answers", []):
        if a.get("need") not in PROFILES:
            continue
        c = a.get("pick")
        if not c:
            lines.append(f"- {a['need']}: none meets it ({a.get('criterion', '')}).")
            continue
        unit = "" if a.get("metric") == "max_rel_err" and not c.get("judged_by_stand_in") else " ULP"
        stand_in = " (max ULP over all inputs standing in: not measured)" if c.get("judged_by_stand_in") else ""
        lines.append(f"- {a['need']}: `{c['variant']}`, {a.get('metric', 'max_ulp')} "
                     f"{fnum(c.get('judged_value'))}{unit}{stand_in}; {a.get('criterion', '')}.")
    return "\n".join(lines) + "\n" if lines else ""


def metrics_section(res, act, direction):
    """The detail page's error-metrics part for one direction ("" without data)."""
    table, picks = metrics_table(res, act, direction), profile_lines(res, act, direction)
    if not table and not picks:
        return ""
    text = ("Normal output: the correctly rounded result is a normal number. FTZ/DAZ: the kernel "
            "rerun with flush-to-zero and denormals-are-zero set, as ML frameworks run it.\n\n")
    if table:
        text += table + "\n"
    if picks:
        text += "What each profile judged its pick by:\n\n" + picks
    return text
