"""Installs a built dateline wheel into a fresh virtual environment with no Rust toolchain on PATH and
checks it works there: ``dateline demo`` runs, and a smoke test parses a story, runs a corpus (pandas
and Arrow tables) and reads the version, all from the installed wheel (not from the checkout).

    python tools/wheel_smoke.py dist/dateline-*.whl [--max-mb 25]

The virtual environment sees this Python's site-packages, a virtual environment's included
(numpy, pandas, pyarrow, tqdm are taken from there, ``pip install --no-index``: no network
needed); the wheel's own files come first, and the smoke test checks that ``dateline`` is
imported from them. Prints the wheel's size and fails above ``--max-mb``.
"""
from __future__ import annotations

import argparse
import os
import shutil
import site
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

SMOKE = r'''
import sys, dateline
from dateline import Corpus
venv = sys.argv[1]
assert dateline.__file__.startswith(venv), f"dateline imported from {dateline.__file__}, not the wheel"
art = dateline.parse("SEOUL, July 27 (Yonhap) -- Kim Min-jun of Samsung said exports rose in Seoul.",
                     date="2023-07-27")
assert art.dateline.place == "SEOUL" and any(e.label == "PERSON" for e in art.entities), art.entities
corpus = Corpus.from_records(dateline.sample_corpus())
ents = corpus.entities(threads=2)
arrow = corpus.entities(threads=1, to="arrow")
assert len(ents) == arrow.num_rows > 100
arts = corpus.articles()
assert arts["error"].isna().all()
print(f"smoke: dateline {dateline.__version__} from {dateline.__file__}: {len(arts)} stories, "
      f"{len(ents)} entities")
'''


def no_rust_path(venv_bin: Path) -> str:
    """PATH with the venv first and no folder holding cargo, rustc or rustup."""
    keep = [str(venv_bin)]
    for d in os.environ.get("PATH", "").split(os.pathsep):
        if d and not any((Path(d) / tool).exists() for tool in ("cargo", "rustc", "rustup")):
            keep.append(d)
    return os.pathsep.join(keep)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("wheel", type=Path)
    ap.add_argument("--max-mb", type=float, default=25.0)
    args = ap.parse_args()
    wheel = args.wheel.resolve()
    size_mb = wheel.stat().st_size / 2**20
    names = zipfile.ZipFile(wheel).namelist()
    print(f"wheel: {wheel.name}, {size_mb:.1f} MiB, {len(names)} files "
          f"({sum(n.endswith('.py') for n in names)} .py, extension: "
          f"{', '.join(n for n in names if n.endswith('.so'))})")
    if size_mb > args.max_mb:
        print(f"wheel_smoke: the wheel is {size_mb:.1f} MiB, over {args.max_mb} MiB", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
        bin_dir = venv / "bin"
        # --system-site-packages reaches the base interpreter only: when this script runs inside a
        # virtual environment (where `.ci/run` installed the dependencies), its site-packages must be
        # added too. Plain paths in a .pth file: the outer folders' own .pth files (an editable
        # dateline among them) are not run, so the wheel's dateline is the one imported.
        (site_dir,) = venv.glob("lib/python3*/site-packages")
        outer = [p for p in site.getsitepackages() if not Path(p).resolve().is_relative_to(venv.resolve())]
        (site_dir / "_outer_site_packages.pth").write_text("".join(f"{p}\n" for p in outer))
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "CARGO_HOME")}
        env["PATH"] = no_rust_path(bin_dir)
        env["VIRTUAL_ENV"] = str(venv)
        for tool in ("cargo", "rustc"):
            found = shutil.which(tool, path=env["PATH"])
            if found:
                print(f"wheel_smoke: {tool} is still on PATH ({found})", file=sys.stderr)
                return 1
        run = lambda *cmd: subprocess.run(list(cmd), env=env, cwd=tmp, check=True)  # noqa: E731
        # --ignore-installed: a dateline installed in the outer Python (an editable checkout under
        # CI) must not satisfy the requirement; the dependencies come from the outer site-packages.
        run(str(bin_dir / "python"), "-m", "pip", "install", "--no-index", "--no-deps", "--ignore-installed",
            "--quiet", str(wheel))
        run(str(bin_dir / "dateline"), "demo")
        run(str(bin_dir / "python"), "-c", SMOKE, str(venv))
    print(f"wheel_smoke: installed without Rust, demo and smoke test passed; wheel {size_mb:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
