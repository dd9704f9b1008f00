"""Numbers with units, and Markdown tables: how every figure of the report is
written, in one place, so that one quantity always reads the same."""
import math

DIRECTIONS = ["forward", "derivative"]
SIZE_ORDER = ["L1", "L2", "L3", "DRAM"]
# Error classes: results column, short label, what it means (docs/accuracy.md).
CLASSES = [
    ("nan_unexpected", "NaN", "returns NaN where the exact value is a number"),
    ("nan_missing", "no-NaN", "returns a number where NaN is expected"),
    ("inf_where_finite", "inf", "returns ±inf where the exact value is finite"),
    ("flush_to_zero", "flush", "returns ±0 where the exact value is at least 2^−150 in magnitude"),
    ("signed_zero_mismatch", "±0", "returns a zero of the wrong sign"),
    ("finite_where_inf", "finite-for-inf", "returns a finite value where the exact value is ±inf"),
]
PROFILES = ["strict", "accurate", "ml", "fast"]


def fnum(v, digits=3):
    """A number as read in a table: 3 significant digits, 0 as 0, — when absent."""
    if v is None or v == "":
        return "—"
    if isinstance(v, str):
        v = ffloat(v)
        if v is None:
            return "—"
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "−inf"
    if v == 0:
        return "0"
    if 1e-3 <= abs(v) < 1e6:
        return f"{v:.{digits}g}"
    return f"{v:.{digits - 1}e}"


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


def fulp(v):
    """A max ULP figure, 3 significant digits rounded up (as the errors are), so
    that 1.000001 ULP never reads as 1 and seems to meet a bound of 1."""
    v = ffloat(v) if isinstance(v, str) else v
    if v is None or not math.isfinite(v) or v <= 0:
        return fnum(v)
    scale = 10.0 ** (2 - math.floor(math.log10(v)))
    return fnum(math.ceil(v * scale * (1 - 1e-12)) / scale)


def ratio(v):
    """A time ratio (this time ÷ the named baseline's): below 1 is faster."""
    return "—" if v is None else f"{fnum(v)}×"


def nbytes(n):
    """A byte count in the largest binary unit that keeps it an integer-ish figure."""
    n = fint(n)
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            return f"{fnum(n / size)} {unit}"
    return f"{n} B"


def code(s):
    return f"`{s}`" if s not in (None, "") else "—"


def md_table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in rows:
        out.append("| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in r) + " |")
    return "\n".join(out) + "\n"


def class_summary(counts):
    """{column: count} -> "flush 116, NaN 3" (or "none")."""
    short = {c: s for c, s, _ in CLASSES}
    return ", ".join(f"{short[c]} {n}" for c, n in counts.items() if n) or "none"


def is_peer(variant):
    return variant.startswith("peer-")


def valid_time(t):
    return t is not None and t > 0 and math.isfinite(t)


def min_sec(seconds):
    s = ffloat(seconds)
    if s is None:
        return "—"
    m, r = divmod(int(round(s)), 60)
    return f"{m} min {r:02d} s"
