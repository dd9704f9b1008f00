#!/usr/bin/env python3
"""Estimated port-throughput bound of each of our AVX2 and AVX-512 kernels, by llvm-mca.

For every implementation that `actbench list --all --format json` gives with
an AVX2 or AVX-512 ISA (our kernels, not the peers), and each direction it offers, the
kernel's source file is compiled to assembly with the exact command the build
uses for it (CMake's compile_commands.json, with -c replaced by -S), the main
vectorised loop of its function ab_<activation>_<variant id>_<direction> is
cut out of that function's assembly, and that loop body alone is given to
llvm-mca. Its "Block RThroughput" (core cycles per iteration when only the
execution ports limit: dependencies, the front end and memory are ignored)
divided by the elements the iteration stores is the bound in core cycles per
element.

Which function: the variant id is the variant name with '-' as '_'; where a
kernel's id differs from its name, and exactly one registered variant and one
defined kernel of the activation and ISA (the name's first word) are left
unmatched, they are paired (the row says so). Which loop: every backward branch inside the function closes a
loop [target label, branch]; the candidates are the innermost ones that store
to memory other than the stack; the main loop is the candidate with the most
instructions. Elements per iteration = bytes stored by those stores / 4 (a
256-bit store of floats is 8 elements, a 512-bit one 16). When no candidate is found, the row
keeps empty numbers and says why in its note: no number is invented.

The model is llvm-mca's -mcpu: --mcpu for the AVX2 kernels (default znver3,
the newest AMD model of llvm-mca 14), --mcpu-avx512 for the AVX-512 ones
(default icelake-server: llvm-mca 14 has no Zen 4 model, and Zen 3 has no
AVX-512; each row names its model). It is an estimate of the loop's steady
state on that model, not a lower bound on another microarchitecture, nor a
figure of the CPU the benchmarks ran on.

    scripts/portbound.py [--out results/portbound.csv] [--only act/variant ...]
                         [--mcpu znver3] [--mcpu-avx512 icelake-server]
                         [--actbench BIN | --list-json FILE]
                         [--build DIR] [--llvm-mca llvm-mca]

Standard library only. Writes the CSV atomically (temp file + rename).
"""
import argparse
import csv
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLUMNS = ["activation", "variant", "direction", "mcpu", "loop_instructions", "elements_per_iteration",
           "cycles_per_iteration", "bound_cycles_per_element", "note"]
DIRECTIONS = ("forward", "derivative")


def registry_entries(actbench, list_json):
    """(activation, variant, directions, is a row kernel, isa) of our AVX2 and AVX-512
    kernels, from the registry's JSON; None (message printed) when it cannot be read."""
    if list_json:
        with open(list_json) as fp:
            doc = json.load(fp)
    else:
        p = subprocess.run([actbench, "list", "--all", "--format", "json"], capture_output=True, text=True)
        if p.returncode != 0:
            print(f"portbound: '{actbench} list --all --format json' failed: {p.stderr.strip()}", file=sys.stderr)
            return None
        doc = json.loads(p.stdout)
    if doc.get("schema") != "actbench-list/1":
        print(f"portbound: unknown registry schema {doc.get('schema')!r}", file=sys.stderr)
        return None
    out = []
    for r in doc.get("implementations", []):
        isa = r.get("isa", "")
        if not isa.startswith(("avx2", "avx512")) or r["variant"].startswith("peer-"):
            continue
        dirs = [d for d in DIRECTIONS if r.get(d) is not None]
        out.append((r["activation"], r["variant"], dirs, "vector" in r.get("flags", []), isa))
    return out


def compile_commands(build):
    """{activation: [compile_commands entry of a SIMD kernel file]} of the build in
    `build` (configured into a temporary directory when it has no compile_commands.json)."""
    path = os.path.join(build, "compile_commands.json")
    tmp = None
    if not os.path.exists(path):
        tmp = tempfile.mkdtemp(prefix="portbound-cmake.")
        r = subprocess.run(["cmake", "-S", ROOT, "-B", tmp, "-DCMAKE_BUILD_TYPE=Release",
                            "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"], capture_output=True, text=True)
        path = os.path.join(tmp, "compile_commands.json")
        if r.returncode != 0 or not os.path.exists(path):
            shutil.rmtree(tmp, ignore_errors=True)
            return None
    with open(path) as fp:
        entries = json.load(fp)
    if tmp:
        shutil.rmtree(tmp, ignore_errors=True)
    out = {}
    impls = os.path.join(ROOT, "impls") + os.sep
    for e in entries:
        rel = os.path.relpath(e["file"], impls).split(os.sep)
        args = shlex.split(e["command"]) if "command" in e else e["arguments"]
        # the library's build of the file, not a test's second build of it (-DAB_ESTIMATE_MODEL)
        if len(rel) == 2 and not rel[0].startswith("..") and rel[0] not in ("peers", "include") \
                and ("-mavx2" in args or "-mavx512f" in args) and not any(x.startswith("-DAB_ESTIMATE_MODEL") for x in args):
            out.setdefault(rel[0], []).append(dict(e, arguments=args))
    return out


