#!/bin/bash
# The opening comment of every kernel file of ours, checked by
# tests/kernel_headers.py against the registry (`actbench list --all --format
# json`) and the committed results: the declared bound and the pointer to the
# measured row; a "Port bound:" paragraph wherever a committed run measured the
# kernel above 1.3x its port-throughput bound; no mention of a tool outside the
# repository. Then the check is shown to fail: on a copy of the sources with
# the "Port bound:" paragraph of one such kernel removed, it must name that file.
set -u
A=${ACTBENCH:?ACTBENCH must point to the actbench binary}
src=${ACTBENCH_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$A" list --all --format json >"$T/list.json" || { echo "FAIL: actbench list exited $?"; exit 1; }
python3 "$src/tests/kernel_headers.py" "$src" "$T/list.json" || exit 1

flagged=$(python3 "$src/tests/kernel_headers.py" --flagged "$src" "$T/list.json") || exit 1
first=${flagged%%$'\n'*}
if [ -z "$first" ]; then
    echo "note: no kernel is above the port-bound mark in the committed runs: the removal check has nothing to remove"
    exit 0
fi
mkdir -p "$T/copy"
# a copy of impls/, the results and the report's code as they are
{ cp -r "$src/impls" "$T/copy/" && ln -s "$src/scripts" "$src/results" "$T/copy/"; } ||
    { echo "FAIL: cannot copy the kernel files to $T/copy"; exit 1; }
# the paragraph runs from "Port bound:" to the line before "Declared bound"
sed -i '/^ \* Port bound:/,/^ \* Declared bound/{/^ \* Declared bound/!d}' "$T/copy/$first"
if grep -q "Port bound:" "$T/copy/$first"; then
    echo "FAIL: could not remove the 'Port bound:' paragraph of $first in the copy"
    exit 1
fi
out=$(python3 "$src/tests/kernel_headers.py" "$T/copy" "$T/list.json")
if [ $? -eq 0 ] || ! grep -q "FAIL: $first: .*no 'Port bound:' paragraph" <<<"$out"; then
    echo "FAIL: with the 'Port bound:' paragraph of $first removed the check did not fail on it:"
    echo "$out"
    exit 1
fi
echo "ok: removing the 'Port bound:' paragraph of $first fails the check"
