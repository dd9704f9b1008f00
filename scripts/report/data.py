"""Reads a results directory and the actbench binary's JSON.

Accuracy: results/accuracy.csv (sampled) and results/exhaustive/ (full 2^32
sweeps: summary.csv is the record, one row per activation x variant x
direction; <activation>.csv adds details for the pairs of the activation's
last run). Speed: results/performance.csv. Machine: results/machine.json.
Port bounds: results/portbound.csv. The registry (flags, methods, declared
bounds): `actbench list --all --format json`. The picks: `actbench recommend
--format json`. Nothing here parses C, CMake or Markdown.
"""
import csv
import json
import os
import subprocess

from .fmt import CLASSES, SIZE_ORDER, ffloat, fint, valid_time

FULL_RANGE = (0x00000000, 0xffffffff)
SIDE_FILES = (".binade.csv", ".grid.csv")


def read_csv(path):
    with open(path, newline="") as fp:
        return list(csv.DictReader(fp))


def is_full_sweep(row):
    """A row of a sweep over every binary32 bit pattern (not a range, not bf16/fp16)."""
    try:
        rng = (int(row.get("range_lo", ""), 16), int(row.get("range_hi", ""), 16))
    except ValueError:
        return False
    return row.get("format", "binary32") == "binary32" and rng == FULL_RANGE


def run_json(argv):
    """The JSON printed by an actbench command, or None (with the reason)."""
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, str(e)
    if p.returncode != 0:
        return None, (p.stderr.strip().splitlines() or [f"exit {p.returncode}"])[-1]
    try:
        return json.loads(p.stdout), None
    except ValueError as e:
        return None, f"not JSON: {e}"


class Registry:
    """`actbench list --all --format json` (schema actbench-list/1), keyed by
    (activation, variant). Empty, with a note, when it cannot be read."""

    def __init__(self, actbench=None, list_json=None):
        self.impls = {}
        self.renamed = {}  # (activation, old variant name) -> current name
        self.formulas = {}  # activation -> (formula, derivative formula), when the list gives them
        self.note = None
        doc, why = None, "no actbench binary"
        if list_json:
            with open(list_json) as fp:
                doc, why = json.load(fp), None
        elif actbench:
            doc, why = run_json([actbench, "list", "--all", "--format", "json"])
        if doc is None or doc.get("schema") != "actbench-list/1":
            self.note = ("the registry could not be read (`actbench list --format json`: "
                         f"{why or 'unknown schema'}): CPU-dependent implementations are not marked.")
            return
        for r in doc.get("implementations", []):
            self.impls[(r.get("activation"), r.get("variant"))] = r
            for old in r.get("aliases", []):
                self.renamed[(r.get("activation"), old)] = r.get("variant")
        for a in doc.get("activations", []):
            self.formulas[a.get("name")] = (a.get("formula"), a.get("derivative_formula"))

    def current_rows(self, rows):
        """rows with each old variant name (the list's "aliases") replaced by the current one."""
        for r in rows:
            r["variant"] = self.renamed.get((r.get("activation"), r.get("variant")), r.get("variant"))
        return rows

    def flags(self, act, variant):
        return (self.impls.get((act, variant)) or {}).get("flags", [])

    def cpu_dependent(self, act, variant):
        return "cpu_dependent" in self.flags(act, variant)

    def method(self, act, variant):
        return (self.impls.get((act, variant)) or {}).get("method", "")

    def isa(self, act, variant):
        """The ISA the registry declares ("scalar", "avx2+fma", "avx512"), or None."""
        return (self.impls.get((act, variant)) or {}).get("isa")

    def has_reported_isa(self):
        """Whether this actbench's list gives the "reported_isa" field at all."""
        return any("reported_isa" in r for r in self.impls.values())

    def reported_isa(self, act, variant):
        """The ISA a peer library says it ran ("reported_isa": its own report,
        e.g. oneDNN's implementation string, ATen's capability), or None."""
        return (self.impls.get((act, variant)) or {}).get("reported_isa")


