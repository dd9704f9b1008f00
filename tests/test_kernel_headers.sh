#!/bin/bash
# Every kernel file of ours (impls/<activation>/<variant>.c, the variant name
# with '_' for '-') opens with a comment that states the bound the registry
# declares, "Declared bound (the registry's): forward F ULP [(classes)],
# derivative D ULP [(classes)]." and points to the row of the measured value
# ("Measured: row <variant> of results/..."). The registry is read from
# `actbench list --all --format json`; a comment whose bound differs from
# its registry line, a missing file or pointer, and any mention of a tool
# that is not in the repository (a /tmp or "throwaway" checker) fail.
set -u
A=${ACTBENCH:?ACTBENCH must point to the actbench binary}
src=${ACTBENCH_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$A" list --all --format json >"$T/list.json" || { echo "FAIL: actbench list exited $?"; exit 1; }
python3 - "$src" "$T/list.json" <<'PY'
import json, os, re, sys
src = sys.argv[1]
with open(sys.argv[2]) as f:
    doc = json.load(f)
bad = []
BOUND = re.compile(r"Declared bound \(the registry's\): forward (\S+) ULP(?: \(([^)]*)\))?, "
                   r"derivative (?:none|(\S+) ULP(?: \(([^)]*)\))?)\.")
def same(text_ulp, text_classes, b):
    if b is None:
        return text_ulp is None
    return (text_ulp is not None and float(text_ulp) == b["max_ulp"]
            and [c for c in (text_classes or "").split(", ") if c] == b["allowed_classes"])
checked = 0
for r in doc["implementations"]:
    act, v = r["activation"], r["variant"]
    if v.startswith("peer-"):
        continue
    path = os.path.join(src, "impls", act, v.replace("-", "_") + ".c")
    if not os.path.exists(path):
        bad.append(f"{act} {v}: no file {os.path.relpath(path, src)}")
        continue
    text = open(path, encoding="utf-8").read()
    head = text[:text.find("*/")] if text.startswith("/*") else ""
    flat = " ".join(l.strip().lstrip("/*").strip() for l in head.splitlines())
    m = BOUND.search(flat)
    if m is None:
        bad.append(f"{act} {v}: the opening comment states no declared bound")
        continue
    if not same(m.group(1), m.group(2), r["forward"]):
        bad.append(f"{act} {v}: comment says forward {m.group(1)} ULP ({m.group(2) or ''}), "
                   f"the registry {r['forward']}")
    if not same(m.group(3), m.group(4), r["derivative"]):
        bad.append(f"{act} {v}: comment says derivative {m.group(3)} ULP ({m.group(4) or ''}), "
                   f"the registry {r['derivative']}")
    if f"Measured: row {v} of results/" not in flat:
        bad.append(f"{act} {v}: no pointer to the measured row ('Measured: row {v} of results/...')")
    checked += 1
for root, _, files in os.walk(os.path.join(src, "impls")):
    for name in files:
        text = open(os.path.join(root, name), encoding="utf-8", errors="replace").read()
        if re.search(r"throwaway|/tmp\b", text):
            bad.append(f"{os.path.relpath(os.path.join(root, name), src)}: mentions a tool not in the repository")
for b in bad:
    print("FAIL:", b)
if checked == 0:
    bad.append("no kernel checked")
    print("FAIL: no kernel checked")
print(f"{checked} kernel files checked" if not bad else f"{len(bad)} failures")
sys.exit(1 if bad else 0)
PY
