#!/usr/bin/env python3
"""Rewrites result tables written under old variant names to the current ones.

    scripts/rename_variants.py [--actbench BIN | --list-json FILE] [--check] FILE...

Labels only: in each CSV file that has `activation` and `variant` columns,
the variant field of a row whose (activation, variant) is an old name (the
"aliases" of `actbench list --all --format json`) is replaced by the current
name; every other byte of the file stays as it is. Files are rewritten
through a temporary file and a rename. A file listed in a manifest.json
(a per-machine results directory) is refused: actbench keeps its checksums,
so such a table is brought to the new names by the actbench run that
rewrites it (actbench reads old names meanwhile). --check changes nothing
and exits 1 when some file still has old names.
"""
import argparse
import csv
import json
import os
import sys
import tempfile

from variant_names import old_names


def in_manifest(path):
    manifest = os.path.join(os.path.dirname(os.path.abspath(path)), "manifest.json")
    if not os.path.exists(manifest):
        return False
    with open(manifest) as f:
        return os.path.basename(path) in json.load(f).get("files", {})


def renamed_lines(path, renamed):
    """(new lines, rows renamed); SystemExit when a row cannot be rewritten in place."""
    with open(path, newline="") as f:
        lines = f.read().splitlines(keepends=True)
    if not lines:
        return lines, 0
    header = next(csv.reader([lines[0]]))
    if "activation" not in header or "variant" not in header:
        return lines, 0
    ai, vi = header.index("activation"), header.index("variant")
    count = 0
    for n, line in enumerate(lines[1:], 1):
        fields = next(csv.reader([line]))
        new = renamed.get((fields[ai], fields[vi])) if len(fields) == len(header) else None
        if new is None:
            continue
        prefix = ",".join(fields[:vi]) + ("," if vi else "")
        if not line.startswith(prefix + fields[vi] + ","):
            raise SystemExit(f"rename_variants: {path}:{n + 1}: quoted fields before the variant; not rewritten")
        lines[n] = prefix + new + line[len(prefix) + len(fields[vi]):]
        count += 1
    return lines, count


def main(argv):
    ap = argparse.ArgumentParser(prog="rename_variants.py", description=__doc__.strip().splitlines()[0])
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--actbench", help="actbench binary whose `list --format json` gives the old names")
    src.add_argument("--list-json", help="`actbench list --all --format json` output to use instead")
    ap.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file has old names")
    ap.add_argument("files", metavar="FILE", nargs="+")
    a = ap.parse_args(argv[1:])
    renamed = old_names(a.actbench, a.list_json, "rename_variants")
    stale = 0
    for path in a.files:
        if not path.endswith(".csv") or not os.path.isfile(path):
            print(f"rename_variants: {path} is not a CSV file", file=sys.stderr)
            return 2
        if not a.check and in_manifest(path):
            print(f"rename_variants: {path} is listed in its directory's manifest.json; "
                  "rerun the actbench command that writes it instead", file=sys.stderr)
            return 2
        lines, count = renamed_lines(path, renamed)
        if count == 0:
            continue
        stale += 1
        if a.check:
            print(f"{path}: {count} rows under old variant names")
            continue
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path) or ".", prefix=".rename.")
        with os.fdopen(fd, "w", newline="") as f:
            f.writelines(lines)
        os.chmod(tmp, os.stat(path).st_mode & 0o777)
        os.replace(tmp, path)
        print(f"{path}: {count} rows renamed")
    return 1 if a.check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
