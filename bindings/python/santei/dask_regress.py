"""`santei regress` scaled out on Dask: the same claims priced under two fee revisions on a cluster.

A JSON Lines file of santei.claim/1 claims is cut into partitions of whole lines (byte ranges of
about 64 MiB, found by seeking: the driver does not read the file); every Dask worker maps its
ranges of the shared file, prices them under the old and the new revision in native code (one
``santei_regress_json_lines`` call a partition, through ``santei.regress_json_lines``; masters
loaded once per worker process), and returns a partial summary with its count of lines; adjacent
summaries are combined pairwise on the workers (the lines of the right one's failing receipts
numbered after the left one's lines) until one is left, which the driver receives. The summary has
the figures of the CLI's santei.regress/1 JSON (``santei regress --json``): receipts, points under
each revision, the delta, window charges, receipts up/down/unchanged, the histogram of per-receipt
changes, per-code deltas (each priced line counts for its lead code) and the first receipts that
now fail a rule — so a cluster run and a single-process run can be compared figure by figure.

Usage::

    from distributed import Client, LocalCluster
    from santei import dask_regress
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1) as cluster, Client(cluster) as client:
        summary = dask_regress.regress("claims.jsonl", old="../shared/masters", old_revision="r04",
                                       new="../shared/masters", new_revision="r06", client=client)

or from a shell: ``python3 -m santei.dask_regress --old DIR --old-revision r04 --new DIR
--new-revision r06 [--workers 2 | --scheduler ADDRESS] [--json OUT] INPUT``.
"""

import argparse
import json
import mmap
import os
import sys
import threading
import time
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import santei

FORMAT = "santei.regress/1"
# Buckets of per-receipt point changes: |delta| in [EDGES[i], EDGES[i+1]) on each side of 0, the
# last open — the same as santei/regress.hpp (kHistogramEdges).
EDGES = (1, 5, 10, 20, 50, 100, 200, 500, 1000)
BUCKETS = 2 * len(EDGES) + 1
ZERO = len(EDGES)
# Newly failing receipts a summary lists (the first in input order); all are counted.
MAX_FAILING_LISTED = 200

# "lines": the partition's (the library counts them as it reads), then the file's once combined.
_TOTALS = ("lines", "receipts", "priced_both", "failed_old", "failed_new", "newly_failing", "old_points", "new_points",
           "old_patient_yen", "new_patient_yen", "up", "down", "unchanged")


def histogram_label(bucket: int) -> str:
    if bucket == ZERO:
        return "0"
    up = bucket > ZERO
    step = bucket - ZERO - 1 if up else ZERO - 1 - bucket
    low = EDGES[step]
    if step + 1 == len(EDGES):
        return f"+{low} or more" if up else f"\u2212{low} or less"
    high = EDGES[step + 1] - 1
    if low == high:
        return f"+{low}" if up else f"\u2212{low}"
    return f"+{low} \u2026 +{high}" if up else f"\u2212{high} \u2026 \u2212{low}"


def empty_summary(old_revision: str, new_revision: str) -> dict:
    summary = {"format": FORMAT, "old_revision": old_revision, "new_revision": new_revision}
    summary.update(dict.fromkeys(_TOTALS, 0))
    summary["histogram"] = [0] * BUCKETS
    summary["codes"] = {}  # "code" -> [old_count, new_count, old_points, new_points]
    summary["failing"] = []  # {"id", "line", "old_points", "new_points", "failures"}, by line
    return summary


def merge(summaries: Iterable[dict]) -> dict:
    """Adds partial summaries of the same two revisions (any order: the result is the same)."""
    out = None
    for s in summaries:
        if out is None:
            out = empty_summary(s["old_revision"], s["new_revision"])
        for key in _TOTALS:
            out[key] += s[key]
        out["histogram"] = [a + b for a, b in zip(out["histogram"], s["histogram"])]
        for code, figures in s["codes"].items():
            mine = out["codes"].setdefault(code, [0, 0, 0, 0])
            for i in range(4):
                mine[i] += figures[i]
        out["failing"] = sorted(out["failing"] + s["failing"], key=lambda r: r["line"])[:MAX_FAILING_LISTED]
    if out is None:
        raise ValueError("no summaries to merge")
    return out


def report(summary: dict) -> dict:
    """The merged summary in the shape of the CLI's santei.regress/1 JSON (names left out)."""
    out = {key: summary[key] for key in ("format", "old_revision", "new_revision") + _TOTALS}
    out["delta"] = summary["new_points"] - summary["old_points"]
    out["histogram"] = [{"bucket": histogram_label(i), "receipts": n} for i, n in enumerate(summary["histogram"])]
    out["codes"] = [{"code": code, "old_count": f[0], "new_count": f[1], "old_points": f[2], "new_points": f[3],
                     "delta": f[3] - f[2]} for code, f in sorted(summary["codes"].items())]
    out["failing"] = [{"id": r["id"], "line": r["line"], "failures": r["failures"]} for r in summary["failing"]]
    return out