def compile_asm(entry, out_s):
    """The build's own command for this file, writing assembly to out_s."""
    args, cmd, skip = entry["arguments"], [], False
    for x in args:
        if skip:
            skip = False
        elif x == "-o":
            skip = True
        elif x != "-c":
            cmd.append(x)
    cmd[1:1] = ["-S", "-o", out_s]
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=entry["directory"])
    return r.returncode == 0, (r.stderr.strip().splitlines() or [""])[-1]


def global_functions(asm):
    """Names the assembly declares global (`.globl name`)."""
    return {ln.split()[1] for ln in asm.splitlines() if ln.strip().startswith(".globl") and len(ln.split()) > 1}


LABEL_RE = re.compile(r"^([.\w$]+):")
JUMP_RE = re.compile(r"^(j[a-z]+)\s+([.\w$@]+)\s*$")
STORE_WIDTH = {"zmm": 64, "ymm": 32, "xmm": 16}


def function_lines(asm, fn):
    """The lines of fn's body in gcc's AT&T output (between 'fn:' and '.size fn')."""
    lines = asm.splitlines()
    try:
        start = lines.index(fn + ":")
    except ValueError:
        return None
    body = []
    for ln in lines[start + 1:]:
        if re.match(r"^\s+\.size\s+" + re.escape(fn) + r",", ln):
            break
        body.append(ln)
    return body


def is_insn(ln):
    s = ln.strip()
    return bool(s) and not s.startswith((".", "#")) and not LABEL_RE.match(ln)


def store_bytes(insn, frame_regs):
    """Bytes an instruction stores to memory other than the stack frame (0 if none)."""
    m = re.match(r"^(\w+)\s+(.*)$", insn.strip())
    if not m:
        return 0
    op, args = m.groups()
    if not op.startswith(("vmov", "vmaskmov", "vpmaskmov", "vextract", "vcvtps2ph")):
        return 0
    # AT&T: the destination is the last operand; a store when it is a memory reference
    parts = [p.strip() for p in re.split(r",(?![^(]*\))", args)]
    dst = parts[-1]
    if "(" not in dst:
        return 0
    if re.search(r"\(\s*(%\w+)?", dst).group(1) in frame_regs:
        return 0  # a spill, not the output
    srcs = " ".join(parts[:-1])
    if op.startswith(("vextract", "vcvtps2ph")):
        return 32 if re.match(r"^vextract[fi](32x8|64x4)$", op) else 16
    for reg, width in STORE_WIDTH.items():
        if "%" + reg in srcs:
            if op in ("vmovss", "vmovd"):
                return 4
            if op in ("vmovsd", "vmovq", "vmovlps", "vmovhps", "vmovlpd", "vmovhpd"):
                return 8
            return width  # vmaskmov in a loop body: all lanes (the masked tail is no loop)
    return 0


def basic_blocks(body):
    """[(labels, instructions)] in layout order, and the successor indices of each block."""
    blocks, cur_labels, cur = [], [], []
    for ln in body:
        m = LABEL_RE.match(ln)
        if m:
            if cur:
                blocks.append((cur_labels, cur))
                cur_labels, cur = [], []
            cur_labels.append(m.group(1))
        elif is_insn(ln):
            cur.append(ln.strip())
            if re.match(r"^(j[a-z]+|ret|ud2)\b", ln.strip()):
                blocks.append((cur_labels, cur))
                cur_labels, cur = [], []
    if cur or cur_labels:
        blocks.append((cur_labels, cur))
    where = {lab: i for i, (labs, _) in enumerate(blocks) for lab in labs}
    succ = []
    for i, (_, insns) in enumerate(blocks):
        last = insns[-1] if insns else ""
        m = JUMP_RE.match(last)
        s = []
        if m and m.group(2) in where:
            s.append(where[m.group(2)])
        if not last.startswith(("ret", "ud2", "jmp")) and i + 1 < len(blocks):
            s.append(i + 1)
        succ.append(s)
    return blocks, succ


