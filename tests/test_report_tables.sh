#!/bin/bash
# The report's comparison tables on a small hand-made results directory whose
# answers are known: the kernel table of each ISA class (our fastest kernel
# within 2 ULP with no error class, proven by a full sweep, against the
# fastest peer of its class on each distribution, from valid timings only;
# the count at or below 1.0; the misses with their size; the port-bound
# mark), the peers' ISA from the library's own report ("reported_isa") and,
# when the list has no such field, from the registry; and the PyTorch /
# TensorFlow table. Python's modules are called directly (no actbench
# binary: the registry comes from a list JSON written here), then the whole
# report is made once to check that it runs and shows the sections.
set -u
src=${ACTBENCH_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
command -v python3 >/dev/null || { echo "SKIP: python3 missing"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$src/scripts" "$tmp" <<'PY'
import csv, json, os, subprocess, sys
scripts, tmp = sys.argv[1], sys.argv[2]
sys.path.insert(0, scripts)
from report import frameworks, kernels  # noqa: E402
from report.data import Results  # noqa: E402

U, N = "uniform[-10,10]", "normal(0,1)"
R = os.path.join(tmp, "results")
os.makedirs(os.path.join(R, "exhaustive"))
json.dump({"machine_id": "fixture", "date_utc": "2026-01-02T00:00:00Z", "cpu": {"vendor": "Fixture", "model": "CPU"},
           "timer": {"tsc_hz": 1e9, "core_cycles_per_tsc_tick": 1.0}}, open(os.path.join(R, "machine.json"), "w"))

# (variant, registry isa, reported isa or None, sampled max ULP, swept max ULP or None, flushes,
#  time uniform, time normal (None: invalid), port-bound cycles or None)
K = [("avx2-good", "avx2+fma", None, 0.8, 0.9, 0, 1.0, 1.0, 0.5),     # proven; 2x its port bound
     ("avx2-loose", "avx2+fma", None, 2.5, 3.0, 0, 0.5, 0.5, None),   # faster, but 3 ULP
     ("avx2-flush", "avx2+fma", None, 1.0, 1.0, 1, 0.4, 0.4, None),   # faster, but flushes
     ("avx2-slowinv", "avx2+fma", None, 0.5, 0.6, 0, 0.2, None, None),  # invalid on normal
     ("avx512-new", "avx512", None, 0.8, None, 0, 0.4, 0.4, 0.35),    # sampled only
     ("peer-x", "avx2+fma", None, 1e6, 1e6, 5, 0.8, 1.25, None),
     ("peer-y", "avx2+fma", "jit:avx512_core", 1e6, None, 0, 0.3, 0.3, None),
     ("peer-torch", "avx2+fma", "AVX2", 2e6, None, 116, 2.0, 2.0, None),
     ("peer-eigen", "avx2+fma", None, 2e6, None, 0, 0.9, None, None),
     ("peer-z", "avx2+fma", None, 1e6, None, 0, 0.1, 0.1, None)]  # picks its ISA by CPU, says none
CPU_DEPENDENT = {"peer-z"}
CL = ["nan_unexpected", "nan_missing", "inf_where_finite", "flush_to_zero", "signed_zero_mismatch",
      "finite_where_inf"]


def write(path, header, rows):
    with open(path, "w", newline="") as fp:
        w = csv.writer(fp)
        w.writerow(header)
        w.writerows(rows)


acc, exh, perf, pb = [], [], [], []
for v, isa, rep, sm, em, fl, tu, tn, b in K:
    for d in ("forward", "derivative"):
        acc.append(["sigmoid", v, isa, d, sm, "-0x1p+0", 0, 0, 0, fl, 0, 0])
        if em is not None:
            exh.append(["sigmoid", v, d, "binary32", "0x00000000", "0xffffffff", em, "-0x1p+0", 0, 0, 0, fl, 0, 0])
        for dist, t in ((U, tu), (N, tn)):
            perf.append(["sigmoid", v, isa, d, dist, "L1", 2048, 16384, t if t else 0, t if t else "",
                         1 if t else 0])
        if b:
            pb.append(["sigmoid", v, d, b])
write(os.path.join(R, "accuracy.csv"), ["activation", "variant", "isa", "direction", "max_ulp", "worst_x"] + CL, acc)
write(os.path.join(R, "exhaustive", "summary.csv"), ["activation", "variant", "direction", "format", "range_lo",
                                                     "range_hi", "max_ulp", "worst_x"] + CL, exh)
write(os.path.join(R, "performance.csv"), ["activation", "variant", "isa", "direction", "distribution",
                                           "size_label", "n", "bytes", "ticks_per_elem_median", "ns_per_elem",
                                           "valid"], perf)
write(os.path.join(R, "portbound.csv"), ["activation", "variant", "direction", "bound_cycles_per_element"], pb)


def list_json(with_reported):
    impls = []
    for v, isa, rep, *_ in K:
        r = {"activation": "sigmoid", "variant": v, "isa": isa,
             "flags": ["cpu_dependent"] if v in CPU_DEPENDENT else []}
        if with_reported:
            r["reported_isa"] = rep
        impls.append(r)
    p = os.path.join(tmp, f"list{int(with_reported)}.json")
    json.dump({"schema": "actbench-list/1", "activations": [], "implementations": impls}, open(p, "w"))
    return p


fails = []


def check(what, got, want):
    if got != want:
        fails.append(f"{what}: got {got!r}, want {want!r}")


res = Results(R, None, list_json(True))
rows, size, unit = kernels.class_rows(res, "avx2")
check("size", size, "L1")
check("avx2 rows", [(e["act"], e["direction"]) for e in rows], [("sigmoid", "forward"), ("sigmoid", "derivative")])
e = rows[0]
check("avx2 best kernel", e["best"][0] if e["best"] else None, "avx2-good")
check("avx2 fastest peer, uniform", e["peers"][U], ("peer-x", 0.8))  # peer-y ran avx512, peer-z unknown
check("avx2 fastest peer, normal", e["peers"][N], ("peer-x", 1.25))  # peer-eigen's normal timing is invalid
check("avx2 ratio, uniform", round(e["ratios"][U], 6), 1.25)
check("avx2 ratio, normal", round(e["ratios"][N], 6), 0.8)
check("port ratio", round(e["port"], 6), 2.0)
met, proven, misses, no_peer, unswept = kernels.verdict(res, rows)
check("avx2 count", (met, proven, no_peer, unswept), (0, 2, 0, 0))
check("avx2 misses", misses, [f"sigmoid forward 1.25× on {U}", f"sigmoid derivative 1.25× on {U}"])
cells = kernels.row_cells(res, e, unit)
check("port mark", cells[-1], "**2×**")

rows512, _, _ = kernels.class_rows(res, "avx512")
e = rows512[0]
check("avx512 best (sampled only)", (e["best"][0], e["best"][1][1]), ("avx512-new", "sampled"))
check("avx512 fastest peer: any ISA, unknown too", e["peers"][U], ("peer-z", 0.1))
met, proven, misses, no_peer, unswept = kernels.verdict(res, rows512)
check("avx512 count: a sampled kernel is not counted", (met, proven, unswept), (0, 0, 2))
check("avx512 miss says not swept", misses[0], f"sigmoid forward 4× on {U}, sampled only")
check("peer-torch ISA from its report", kernels.peer_isa(res, "sigmoid", "peer-torch")[:3:2], ("avx2", "library"))
check("CPU-dependent peer, no report", kernels.peer_isa(res, "sigmoid", "peer-z")[:3:2], (None, "unknown"))

# the frameworks: the recommended kernel (no actbench: our fastest within 2 ULP of any ISA, a
# proven one first), its time / the framework's on each distribution, both accuracies with classes
present, frows = frameworks.direction_table(res, "forward", "L1")
check("frameworks", [p for _, p in present], ["peer-torch", "peer-eigen"])
check("framework row", frows[0], ["sigmoid", "`avx2-good` 0.9 ULP, all 2^32", "0.5× · 0.5×",
                                  "2.00e+06 ULP, sampled; flush 116", "1.11× · —", "2.00e+06 ULP, sampled"])

# without the reported_isa field, the registry's ISA decides: peer-y joins the AVX2 class
res0 = Results(R, None, list_json(False))
e = kernels.class_rows(res0, "avx2")[0][0]
check("no reported_isa: registry ISA", e["peers"][U], ("peer-z", 0.1))
check("no reported_isa: said", "not reported by this actbench" in kernels.peer_isa_table(res0), True)

# the whole report, without actbench
out = os.path.join(tmp, "out", "REPORT.md")
p = subprocess.run([sys.executable, os.path.join(scripts, "make_report.py"), "--results", R, "--report", out,
                    "--list-json", list_json(True)], capture_output=True, text=True)
if p.returncode != 0:
    fails.append("make_report.py failed: " + p.stderr[-500:])
else:
    text = open(out).read()
    for h in ("## Switching from PyTorch or TensorFlow", "## Our kernels against the fastest peer",
              "### AVX2 class", "### AVX-512 class", "jit:avx512_core"):
        if h not in text:
            fails.append(f"REPORT.md lacks '{h}'")
for f in fails:
    print("FAIL:", f)
sys.exit(1 if fails else 0)
PY
[ $? -eq 0 ] || exit 1

# scripts/report.sh on a directory of runs (no machine.json of its own) takes the newest run
mkdir -p "$tmp/runs/older"
mv "$tmp/results" "$tmp/runs/newer"
echo '{"machine_id": "older", "date_utc": "2025-01-01T00:00:00Z"}' >"$tmp/runs/older/machine.json"
ACTBENCH=/nonexistent ACTBENCH_PORTBOUND=0 PATH=/usr/bin:/bin bash "$src/scripts/report.sh" "$tmp/runs" \
    >/dev/null 2>"$tmp/err" || { echo "FAIL: scripts/report.sh on a directory of runs"; cat "$tmp/err"; exit 1; }
grep -q "using the newest run, $tmp/runs/newer" "$tmp/err" && [ -s "$tmp/runs/newer/REPORT.md" ] \
    || { echo "FAIL: the newest run was not used"; cat "$tmp/err"; exit 1; }
echo "PASS test_report_tables"