# ───────────────────────────── On a worker ─────────────────────────────

_masters_lock = threading.Lock()
_masters: Dict[Tuple[str, ...], "santei.Masters"] = {}
_contexts = threading.local()


def _load(paths: Tuple[str, ...]) -> "santei.Masters":
    """Masters are loaded once per worker process and shared by its threads (they are immutable)."""
    with _masters_lock:
        if paths not in _masters:
            _masters[paths] = santei.Masters.load(*paths)
        return _masters[paths]


def _context(paths: Tuple[str, ...], revision: str, copay: bool) -> "santei.Context":
    """One pricing context per thread, masters and options (santei.Context is one-per-thread)."""
    cache = getattr(_contexts, "cache", None)
    if cache is None:
        cache = _contexts.cache = {}
    key = (paths, revision, copay)
    if key not in cache:
        cache[key] = santei.Context(_load(paths), copay=copay, explain=False, revision=revision)
    return cache[key]


def _partial(native: dict) -> dict:
    """A partition's santei.regress/1 JSON (the library's) as a partial summary merge() adds."""
    s = empty_summary(native["old_revision"], native["new_revision"])
    for key in _TOTALS:
        s[key] = native[key]
    s["histogram"] = [bucket["receipts"] for bucket in native["histogram"]]
    s["codes"] = {c["code"]: [c["old_count"], c["new_count"], c["old_points"], c["new_points"]] for c in native["codes"]}
    s["failing"] = [{"id": r["id"], "line": r["line"], "old_points": r["old"]["points"], "new_points": r["new"]["points"],
                     "failures": r["failures"]} for r in native["failing"]]
    return s


def regress_partition(path: str, start: int, end: int, old: Sequence[str], old_revision: str,
                      new: Sequence[str], new_revision: str, copay: bool = True) -> dict:
    """Compares the claims of bytes [start, end) of `path` (whole lines) in native code
    (santei_regress_json_lines): the worker maps its own bytes, the scheduler moves only the partial
    summary. Its lines are numbered from 1, and its "lines" say how many it had (combine())."""
    old_context = _context(tuple(old), old_revision, copay)
    new_context = _context(tuple(new), new_revision, copay)
    if end == start:
        return _partial(santei.regress_json_lines(old_context, new_context, b"", first_line=1))
    # Mapped, not read: read() copied the 64 MiB into fresh memory first, 0.23 s of a partition's
    # 1.5 s (stop 49). A private mapping, which the binding can hand over by its address.
    aligned = start - start % mmap.ALLOCATIONGRANULARITY
    with open(path, "rb") as f:
        mapped = mmap.mmap(f.fileno(), end - aligned, access=mmap.ACCESS_COPY, offset=aligned)
    try:
        mapped.madvise(mmap.MADV_SEQUENTIAL)
        with memoryview(mapped) as whole, whole[start - aligned:] as lines:
            # The library counts the partition's lines as it reads them (its "lines").
            return _partial(santei.regress_json_lines(old_context, new_context, lines, first_line=1))
    finally:
        mapped.close()


def combine(left: dict, right: dict) -> dict:
    """The partial summaries of two adjacent runs of lines, `left` before `right`, as one: the lines
    of right's failing receipts numbered after left's lines. Run on the workers, pairwise, so the
    driver receives one summary, not one a partition."""
    # Not in place: a task Dask runs again (a worker lost) must find its inputs as they were.
    shifted = dict(right, failing=[dict(r, line=r["line"] + left["lines"]) for r in right["failing"]])
    return merge([left, shifted])


# ───────────────────────────── On the driver ─────────────────────────────

def partitions(path: str, bytes_per_partition: int = 1 << 26) -> List[Tuple[int, int]]:
    """(start byte, end byte) of consecutive runs of whole lines, each about `bytes_per_partition`
    long: each ends with the line that holds its last byte. Found by seeking, so the driver reads a
    line a partition, not the file (a Python loop over every line cost 0.6 s a million claims,
    serially, before any worker started)."""
    if bytes_per_partition < 1:
        raise ValueError("bytes_per_partition must be positive")
    size = os.path.getsize(path)
    out = []
    start = 0
    with open(path, "rb") as f:
        while start < size:
            f.seek(min(start + bytes_per_partition, size) - 1)
            f.readline()  # to the end of the line that holds the partition's last byte
            end = f.tell()
            out.append((start, end))
            start = end
    return out