def natural_loops(succ):
    """{header: set of blocks} of the natural loops of the CFG (entry = block 0)."""
    n = len(succ)
    pred = [[] for _ in range(n)]
    for u, ss in enumerate(succ):
        for v in ss:
            pred[v].append(u)
    reach, todo = {0}, [0]
    while todo:
        for v in succ[todo.pop()]:
            if v not in reach:
                reach.add(v)
                todo.append(v)
    dom = {v: set(reach) for v in reach}
    dom[0] = {0}
    changed = True
    while changed:
        changed = False
        for v in sorted(reach - {0}):
            ps = [dom[u] for u in pred[v] if u in reach]
            d = (set.intersection(*ps) if ps else set()) | {v}
            if d != dom[v]:
                dom[v], changed = d, True
    loops = {}
    for u in reach:
        for h in succ[u]:
            if h in dom[u]:  # a back edge u -> h
                body, todo = {h, u}, [u]
                while todo:
                    x = todo.pop()
                    if x == h:
                        continue
                    for p in pred[x]:
                        if p not in body and p in reach:
                            body.add(p)
                            todo.append(p)
                loops.setdefault(h, set()).update(body)
    return loops


def splice_calls(insns, asm):
    """Replace 'call f' by f's body when f is a branch-free function of the same file
    (a helper gcc did not inline): (instructions, names) or (None, why)."""
    out, spliced = [], []
    for x in insns:
        m = re.match(r"^call\s+([.\w$]+)\s*$", x)
        if not m:
            out.append(x)
            continue
        callee = function_lines(asm, m.group(1))
        if callee is None:
            return None, f"the loop calls {m.group(1)}, not defined in this file"
        body = [ln.strip() for ln in callee if is_insn(ln)]
        if any(re.match(r"^(j[a-z]+|call)\b", y) for y in body):
            return None, f"the loop calls {m.group(1)}, which branches"
        out.extend(y for y in body if not y.startswith("ret"))
        spliced.append(m.group(1))
    return out, spliced


