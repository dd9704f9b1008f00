"""The old variant names the registry still accepts (one release after a
rename), from `actbench list --all --format json` (its "aliases" field):
shared by the scripts that read result files written under old names."""
import json
import os
import shutil
import subprocess


def default_actbench():
    """$ACTBENCH, else the build tree's actbench, else actbench on PATH (or None)."""
    own = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build", "actbench")
    return os.environ.get("ACTBENCH") or (own if os.access(own, os.X_OK) else shutil.which("actbench"))


def old_names(actbench=None, list_json=None, prog="actbench"):
    """{(activation, old variant name): current name}; SystemExit with a message when
    the registry list cannot be read."""
    if list_json:
        with open(list_json) as f:
            doc = json.load(f)
    else:
        actbench = actbench or default_actbench()
        if not actbench:
            raise SystemExit(f"{prog}: no actbench binary for the variant names; give --actbench or --list-json")
        try:
            p = subprocess.run([actbench, "list", "--all", "--format", "json"], capture_output=True,
                               text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise SystemExit(f"{prog}: cannot run {actbench} list ({e}); give --actbench or --list-json")
        if p.returncode != 0:
            raise SystemExit(f"{prog}: {actbench} list failed: {p.stderr.strip()}")
        doc = json.loads(p.stdout)
    if doc.get("schema") != "actbench-list/1":
        raise SystemExit(f"{prog}: the registry list has an unknown schema")
    return {(r["activation"], old): r["variant"]
            for r in doc.get("implementations", []) for old in r.get("aliases", [])}
