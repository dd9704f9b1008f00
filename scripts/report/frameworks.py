"""What a PyTorch or TensorFlow user gains by switching to our kernel.

PyTorch's CPU activations are ATen's kernels (the peer-torch adapters);
TensorFlow's CPU element-wise math is Eigen's (peer-eigen). Per activation
and direction: our recommended kernel (the pick of `actbench recommend` for
the "accurate" profile when it is ours, else our fastest kernel within 2 ULP
with no error class), our time ÷ the framework's time at L1 on each input
distribution of the same run (above 1: we are slower), and both accuracies:
max ULP over all 2^32 inputs when swept, else over the sampled inputs
(said in the cell), with the error classes.
"""
from .fmt import DIRECTIONS, fnum, is_peer, md_table
from . import kernels

# (what a user runs, the peer adapter that runs the same kernels)
FRAMEWORKS = [("PyTorch", "peer-torch"), ("TensorFlow", "peer-eigen")]
RECOMMENDED_NEED = "accurate"


def our_kernel(res, act, direction):
    """(variant, accuracy) of the kernel we recommend, or None."""
    doc = res.recommend(act, direction)
    for a in (doc or {}).get("answers", []):
        p = a.get("pick")
        if a.get("need") == RECOMMENDED_NEED and p and not p.get("is_peer") and not is_peer(p["variant"]):
            return p["variant"], kernels.accuracy(res, act, p["variant"], direction)
    return kernels.best_kernel(res, act, direction)


def ratios_cell(res, act, direction, ours, theirs, size):
    cells = []
    for d in kernels.compared_dists(res):
        t, p = res.time(act, ours, direction, size, d), res.time(act, theirs, direction, size, d)
        cells.append(f"{fnum(t / p)}×" if t and p else "—")
    return " · ".join(cells)


def direction_table(res, direction, size):
    present = [(name, peer) for name, peer in FRAMEWORKS
               if any(peer in res.variants(act, direction) for act in res.activations)]
    if not present:
        return None, []
    rows = []
    for act in res.activations:
        have = [peer for _, peer in present if peer in res.variants(act, direction)]
        if not have:
            continue
        ours = our_kernel(res, act, direction)
        row = [act, f"`{ours[0]}` {kernels.error_cell(ours[1])}" if ours else "none within 2 ULP"]
        for _, peer in present:
            if peer not in have:
                row += ["—", "does not have it"]
                continue
            row += [ratios_cell(res, act, direction, ours[0], peer, size) if ours else "—",
                    kernels.error_cell(kernels.accuracy(res, act, peer, direction))]
        rows.append(row)
    return present, rows


def frameworks_section(res):
    size = kernels.size_label(res)
    L = ["## Switching from PyTorch or TensorFlow\n"]
    dists = " · ".join(kernels.compared_dists(res))
    body = []
    for direction in DIRECTIONS:
        present, rows = direction_table(res, direction, size)
        if not rows:
            continue
        header = ["activation", "our kernel, max ULP"]
        for name, _ in present:
            header += [f"ratio to {name} ({dists})", f"{name}, max ULP"]
        body.append(f"### {'Forward' if direction == 'forward' else 'Backward (derivative)'}\n")
        body.append(md_table(header, rows))
    if not body:
        return ""
    names = ", ".join(f"{n} (`{p}`)" for n, p in FRAMEWORKS)
    L.append(f"What a user of {names} gets by calling our kernel instead: the **ratio** = our time ÷ the "
             f"framework's time at {size}, same run, on {dists} (below 1: we are faster), and the max error of "
             "each (over all 2^32 inputs where swept, else over the sampled inputs), with its error classes "
             "(counts of inputs). Our kernel is `actbench recommend`'s pick for the accurate profile (≤ 2 ULP), "
             "or our fastest kernel within 2 ULP with no error class when that pick is a peer. TensorFlow's CPU "
             "element-wise math is Eigen's; PyTorch's is ATen's, at the CPU capability it chose (Method). "
             "—: no valid timing of one of the two on that distribution.\n")
    return "\n".join(L + body)


def glance_lines(res):
    """One line per framework for the summary: in how many activations (forward)
    our kernel is faster on every compared distribution, and has the smaller max ULP."""
    size, out = kernels.size_label(res), []
    present, rows = direction_table(res, "forward", size)
    for name, peer in present or []:
        timed = faster = smaller = 0
        for act in res.activations:
            ours = our_kernel(res, act, "forward") if peer in res.variants(act, "forward") else None
            if not ours:
                continue
            rs = [(res.time(act, ours[0], "forward", size, d), res.time(act, peer, "forward", size, d))
                  for d in kernels.compared_dists(res)]
            if rs and all(t and p for t, p in rs):
                timed += 1
                faster += all(t <= p for t, p in rs)
                theirs = kernels.accuracy(res, act, peer, "forward")
                smaller += bool(ours[1] and theirs and ours[1][0] < theirs[0])
        if timed:
            out.append(f"{name} (`{peer}`), forward: our kernel takes at most 1.0× its time in **{faster} of "
                       f"{timed}** activations with valid timings, and has the smaller max ULP in {smaller} of "
                       "them ([table](#switching-from-pytorch-or-tensorflow)).")
    return out