def find_loops(body, asm):
    """[(instructions, elements per iteration, note)] of the innermost loops of a function
    that store to memory other than the stack, most instructions first; or (None, why)."""
    insns_all = [ln.strip() for ln in body if is_insn(ln)]
    tail = [x for x in insns_all if re.match(r"^jmp\s+[^.]", x)]
    if len(insns_all) == 1 and tail:
        return None, "tail call to " + tail[0].split()[-1].replace("@PLT", "")
    frame_regs = {"%rsp"}
    if any(re.match(r"^movq\s+%rsp,\s*%rbp$", x) for x in insns_all):
        frame_regs.add("%rbp")
    blocks, succ = basic_blocks(body)
    loops = natural_loops(succ)
    if not loops:
        return None, "no loop in the function"
    innermost = [b for h, b in loops.items() if not any(h2 != h and h2 in b for h2 in loops)]
    out = []
    for b in innermost:
        insns = [x for i in sorted(b) for x in blocks[i][1]]
        stored = sum(store_bytes(x, frame_regs) for x in insns)
        if not stored:
            continue
        if stored % 4:
            return None, f"a loop stores {stored} bytes per iteration, not whole floats"
        note = ""
        jumps = sum(1 for x in insns if re.match(r"^j[a-z]+\s", x))
        if jumps > 1:
            note = (f"; {jumps - 1} branch(es) inside the loop: llvm-mca counts every "
                    "instruction as executed")
        if any(x.startswith("call") for x in insns):
            insns, spliced = splice_calls(insns, asm)
            if insns is None:
                return None, spliced
            note += ("; calls " + ", ".join(sorted(set(spliced)))
                     + " (not inlined by gcc): its body counted in place of the call")
        out.append((insns, stored // 4, note))
    if not out:
        return None, f"{len(loops)} loop(s), none stores to memory other than the stack"
    out.sort(key=lambda c: -len(c[0]))
    return out, ""



def run_mca(mca, mcpu, insns):
    text = "\n".join(insns) + "\n"
    r = subprocess.run([mca, "-mtriple=x86_64-unknown-linux-gnu", "-mcpu=" + mcpu, "-iterations=100"],
                       input=text, capture_output=True, text=True)
    if r.returncode != 0:
        return None, None, "llvm-mca failed: " + (r.stderr.strip().splitlines() or [""])[0]
    m = re.search(r"^Block RThroughput:\s*([0-9.]+)", r.stdout, re.M)
    it = re.search(r"^Iterations:\s*(\d+)", r.stdout, re.M)
    cyc = re.search(r"^Total Cycles:\s*(\d+)", r.stdout, re.M)
    if not m:
        return None, None, "llvm-mca printed no Block RThroughput"
    sim = int(cyc.group(1)) / int(it.group(1)) if it and cyc else None
    return float(m.group(1)), sim, ""


def fmt(v):
    return "" if v is None else ("%.4g" % v)


def kernel_ids(act, files, work, asm_cache):
    """{variant id: (asm, file)} of the kernels ab_<act>_<id>_forward defined in the
    activation's AVX2 files, and the compile errors met."""
    ids, errors = {}, []
    prefix, suffix = f"ab_{act}_", "_forward"
    for e in files:
        src = e["file"]
        if src not in asm_cache:
            s = os.path.join(work, os.path.relpath(src, ROOT).replace(os.sep, "_")[:-2] + ".s")
            ok, err = compile_asm(e, s)
            asm_cache[src] = (open(s).read() if ok else None, err)
        asm, err = asm_cache[src]
        if asm is None:
            errors.append(f"{os.path.relpath(src, ROOT)} did not compile: {err}")
            continue
        for fn in global_functions(asm):
            if fn.startswith(prefix) and fn.endswith(suffix):
                ids[fn[len(prefix):-len(suffix)]] = (asm, src)
    return ids, errors


def match_kernels(act, variants, ids):
    """{variant: (id, note)}: the id spelled like the name, else the one pairing left among
    the variants and kernels of the same ISA (the name's first word: avx2, avx512)."""
    out = {}
    for v in variants:
        vid = v.replace("-", "_")
        if vid in ids:
            out[v] = (vid, "")
    used = {x[0] for x in out.values()}
    for isa in {v.split("-")[0] for v in variants if v not in out}:
        left_v = [v for v in variants if v not in out and v.split("-")[0] == isa]
        left_id = [i for i in ids if i not in used and i.split("_")[0] == isa]
        if len(left_v) == 1 and len(left_id) == 1:
            out[left_v[0]] = (left_id[0], f"; kernel ab_{act}_{left_id[0]}_* paired with the variant by elimination")
            used.add(left_id[0])
    return out


def estimate(row, fn, asm, vector, mca, mcpu, work, by_fn, tail_calls):
    """Fills row with the bound of function fn (or says why not)."""
    body = function_lines(asm, fn)
    if body is None:
        row["note"] = f"{fn} not found in the assembly"
        return
    if vector:
        row["note"] = "row kernel: several passes over the row and no single main loop; not estimated"
        return
    loops, why = find_loops(body, asm)
    if loops is None:
        row["note"] = why
        if why.startswith("tail call to "):
            tail_calls.append((row, why[len("tail call to "):]))
        return
    results = []
    for k, (insns, elems, note) in enumerate(loops):
        with open(os.path.join(work, f"{fn}.loop{k}.s"), "w") as fp:
            fp.write("\n".join(insns) + "\n")
        rthr, sim, err = run_mca(mca, mcpu, insns)
        results.append((insns, elems, note, rthr, sim, err))
    insns, elems, note, rthr, sim, err = results[0]
    if rthr is None:
        row["note"] = err
        return
    note = f"main loop = the largest of {len(loops)} innermost storing loop(s)" + note + row["note"]
    if sim is not None:
        note += f"; llvm-mca's simulated steady state {sim:.4g} cycles/iteration"
    others = [f"{len(r[0])} instructions: {fmt(r[3] / r[1])} cycles/element" for r in results[1:] if r[3] is not None]
    if others:
        note += "; other loops (other parameter or MXCSR paths): " + ", ".join(others)
    row.update(loop_instructions=str(len(insns)), elements_per_iteration=str(elems),
               cycles_per_iteration=fmt(rthr), bound_cycles_per_element=fmt(rthr / elems), note=note)
    by_fn[fn] = row


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "results", "portbound.csv"))
    ap.add_argument("--only", action="append", default=[], help="activation/variant (as in 'actbench list'); repeatable")
    ap.add_argument("--mcpu", default="znver3", help="llvm-mca model for the AVX2 kernels")
    ap.add_argument("--mcpu-avx512", default="icelake-server",
                    help="llvm-mca model for the AVX-512 kernels (one that has AVX-512)")
    build = os.environ.get("ACTBENCH_BUILD_DIR", os.path.join(ROOT, "build"))
    ap.add_argument("--build", default=build, help="build directory (its compile_commands.json)")
    ap.add_argument("--actbench", default=os.environ.get("ACTBENCH", os.path.join(build, "actbench")))
    ap.add_argument("--list-json", help="`actbench list --all --format json` output to use instead")
    ap.add_argument("--llvm-mca", dest="mca", default=None)
    ap.add_argument("--keep-asm", help="directory to keep the .s files and the loop bodies in")
    a = ap.parse_args()

    mca = a.mca or shutil.which("llvm-mca") or shutil.which("llvm-mca-14")
    if not mca or not shutil.which(mca):
        print("portbound: llvm-mca not found (Debian package 'llvm'): port bounds not estimated", file=sys.stderr)
        return 2
    entries = registry_entries(a.actbench, a.list_json)
    if entries is None:
        return 1
    if a.only:
        want = set(a.only)
        entries = [e for e in entries if f"{e[0]}/{e[1]}" in want]
        missing = want - {f"{e[0]}/{e[1]}" for e in entries}
        if missing:
            print("portbound: no avx2 or avx512 implementation " + ", ".join(sorted(missing)), file=sys.stderr)
            return 1
    sources = compile_commands(a.build)
    if sources is None:
        print(f"portbound: no compile_commands.json in {a.build}, and cmake could not make one", file=sys.stderr)
        return 1
    work = a.keep_asm or tempfile.mkdtemp(prefix="portbound.")
    os.makedirs(work, exist_ok=True)
    asm_cache, rows, by_fn, tail_calls = {}, [], {}, []
    try:
        for act in sorted({e[0] for e in entries}, key=[e[0] for e in entries].index):
            ids, errors = kernel_ids(act, sources.get(act, []), work, asm_cache)
            mine = [e for e in entries if e[0] == act]
            matched = match_kernels(act, [e[1] for e in mine], ids)
            for _, variant, dirs, vector, isa in mine:
                mcpu = a.mcpu_avx512 if isa == "avx512" else a.mcpu
                for direction in dirs:
                    row = dict(activation=act, variant=variant, direction=direction, mcpu=mcpu,
                               loop_instructions="", elements_per_iteration="", cycles_per_iteration="",
                               bound_cycles_per_element="", note="")
                    rows.append(row)
                    if variant not in matched:
                        row["note"] = (f"no kernel ab_{act}_<id>_forward matches this variant in impls/{act}/"
                                       + (f" ({'; '.join(errors)})" if errors else ""))
                        continue
                    vid, note = matched[variant]
                    row["note"] = note
                    estimate(row, f"ab_{act}_{vid}_{direction}", ids[vid][0], vector, mca, mcpu, work,
                             by_fn, tail_calls)
        # a kernel that tail-calls another one of ours has that one's loop
        for row, target in tail_calls:
            src_row = by_fn.get(target)
            if src_row and src_row["bound_cycles_per_element"]:
                for c in ("loop_instructions", "elements_per_iteration", "cycles_per_iteration",
                          "bound_cycles_per_element"):
                    row[c] = src_row[c]
                row["note"] = f"tail call to {target}: its main loop"
            else:
                row["note"] = f"tail call to {target}, which has no estimate here"
    finally:
        if not a.keep_asm:
            shutil.rmtree(work, ignore_errors=True)

    buf = io.StringIO()
    wr = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    wr.writeheader()
    wr.writerows(rows)
    out_dir = os.path.dirname(os.path.abspath(a.out))
    os.makedirs(out_dir, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".portbound.", suffix=".csv", dir=out_dir)
    with os.fdopen(fd, "w") as fp:
        fp.write(buf.getvalue())
    os.replace(tmp, a.out)
    done = sum(1 for r in rows if r["bound_cycles_per_element"])
    print(f"portbound: wrote {a.out} ({len(rows)} kernel-directions, {done} with a bound, "
          f"llvm-mca -mcpu={a.mcpu} for AVX2, -mcpu={a.mcpu_avx512} for AVX-512)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
