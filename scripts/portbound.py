#!/usr/bin/env python3
"""Estimated port-throughput bound of each of our AVX2 kernels, by llvm-mca.

For every implementation registered with ISA AB_ISA_AVX2_FMA in
impls/registry.def + impls/registry/*.def (our kernels, not the peers), and
each direction it offers, the kernel's source file is compiled to assembly
with the flags the CMake build gives an avx2 file (gcc -S), the main
vectorised loop of ab_<activation>_<variant_id>_<direction> is cut out of that
function's assembly, and that loop body alone is given to llvm-mca. Its
"Block RThroughput" (core cycles per iteration when only the execution ports
limit: dependencies, the front end and memory are ignored) divided by the
elements the iteration stores is the bound in core cycles per element.

Which loop: every backward branch inside the function closes a loop
[target label, branch]; the candidates are the innermost ones that store to
memory other than the stack; the main loop is the candidate with the most
instructions. Elements per iteration = bytes stored by those stores / 4
(a 256-bit store of floats is 8 elements). When no candidate is found, the
row keeps empty numbers and says why in its note: no number is invented.

The model is llvm-mca's -mcpu (default znver3, the newest AMD model of
llvm-mca 14; the benchmark host reports an "Oxide Virtual Turin-like" Zen 5,
which llvm-mca 14 does not know). It is an estimate of the loop's steady
state on that model, not a lower bound on another microarchitecture.

    scripts/portbound.py [--out results/portbound.csv] [--only act/variant ...]
                         [--mcpu znver3] [--cc gcc] [--llvm-mca llvm-mca]

Standard library only. Writes the CSV atomically (temp file + rename).
"""
import argparse
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLUMNS = ["activation", "variant", "direction", "mcpu", "loop_instructions", "elements_per_iteration",
           "cycles_per_iteration", "bound_cycles_per_element", "note"]

def registry_entries():
    """(activation, variant_id, variant name, directions, flags text) of our AVX2 kernels."""
    paths = [os.path.join(ROOT, "impls", "registry.def")]
    d = os.path.join(ROOT, "impls", "registry")
    paths += [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".def")]
    out = []
    for p in paths:
        with open(p) as fp:
            text = re.sub(r"/\*.*?\*/", "", fp.read(), flags=re.S)
        # an IMPL(...) entry ends at the closing parenthesis after its "method" string
        for m in re.finditer(r"\b(IMPL|IMPL_FWD_ONLY)\(\s*(\w+)\s*,\s*(\w+)\s*,\s*\"([^\"]+)\"\s*,\s*(\w+)\s*,"
                             r"([^\"]*)\"", text):
            kind, act, vid, name, isa, rest = m.groups()
            if isa != "AB_ISA_AVX2_FMA" or name.startswith("peer-") or os.path.basename(p) == "peers.def":
                continue
            dirs = ["forward"] if kind == "IMPL_FWD_ONLY" else ["forward", "derivative"]
            out.append((act, vid, name, dirs, rest))
    return out


def find_source(act, vid):
    """The kernel file defining ab_<act>_<vid>_forward (impls/<dir>/*avx2*.c, not the peers)."""
    fn = re.compile(r"^\s*(?:static\s+)?void\s+(?:AB_KERNEL\()?ab_%s_%s_forward\)?\s*\(" % (act, vid), re.M)
    cands = []
    for sub in sorted(os.listdir(os.path.join(ROOT, "impls"))):
        d = os.path.join(ROOT, "impls", sub)
        if sub in ("peers", "include") or not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith(".c") and "avx2" in f:
                p = os.path.join(d, f)
                with open(p) as fp:
                    if fn.search(fp.read()):
                        cands.append(p)
    return cands[0] if len(cands) == 1 else None


def cmake_opt_flags():
    """CMAKE_C_FLAGS_RELEASE and the C standard from CMakeLists.txt (what the build uses)."""
    with open(os.path.join(ROOT, "CMakeLists.txt")) as fp:
        t = fp.read()
    m = re.search(r'set\(CMAKE_C_FLAGS_RELEASE\s+"([^"]*)"\)', t)
    opt = m.group(1).split() if m else ["-O2"]
    m = re.search(r"set\(CMAKE_C_STANDARD\s+(\d+)\)", t)
    std = "-std=c%s" % (m.group(1) if m else "17")
    return opt + [std]


def compile_asm(cc, src, out_s):
    cmd = ([cc, "-S", "-DAB_BUILD_X86=1", "-D_GNU_SOURCE",
            "-I" + os.path.join(ROOT, "impls", "include"), "-I" + os.path.join(ROOT, "impls")]
           + cmake_opt_flags() + ["-Wall", "-Wextra", "-mavx2", "-mfma", "-o", out_s, src])
    r = subprocess.run(cmd, capture_output=True, text=True)
    return r.returncode == 0, (r.stderr.strip().splitlines() or [""])[-1]