def _paths(where) -> Tuple[str, ...]:
    return (os.fspath(where),) if isinstance(where, (str, os.PathLike)) else tuple(os.fspath(p) for p in where)


def regress(path, *, old, old_revision: str, new, new_revision: str, client=None,
            bytes_per_partition: int = 1 << 26, copay: bool = True) -> dict:
    """Runs the regression of `path` on the Dask `client` (a new local cluster of two worker
    processes when None) and returns the merged summary in the shape of santei.regress/1.
    `old` and `new` are master directories (or lists of them) readable by every worker; `path`
    must be readable by every worker too (a shared file system)."""
    path = os.path.abspath(os.fspath(path))
    old_paths, new_paths = _paths(old), _paths(new)
    owned = None
    if client is None:
        from distributed import Client, LocalCluster
        owned = LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None)
        client = Client(owned)
    try:
        parts = partitions(path, bytes_per_partition)
        futures = client.map(regress_partition, [path] * len(parts), [p[0] for p in parts], [p[1] for p in parts],
                             old=old_paths, old_revision=old_revision, new=new_paths, new_revision=new_revision,
                             copay=copay, pure=False)
        # Adjacent partitions combined pairwise on the workers: gathering a summary a partition and
        # merging them on the driver took 0.55 s after the last task (54 of 16 MiB, a million claims).
        while len(futures) > 1:
            futures = [client.submit(combine, *futures[i:i + 2], pure=False) if i + 1 < len(futures) else futures[i]
                       for i in range(0, len(futures), 2)]
        summary = futures[0].result() if futures else None
    finally:
        if owned is not None:
            client.close()
            owned.close()
    if summary is None:
        return report(empty_summary(old_revision, new_revision))
    return report(summary)


def main(argv: Optional[Sequence[str]] = None) -> int:
    p = argparse.ArgumentParser(prog="python3 -m santei.dask_regress", description=__doc__.split("\n\n")[0])
    p.add_argument("--old", required=True, action="append", help="old masters directory (repeatable)")
    p.add_argument("--new", required=True, action="append", help="new masters directory (repeatable)")
    p.add_argument("--old-revision", required=True)
    p.add_argument("--new-revision", required=True)
    p.add_argument("--workers", type=int, default=2, help="local worker processes (without --scheduler)")
    p.add_argument("--scheduler", help="address of a running Dask scheduler")
    # 64 MiB: a million claims (900 MB) on 2 workers took 8.3 s in partitions of 16 MiB, 7.5 s of
    # 32, 7.3 s of 64 or 128 (docs/performance.md, stop 43).
    p.add_argument("--bytes-per-partition", type=int, default=1 << 26,
                   help="about how many bytes of the input a task prices (whole lines; default 64 MiB)")
    p.add_argument("--no-copay", action="store_true")
    p.add_argument("--json", help="write the summary (santei.regress/1) here")
    p.add_argument("input")
    args = p.parse_args(argv)
    from distributed import Client, LocalCluster
    # Run as `python3 -m`, this file is __main__, whose functions the workers could not import:
    # take them from the package module.
    from santei.dask_regress import regress as run
    started = time.monotonic()
    if args.scheduler:
        cluster, client = None, Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, processes=True, threads_per_worker=1, dashboard_address=None)
        client = Client(cluster)
    try:
        ready = time.monotonic()
        summary = run(args.input, old=args.old, old_revision=args.old_revision, new=args.new,
                          new_revision=args.new_revision, client=client, bytes_per_partition=args.bytes_per_partition,
                          copay=not args.no_copay)
        done = time.monotonic()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(summary, f, ensure_ascii=False)
            f.write("\n")
    old_points, delta = summary["old_points"], summary["delta"]
    print(f"receipts            {summary['receipts']}")
    print(f"points {args.old_revision:<12} {old_points}")
    print(f"points {args.new_revision:<12} {summary['new_points']}")
    hundredths = (abs(delta) * 10000 + old_points // 2) // old_points if old_points else 0  # exact, no float
    print(f"change              {delta:+d} ({'-' if delta < 0 else '+'}{hundredths // 100}.{hundredths % 100:02d}%)")
    print(f"up / down / same    {summary['up']} / {summary['down']} / {summary['unchanged']}")
    print(f"fail under {args.new_revision:<8} {summary['newly_failing']} (not priced: {summary['failed_new']})")
    rate = summary["receipts"] / (done - ready) if done > ready else 0
    print(f"time                {done - ready:.1f} s on the cluster ({rate:.0f} receipts/s), "
          f"{ready - started:.1f} s to start it", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
