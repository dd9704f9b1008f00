#!/usr/bin/env python3
"""Merge the tables of a sweep of some implementations into a full sweep.

A sweep of a few variants (e.g. after one kernel changed:
`actbench accuracy --exhaustive -a sigmoid -V avx2-rr2-p6-div -o NEW`) writes
complete tables for those variants only. This replaces, in the destination
(default results/exhaustive/), the rows of exactly the variant x direction
pairs that NEW holds, in BASE.csv, BASE.binade.csv, BASE.grid.csv and
summary.csv, and keeps every other row. The sweep's .state file is not
merged (it describes one run); the destination's state of that activation,
if any, is removed, since it no longer matches the tables.

Columns: the union, in the newer table's order; a row of the older format
gets empty fields for columns it lacks (the CPU columns, for example).

    scripts/sweep_update.py [--actbench BIN | --list-json FILE] NEW_DIR [DEST_DIR]

NEW_DIR and DEST_DIR are directories holding the sweep files (a results
directory's exhaustive/ folder). Every file is written to a temporary file
and renamed.

Renamed variants: rows written under a variant's old name (the "aliases" of
`actbench list --all --format json`; BIN defaults to $ACTBENCH, then
build/actbench, then actbench on PATH) are read under its current name, so
a re-swept kernel's rows replace its old-named rows.
"""
import argparse
import csv
import os
import sys
import tempfile

from variant_names import old_names

KEY = ("activation", "variant", "direction", "format")
SUMMARY_KEY = KEY + ("range_lo", "range_hi")


RENAMED = {}  # filled by main() from old_names()


def read_table(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    if not rows:
        raise SystemExit(f"sweep_update: {path} is empty")
    header, body = rows[0], rows[1:]
    for i, row in enumerate(body, 2):
        if len(row) != len(header):
            raise SystemExit(f"sweep_update: {path}:{i}: {len(row)} fields, header has {len(header)}")
    table = [dict(zip(header, row)) for row in body]
    for r in table:
        if "variant" in r:
            r["variant"] = RENAMED.get((r.get("activation"), r["variant"]), r["variant"])
    return header, table


def write_table(path, header, rows):
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path) or ".", prefix=".update.")
    with os.fdopen(fd, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([r.get(c, "") for c in header])
    os.replace(tmp, path)


def merge(new_path, dest_path, key):
    new_header, new_rows = read_table(new_path)
    if not os.path.exists(dest_path):
        write_table(dest_path, new_header, new_rows)
        return len(new_rows), 0
    old_header, old_rows = read_table(dest_path)
    for k in key:
        if k not in new_header or k not in old_header:
            raise SystemExit(f"sweep_update: column {k} missing in {new_path} or {dest_path}")
    header = list(new_header) + [c for c in old_header if c not in new_header]
    replaced = {tuple(r[k] for k in key) for r in new_rows}
    # Keep the destination's row order: the new group takes the place of the
    # first row it replaces; new keys go at the end.
    out, placed = [], set()
    for r in old_rows:
        k = tuple(r[c] for c in key)
        if k in replaced:
            if k not in placed:
                out.extend(n for n in new_rows if tuple(n[c] for c in key) == k)
                placed.add(k)
            continue
        out.append(r)
    out.extend(n for n in new_rows if tuple(n[c] for c in key) not in placed)
    write_table(dest_path, header, out)
    kept = sum(1 for r in old_rows if tuple(r[c] for c in key) not in replaced)
    return len(new_rows), kept


def main(argv):
    ap = argparse.ArgumentParser(prog="sweep_update.py", description=__doc__.strip().splitlines()[0])
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--actbench", help="actbench binary whose `list --format json` gives the old names")
    src.add_argument("--list-json", help="`actbench list --all --format json` output to use instead")
    ap.add_argument("new_dir", metavar="NEW_DIR")
    ap.add_argument("dest_dir", metavar="DEST_DIR", nargs="?",
                    default=os.path.join(os.path.dirname(__file__), "..", "results", "exhaustive"))
    a = ap.parse_args(argv[1:])
    new_dir, dest_dir = a.new_dir, a.dest_dir
    if not os.path.isdir(new_dir) or not os.path.isdir(dest_dir):
        print(f"sweep_update: {new_dir} or {dest_dir} is not a directory", file=sys.stderr)
        return 2
    RENAMED.update(old_names(a.actbench, a.list_json, "sweep_update"))
    bases = sorted(f[:-4] for f in os.listdir(new_dir)
                   if f.endswith(".csv") and f != "summary.csv" and "." not in f[:-4])
    if not bases:
        print(f"sweep_update: no sweep tables in {new_dir}", file=sys.stderr)
        return 2
    for base in bases:
        for suffix in (".csv", ".binade.csv", ".grid.csv"):
            src = os.path.join(new_dir, base + suffix)
            if os.path.exists(src):
                n, kept = merge(src, os.path.join(dest_dir, base + suffix), KEY)
                print(f"{base}{suffix}: {n} rows replaced or added, {kept} kept")
        state = os.path.join(dest_dir, base + ".state")
        if os.path.exists(state):
            os.remove(state)
    summary = os.path.join(new_dir, "summary.csv")
    if os.path.exists(summary):
        n, kept = merge(summary, os.path.join(dest_dir, "summary.csv"), SUMMARY_KEY)
        print(f"summary.csv: {n} rows replaced or added, {kept} kept")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