LABEL_RE = re.compile(r"^([.\w$]+):")
JUMP_RE = re.compile(r"^(j[a-z]+)\s+([.\w$@]+)\s*$")
STORE_WIDTH = {"ymm": 32, "xmm": 16}


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
        return 16
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


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "results", "portbound.csv"))
    ap.add_argument("--only", action="append", default=[],
                    help="activation/variant (variant name as in 'actbench list', or its id); repeatable")
    ap.add_argument("--mcpu", default="znver3")
    ap.add_argument("--cc", default=os.environ.get("CC", "gcc"))
    ap.add_argument("--llvm-mca", dest="mca", default=None)
    ap.add_argument("--keep-asm", help="directory to keep the .s files and the loop bodies in")
    a = ap.parse_args()

    mca = a.mca or shutil.which("llvm-mca") or shutil.which("llvm-mca-14")
    if not mca or not shutil.which(mca):
        print("portbound: llvm-mca not found (Debian package 'llvm'): port bounds not estimated", file=sys.stderr)
        return 2
    if not shutil.which(a.cc):
        print(f"portbound: C compiler '{a.cc}' not found", file=sys.stderr)
        return 2

    entries = registry_entries()
    if a.only:
        want = set(a.only)
        entries = [e for e in entries if f"{e[0]}/{e[2]}" in want or f"{e[0]}/{e[1]}" in want]
        missing = want - {f"{e[0]}/{e[2]}" for e in entries} - {f"{e[0]}/{e[1]}" for e in entries}
        if missing:
            print("portbound: no avx2 implementation " + ", ".join(sorted(missing)), file=sys.stderr)
            return 1
    work = a.keep_asm or tempfile.mkdtemp(prefix="portbound.")
    os.makedirs(work, exist_ok=True)
    asm_cache = {}
    rows = []
    by_fn, tail_calls = {}, []
    try:
        for act, vid, name, dirs, rest in entries:
            src = find_source(act, vid)
            vector = "AB_FLAG_VECTOR" in rest
            for direction in dirs:
                row = dict(activation=act, variant=name, direction=direction, mcpu=a.mcpu, loop_instructions="",
                           elements_per_iteration="", cycles_per_iteration="", bound_cycles_per_element="",
                           note="")
                rows.append(row)
                if src is None:
                    row["note"] = f"no single impls/*/*avx2*.c file defines ab_{act}_{vid}_forward"
                    continue
                if src not in asm_cache:
                    s = os.path.join(work, os.path.relpath(src, ROOT).replace("/", "_")[:-2] + ".s")
                    ok, err = compile_asm(a.cc, src, s)
                    asm_cache[src] = (open(s).read() if ok else None, err)
                asm, err = asm_cache[src]
                if asm is None:
                    row["note"] = f"{os.path.relpath(src, ROOT)} did not compile: {err}"
                    continue
                fn = f"ab_{act}_{vid}_{direction}"
                body = function_lines(asm, fn)
                if body is None:
                    row["note"] = f"{fn} not found in the assembly of {os.path.relpath(src, ROOT)}"
                    continue
                if vector:
                    row["note"] = ("row kernel (AB_FLAG_VECTOR): several passes over the row "
                                   "and no single main loop; not estimated")
                    continue
                loops, why = find_loops(body, asm)
                if loops is None:
                    row["note"] = why
                    if why.startswith("tail call to "):
                        tail_calls.append((row, why[len("tail call to "):]))
                    continue
                results = []
                for k, (insns, elems, note) in enumerate(loops):
                    with open(os.path.join(work, f"{fn}.loop{k}.s"), "w") as fp:
                        fp.write("\n".join(insns) + "\n")
                    rthr, sim, err = run_mca(mca, a.mcpu, insns)
                    results.append((insns, elems, note, rthr, sim, err))
                insns, elems, note, rthr, sim, err = results[0]
                if rthr is None:
                    row["note"] = err
                    continue
                note = f"main loop = the largest of {len(loops)} innermost storing loop(s)" + note
                if sim is not None:
                    note += f"; llvm-mca's simulated steady state {sim:.4g} cycles/iteration"
                others = [f"{len(r[0])} instructions: {fmt(r[3] / r[1])} cycles/element" for r in results[1:]
                          if r[3] is not None]
                if others:
                    note += "; other loops (other parameter or MXCSR paths): " + ", ".join(others)
                row.update(loop_instructions=str(len(insns)), elements_per_iteration=str(elems),
                           cycles_per_iteration=fmt(rthr), bound_cycles_per_element=fmt(rthr / elems),
                           note=note)
                by_fn[fn] = row
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
          f"llvm-mca -mcpu={a.mcpu})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