class Results:
    def __init__(self, d, actbench=None, list_json=None):
        self.dir = d
        self.actbench = actbench
        self.notes = []  # what was missing, said in the report
        self.registry = Registry(actbench, list_json)
        if self.registry.note:
            self.notes.append(self.registry.note)
        self.machine = {}
        p = os.path.join(d, "machine.json")
        if os.path.exists(p):
            with open(p) as fp:
                self.machine = json.load(fp)
        else:
            self.notes.append("machine.json is missing: the machine is not described.")
        self.acc = {}  # (act, variant, direction) -> sampled row
        self.acc_order = []
        p = os.path.join(d, "accuracy.csv")
        if os.path.exists(p):
            for r in self.read_csv(p):
                k = (r["activation"], r["variant"], r["direction"])
                self.acc[k] = r
                self.acc_order.append(k)
        else:
            self.notes.append("accuracy.csv is missing: no sampled accuracy.")
        self._read_performance(os.path.join(d, "performance.csv"))
        self.exh = {}  # (act, variant, direction) -> row of a full-range binary32 sweep
        self.exh_maps = {}  # act -> (binade path, grid path)
        self.exh_other = []  # partial ranges and 16-bit formats: listed, not merged
        self.exh_anomalies = []
        ed = self.beside(d, "exhaustive")
        if os.path.isdir(ed):
            self._read_exhaustive(ed)
        self.portbound = {}
        p = os.path.join(d, "portbound.csv")
        if os.path.exists(p):
            for r in self.read_csv(p):
                self.portbound[(r["activation"], r["variant"], r["direction"])] = r
        self.activations = []
        for k in self.acc_order + self.perf_order:
            if k[0] != "copy" and k[0] not in self.activations:
                self.activations.append(k[0])
        self._recommend = {}

    def read_csv(self, path):
        """The rows of a results table, variants under their current names."""
        return self.registry.current_rows(read_csv(path))

    @staticmethod
    def beside(d, name):
        """d/name, or, for a per-machine directory results/<machine_id>/, the
        shared results/name beside it (sweeps and curves are kept there)."""
        own = os.path.join(d, name)
        shared = os.path.join(d, os.pardir, name)
        return own if os.path.exists(own) or not os.path.exists(shared) else os.path.normpath(shared)

    def _read_performance(self, p):
        self.perf = {}  # (act, variant, direction, distribution, size) -> row
        self.perf_order = []
        self.dists, self.sizes, self.size_n = [], [], {}
        self.use_ns = False
        if not os.path.exists(p):
            self.notes.append("performance.csv is missing: no speed tables or speed graphs.")
            return
        for r in self.read_csv(p):
            k = (r["activation"], r["variant"], r["direction"], r["distribution"], r["size_label"])
            self.perf[k] = r
            self.perf_order.append(k)
            if r["activation"] != "copy" and r["distribution"] not in self.dists:
                self.dists.append(r["distribution"])
            if r["size_label"] not in self.sizes:
                self.sizes.append(r["size_label"])
            self.size_n.setdefault(r["size_label"], (r["n"], r["bytes"]))
        self.sizes.sort(key=lambda s: SIZE_ORDER.index(s) if s in SIZE_ORDER else 99)
        self.use_ns = all(ffloat(r.get("ns_per_elem")) is not None for r in self.perf.values()
                          if valid_time(ffloat(r.get("ticks_per_elem_median"))))

    def _read_exhaustive(self, ed):
        """summary.csv rows are the record; <activation>.csv rows add details
        (ISA, mean ULP, declared bound) when they agree with it."""
        detail = {}
        for name in sorted(os.listdir(ed)):
            if not name.endswith(".csv") or name == "summary.csv" or name.endswith(SIDE_FILES):
                continue
            stem = name[:-len(".csv")]
            act, _, suffix = stem.partition(".")  # "relu.range-3f800000-3f800fff": a partial run
            for r in self.read_csv(os.path.join(ed, name)):
                if suffix == "" and is_full_sweep(r):
                    detail[(r["activation"], r["variant"], r["direction"])] = r
                    self.exh_maps[act] = tuple(os.path.join(ed, act + s) for s in SIDE_FILES)
                else:
                    self.exh_other.append(r)
        p = os.path.join(ed, "summary.csv")
        if not os.path.exists(p):
            self.exh = detail
            return
        summary = {(r["activation"], r["variant"], r["direction"]): r for r in self.read_csv(p) if is_full_sweep(r)}
        for k, srow in summary.items():
            row = {}
            drow = detail.get(k)
            if drow is not None:
                if (ffloat(drow.get("max_ulp")), drow.get("worst_x")) == (ffloat(srow.get("max_ulp")),
                                                                          srow.get("worst_x")):
                    row.update(drow)
                else:
                    self.exh_anomalies.append(f"`{'/'.join(k)}`: summary.csv says {srow.get('max_ulp')} ULP, "
                                              f"{k[0]}.csv says {drow.get('max_ulp')} ULP (summary.csv used)")
            row.update(srow)
            self.exh[k] = row

    # ---- queries

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

    def classes(self, row):
        return {c: fint(row.get(c)) for c, _, _ in CLASSES if fint(row.get(c))}

    def perf_row(self, act, variant, direction, size, dist=None):
        return self.perf.get((act, variant, direction, dist or self.dist0, size))

    @property
    def dist0(self):
        return self.dists[0] if self.dists else None

    def time(self, act, variant, direction, size, dist=None):
        """Median time per element in the report's unit (ns, else TSC ticks), or None when invalid."""
        r = self.perf_row(act, variant, direction, size, dist)
        if r is None or not timing_valid(r):
            return None
        return ffloat(r["ns_per_elem"] if self.use_ns else r["ticks_per_elem_median"])

    def copy_time(self, size, dist=None):
        for k, r in self.perf.items():
            if k[0] == "copy" and k[3] == (dist or self.dist0) and k[4] == size and timing_valid(r):
                return ffloat(r["ns_per_elem"] if self.use_ns else r["ticks_per_elem_median"])
        return None

    @property
    def time_unit(self):
        return "ns/element" if self.use_ns else "TSC ticks/element"

    def port_bound(self, act, variant, direction):
        """llvm-mca's port-throughput bound in the report's time unit, or None."""
        r = self.portbound.get((act, variant, direction))
        b = ffloat(r.get("bound_cycles_per_element")) if r else None
        ti = self.machine.get("timer", {})
        cpt, hz = ffloat(ti.get("core_cycles_per_tsc_tick")), ffloat(ti.get("tsc_hz"))
        if not (b and cpt and cpt > 0):
            return None
        ticks = b / cpt
        if self.use_ns:
            return ticks / hz * 1e9 if hz else None
        return ticks

    def cpu(self):
        c = self.machine.get("cpu", {})
        return " ".join(x for x in (c.get("vendor"), c.get("model")) if x) or "an unrecorded CPU"

    def recommend(self, act, direction):
        """`actbench recommend --format json` for act/direction (cached), or None."""
        k = (act, direction)
        if k not in self._recommend:
            doc = None
            if self.actbench:
                doc, _ = run_json([self.actbench, "recommend", "--activation", act, "--direction", direction,
                                   "--results", self.dir, "--format", "json"])
            self._recommend[k] = doc if doc and doc.get("schema") == "actbench-recommend/1" else None
        return self._recommend[k]


def timing_valid(row):
    """bench's verdict when the table has one (a missing column counts as valid),
    and always a positive, finite median."""
    if row.get("valid", "1") == "0":
        return False
    return valid_time(ffloat(row.get("ticks_per_elem_median")))
