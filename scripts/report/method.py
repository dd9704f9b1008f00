"""How the figures were made: this run's parameters (read from the results)
and the machine. The conventions themselves are in docs/accuracy.md and
docs/measurement.md, linked, not repeated."""
from .fmt import fint, fnum, md_table, nbytes


def cli_value(res, opt, default):
    cl = res.machine.get("command_line", [])
    for i, a in enumerate(cl):
        if a == opt and i + 1 < len(cl):
            return cl[i + 1]
        if a.startswith(opt + "="):
            return a.split("=", 1)[1]
    return default


def is_quick(res):
    cl = res.machine.get("command_line", [])
    return "--quick" in cl or "-q" in cl


def method_section(res, docs):
    """docs: the relative path from the page to the repository's docs/."""
    L = ["## Method\n"]
    L.append(f"Accuracy follows [{docs}/accuracy.md]({docs}/accuracy.md) (the ULP of the exact value, error "
             f"classes counted apart, MPFR references); timing follows [{docs}/measurement.md]"
             f"({docs}/measurement.md). This run:\n")
    rows = []
    methods = {}
    for r in res.acc.values():
        methods.setdefault(r.get("method", ""), set()).add(fint(r.get("inputs")))
    if methods:
        rows.append(["sampled accuracy", "; ".join(
            f"{m}: {min(v)}–{max(v)} inputs per implementation" if min(v) != max(v)
            else f"{m}: {min(v)} inputs per implementation" for m, v in methods.items())
            + f"; MPFR at {cli_value(res, '--precision', '128')} bits; seed {cli_value(res, '--seed', '1')}"])
    if res.exh:
        acts = sorted({k[0] for k in res.exh})
        rows.append(["exhaustive accuracy", f"every binary32 input (2^32) for {len(acts)} activations; "
                     "their max ULP replaces the sampled one wherever it exists"])
    if res.perf:
        rounds = sorted({r.get("rounds", "") for r in res.perf.values()} - {""}, key=fint)
        rows.append(["timing", f"median over {', '.join(rounds)} rounds (DRAM fewer); "
                     f"inputs {', '.join(res.dists)}; unit {res.time_unit}"])
        rows.append(["sizes", "; ".join(f"{s}: n = {res.size_n[s][0]} ({nbytes(res.size_n[s][1])} in + out)"
                                        for s in res.sizes)])
    if res.portbound:
        models = {}  # registry ISA -> the llvm-mca CPU models its kernels were analysed with
        for (act, v, _), r in res.portbound.items():
            if r.get("mcpu"):
                models.setdefault(res.registry.isa(act, v) or "kernels", set()).add(r["mcpu"])
        per_isa = "; ".join(f"{isa}: -mcpu={'/'.join(sorted(m))}" for isa, m in sorted(models.items()))
        rows.append(["port bound", f"llvm-mca on the main loop of each of our vector kernels ({per_isa}; "
                     "scripts/portbound.py); a model of a CPU, not necessarily the one measured, so an "
                     "estimate, not a floor"])
    if rows:
        L.append(md_table(["what", "how"], rows))
    L.append("### Machine\n")
    L.append(machine_table(res))
    return "\n".join(L)


def machine_table(res):
    m = res.machine
    if not m:
        return "machine.json is missing.\n"
    cpu, hv, ca, ti, bu = (m.get(k, {}) for k in ("cpu", "hypervisor", "caches", "timer", "build"))
    rows = [
        ["CPU", f"{res.cpu()}, {cpu.get('logical_pus', '?')} logical processors"],
        ["hypervisor", (hv.get("vendor") or "yes") if hv.get("present") else "none detected"],
        ["caches", f"L1d {nbytes(ca.get('l1d_bytes'))}, L2 {nbytes(ca.get('l2_bytes'))}, "
                   f"L3 {nbytes(ca.get('l3_bytes'))}" + (f" ({ca['note']})" if ca.get("note") else "")],
        ["timer", f"{ti.get('clock', '')}; TSC at {fnum((ti.get('tsc_hz') or 0) / 1e9, 4)} GHz; "
                  f"{fnum(ti.get('core_cycles_per_tsc_tick'))} core cycles per tick ({ti.get('cycle_source', '')})"],
        ["compiler", f"{bu.get('compiler', '')}, flags `{(bu.get('c_flags') or '').strip()}`"],
        ["libraries", ", ".join(f"{k} {v}" for k, v in m.get("libraries", {}).items())],
        ["peers", ", ".join(f"{p.get('name')} {p.get('version')}" for p in m.get("peers", []))],
        ["date (UTC)", m.get("date_utc", "")],
        ["command", "`" + " ".join(m.get("command_line", [])) + "`"],
    ]
    return md_table(["", ""], rows)
