"""How long Ctrl-C takes to stop a corpus run that is in the middle of one huge story.

    python benchmarks/bench_cancel.py [--mb 20] [--after 1.0] [--family reuters_joined]

A child process runs ``Corpus.from_records([...]).articles(threads=1)`` over one pathological story
(a family of bench_scaling.py, --mb megabytes) followed by ordinary ones; the parent sends SIGINT
--after seconds into the run and prints how long the child took to exit, next to the time the story
takes to parse on its own. Target: under 1 s, however long the story.
"""
from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = """
import sys, time
sys.path.insert(0, {here!r})
from bench_scaling import family_text
import dateline
from dateline import Corpus
text = family_text({family!r}, {size})
dateline.parse("Warm-up: the model loads on first use.")
t0 = time.perf_counter()
if {solo}:
    dateline.parse(text)
    print(time.perf_counter() - t0, flush=True)
    sys.exit(0)
recs = [{{"id": "huge", "text": text}}] + [{{"id": str(i), "text": "Kim met Park in Seoul."}} for i in range(100)]
print("started", flush=True)
try:
    Corpus.from_records(recs, max_bytes=len(text.encode()) + 1).articles(threads=1, progress=False)
    print("finished", flush=True)
except KeyboardInterrupt:
    print("interrupted", flush=True)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=20.0, help="size of the pathological story in MB (20)")
    ap.add_argument("--after", type=float, default=1.0, help="seconds into the run to send SIGINT (1.0)")
    ap.add_argument("--family", default="reuters_joined", help="a family of bench_scaling.py (reuters_joined)")
    args = ap.parse_args()
    size = int(args.mb * 1e6)

    def child(solo: bool) -> subprocess.Popen:
        code = CHILD.format(here=str(HERE), family=args.family, size=size, solo=solo)
        return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)

    solo = child(True)
    parse_secs = float(solo.stdout.readline())
    solo.wait()

    run = child(False)
    assert run.stdout.readline().strip() == "started"
    time.sleep(args.after)
    t0 = time.perf_counter()
    run.send_signal(signal.SIGINT)
    outcome = run.stdout.readline().strip()
    run.wait()
    stop = time.perf_counter() - t0
    print(f"{args.family}, {args.mb:g} MB story: parse alone {parse_secs:.2f} s; SIGINT {args.after:g} s into the "
          f"run -> {outcome} after {stop:.3f} s (target < 1 s)")


if __name__ == "__main__":
    main()
