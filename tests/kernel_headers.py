#!/usr/bin/env python3
"""Checks the opening comment of every kernel file of ours against the registry
and the committed results. The kernel file is impls/<activation>/<variant>.c,
the variant name with '_' for '-'; the registry is `actbench list --all
--format json` (saved to LIST_JSON by tests/test_kernel_headers.sh).

- The comment states the bound the registry declares, "Declared bound (the
  registry's): forward F ULP [(classes)], derivative D ULP [(classes)]." and
  points to the row of the measured value ("Measured: row <variant> of
  results/...").
- Where a committed run (results/<machine_id>/ with performance.csv and
  portbound.csv) measured the kernel above kernels.PORT_MARK times its
  port-throughput bound in either direction, the comment has a "Port bound:"
  paragraph of at least MIN_WORDS words saying why. The ratio is the report's
  own (scripts/report/kernels.py, port_ratio: that run's time and its cycles
  per tick), so it belongs to the machine of the run, not to the CPU running
  the check.
- No file under impls/ mentions a tool that is not in the repository (a /tmp
  or "throwaway" checker).

usage: kernel_headers.py [--flagged] SOURCE_DIR LIST_JSON
  --flagged  print the kernel files above the mark (one a line) and exit
Exit 1 on any failure, with one "FAIL:" line each.
"""
import argparse
import glob
import json
import os
import re
import sys

MIN_WORDS = 20  # a reason, not a stub
BOUND = re.compile(r"Declared bound \(the registry's\): forward (\S+) ULP(?: \(([^)]*)\))?, "
                   r"derivative (?:none|(\S+) ULP(?: \(([^)]*)\))?)\.")
PORT = re.compile(r"Port bound:(.*?)(?=Declared bound|Measured:|$)")


def opening_comment(path):
    """The file's opening /* ... */ comment as one line of text ("" when it has none)."""
    text = open(path, encoding="utf-8").read()
    head = text[:text.find("*/")] if text.startswith("/*") else ""
    return " ".join(ln.strip().lstrip("/*").strip() for ln in head.splitlines())


def same_bound(text_ulp, text_classes, b):
    if b is None:
        return text_ulp is None
    return (text_ulp is not None and float(text_ulp) == b["max_ulp"]
            and [c for c in (text_classes or "").split(", ") if c] == b["allowed_classes"])


def declared_bounds(src, impls):
    """Failures of the declared-bound and measured-row statements; the count checked."""
    bad, checked = [], 0
    for r in impls:
        act, v = r["activation"], r["variant"]
        path = os.path.join(src, "impls", act, v.replace("-", "_") + ".c")
        if not os.path.exists(path):
            bad.append(f"{act} {v}: no file {os.path.relpath(path, src)}")
            continue
        flat = opening_comment(path)
        m = BOUND.search(flat)
        if m is None:
            bad.append(f"{act} {v}: the opening comment states no declared bound")
            continue
        if not same_bound(m.group(1), m.group(2), r["forward"]):
            bad.append(f"{act} {v}: comment says forward {m.group(1)} ULP ({m.group(2) or ''}), "
                       f"the registry {r['forward']}")
        if not same_bound(m.group(3), m.group(4), r["derivative"]):
            bad.append(f"{act} {v}: comment says derivative {m.group(3)} ULP ({m.group(4) or ''}), "
                       f"the registry {r['derivative']}")
        if f"Measured: row {v} of results/" not in flat:
            bad.append(f"{act} {v}: no pointer to the measured row ('Measured: row {v} of results/...')")
        checked += 1
    return bad, checked


def above_mark(src, list_json, impls):
    """{kernel file: [(run, direction, ratio)]} of our kernels above the mark in a committed
    run, and the number of runs read; None (with the reason) when no run has port bounds."""
    sys.path.insert(0, os.path.join(src, "scripts"))
    from report.data import Results  # the report's reading of a run
    from report.kernels import PORT_MARK, port_ratio
    runs = sorted(os.path.dirname(p) for p in glob.glob(os.path.join(src, "results", "*", "portbound.csv"))
                  if os.path.exists(os.path.join(os.path.dirname(p), "performance.csv")))
    if not runs:
        return None, "no committed run has both performance.csv and portbound.csv"
    flagged = {}
    for d in runs:
        res = Results(d, None, list_json)
        for r in impls:
            for direction in ("forward", "derivative"):
                ratio = r.get(direction) is not None and port_ratio(res, r["activation"], r["variant"], direction)
                if ratio and ratio > PORT_MARK:
                    path = os.path.join("impls", r["activation"], r["variant"].replace("-", "_") + ".c")
                    flagged.setdefault(path, []).append((os.path.relpath(d, src), direction, ratio))
    return flagged, len(runs)


def port_reasons(src, flagged):
    bad = []
    for path, hits in sorted(flagged.items()):
        full = os.path.join(src, path)
        m = PORT.search(opening_comment(full)) if os.path.exists(full) else None
        said = ", ".join(f"{d} {r:.2f}x in {run}" for run, d, r in hits)
        if m is None:
            bad.append(f"{path}: above its port bound ({said}), and its opening comment has no 'Port bound:' "
                       "paragraph saying why")
        elif len(m.group(1).split()) < MIN_WORDS:
            bad.append(f"{path}: its 'Port bound:' paragraph has {len(m.group(1).split())} words, "
                       f"fewer than {MIN_WORDS}: a reason, not a stub ({said})")
    return bad


def foreign_tools(src):
    bad = []
    for root, _, files in os.walk(os.path.join(src, "impls")):
        for name in files:
            text = open(os.path.join(root, name), encoding="utf-8", errors="replace").read()
            if re.search(r"throwaway|/tmp\b", text):
                bad.append(f"{os.path.relpath(os.path.join(root, name), src)}: mentions a tool not in the repository")
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--flagged", action="store_true", help="print the kernel files above the mark and exit")
    ap.add_argument("src")
    ap.add_argument("list_json")
    a = ap.parse_args()
    with open(a.list_json) as fp:
        impls = [r for r in json.load(fp)["implementations"] if not r["variant"].startswith("peer-")]
    flagged, runs = above_mark(a.src, a.list_json, impls)
    if a.flagged:
        print("\n".join(sorted(flagged or {})))
        return 0
    bad, checked = declared_bounds(a.src, impls)
    if flagged is None:
        bad.append(runs)
    else:
        bad += port_reasons(a.src, flagged)
    bad += foreign_tools(a.src)
    if checked == 0:
        bad.append("no kernel checked")
    for b in bad:
        print("FAIL:", b)
    print(f"{checked} kernel files checked; {len(flagged or {})} above the port-bound mark in {runs} run(s) "
          "have their reason" if not bad else f"{len(bad)} failures")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
