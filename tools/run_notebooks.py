"""Executes the notebooks in notebooks/ and stores them with their outputs, so they read on the page.

    python tools/run_notebooks.py                  # execute every notebook, write it back with outputs
    python tools/run_notebooks.py 01_quickstart    # only the notebooks whose name starts so

Outputs never reproduce research data: a code cell tagged ``licensed-excerpt`` (one that prints
text of the stories in ../shared: quotes, KWIC lines, mention tables) runs, but is stored without
its output. Progress bars (stderr) and execution timestamps are left out, so a re-run changes only
what the code changed. Notebooks that need ../shared are skipped when it is absent (an error under
CI=true). tests/test_notebooks.py re-executes the notebooks and compares their tables with the
stored ones (images are regenerated, not compared byte for byte).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NB_DIR = REPO / "notebooks"
#: The tag of cells whose output would show research data: executed, stored empty.
EXCERPT_TAG = "licensed-excerpt"
#: What each notebook needs from the shared data folder.
NEEDS_SHARED = {"02_reuters_1987.ipynb": ("data", "reuters21578"), "03_seed_story.ipynb": ("seed",)}


def shared_dir() -> Path:
    sys.path.insert(0, str(REPO / "tools"))
    from shared_data import shared_dir as find

    return find() or (REPO / ".." / "shared").resolve()


def missing_data(name: str) -> Path | None:
    """The shared folder a notebook needs when it is absent, else None."""
    need = NEEDS_SHARED.get(name)
    if need and not shared_dir().joinpath(*need).exists():
        return Path("shared", *need)
    return None


def execute(path: Path):
    """The notebook at ``path``, executed in notebooks/ with this interpreter's kernel, and cleaned
    for storing (see :func:`clean`)."""
    import nbclient
    import nbformat

    nb = nbformat.read(path, as_version=4)
    # No timestamps in cell metadata: a re-run must not change cells whose output did not change.
    client = nbclient.NotebookClient(nb, timeout=1800, kernel_name="python3", record_timing=False,
                                     resources={"metadata": {"path": str(NB_DIR)}})
    client.execute()
    return clean(nb)


def is_excerpt(cell) -> bool:
    return EXCERPT_TAG in cell.get("metadata", {}).get("tags", [])


def clean(nb):
    """Empties tagged cells' outputs and drops progress-bar output (stderr lines with \\r)."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if is_excerpt(cell):
            cell.outputs = []
            continue
        cell.outputs = [o for o in cell.outputs if not _progress(o)]
    nb.metadata.pop("widgets", None)
    return nb


def _progress(output) -> bool:
    """A progress bar's output: stderr drawn with carriage returns, or left blank once closed."""
    if output.get("output_type") != "stream" or output.get("name") != "stderr":
        return False
    text = output.get("text", "")
    return "\r" in text or not text.strip()


def tables(nb) -> list[tuple[int, str]]:
    """(cell index, text/plain) of every table or value a cell displays: what must stay current.
    Stream output (timings) and images are left out."""
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or is_excerpt(cell):
            continue
        for o in cell.get("outputs", []):
            if o.get("output_type") in ("execute_result", "display_data") and "text/plain" in o.get("data", {}):
                if "image/png" in o["data"]:
                    continue  # a figure's text is its repr, with an address in it
                out.append((i, o["data"]["text/plain"]))
    return out


def main(argv: list[str] | None = None) -> int:
    import nbformat

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="notebook names (prefixes); default: all")
    args = ap.parse_args(argv)
    paths = sorted(NB_DIR.glob("*.ipynb"))
    if args.names:
        paths = [p for p in paths if any(p.name.startswith(n) for n in args.names)]
    status = 0
    for path in paths:
        gone = missing_data(path.name)
        if gone is not None:
            msg = f"{path.name}: needs {gone} beside the checkout"
            if os.environ.get("CI") == "true":
                print(f"error: {msg}", file=sys.stderr)
                status = 1
            else:
                print(f"skipped {msg}", file=sys.stderr)
            continue
        nb = execute(path)
        nbformat.write(nb, path)
        print(f"{path.name}: executed and stored with its outputs ({path.stat().st_size // 1024} KiB)")
    return status


if __name__ == "__main__":
    sys.exit(main())
