"""Helpers shared by the benchmark scripts: the Reuters stories from ../shared, timing, peak RSS."""
from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

# One thread everywhere: the figures are per core.
os.environ.setdefault("RAYON_NUM_THREADS", "1")
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))

from shared_data import shared_dir  # noqa: E402

import dateline  # noqa: E402,F401  (the benchmark scripts take it from here)
from dateline import _native  # noqa: E402


def reuters_stories(limit: int = 0) -> list[dict]:
    """Every Reuters-21578 story with a <DATELINE>, rebuilt as raw wire text by `load_reuters`."""
    shared = shared_dir()
    if shared is None:
        sys.exit("benchmarks need the shared data: ../shared/data/reuters21578 (or $DATELINE_SHARED)")
    stories = [s for s in _native.load_reuters(str(shared / "data" / "reuters21578")) if s["dateline"]]
    return stories[:limit] if limit else stories


def words(text: str) -> int:
    """Words as whitespace-separated strings: the same count for every system measured."""
    return len(text.split())


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, *args, **kwargs):
    """(result, seconds): this process's CPU time, which on a one-thread run is the time on one core
    and is not inflated when other processes share the machine (the wall time is in `last_wall`)."""
    global last_wall
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn(*args, **kwargs)
    last_wall = time.perf_counter() - w0
    return out, time.process_time() - c0


last_wall = 0.0


def reuters_all() -> list[dict]:
    """All 14,000 Reuters-21578 stories (with or without a dateline) as `load_reuters` rebuilds them."""
    shared = shared_dir()
    if shared is None:
        sys.exit("benchmarks need the shared data: ../shared/data/reuters21578 (or $DATELINE_SHARED)")
    return _native.load_reuters(str(shared / "data" / "reuters21578"))
