"""The notebooks in notebooks/ are stored executed, with their tables and plots, so they read on the
page; they run headless from top to bottom, their tables are what the code gives today, and their
stored outputs never reproduce research data.

`python tools/run_notebooks.py` executes and stores them. 02 and 03 need the shared research data
beside the checkout (../shared or $DATELINE_SHARED): without it they are skipped, except under
CI=true where that fails.
"""
import os
import re
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")
pytest.importorskip("networkx")

from nbclient.exceptions import CellExecutionError  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
NB_DIR = REPO / "notebooks"
NOTEBOOKS = sorted(p.name for p in NB_DIR.glob("*.ipynb"))
sys.path.insert(0, str(REPO / "tools"))
import run_notebooks  # noqa: E402


def images(nb) -> int:
    return sum(1 for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", [])
               if "image/png" in out.get("data", {}))


def stored_text(nb) -> list[str]:
    """Every text a reader of the stored notebook sees in its outputs."""
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if "text" in o:
                out.append(o["text"])
            for kind in ("text/plain", "text/html"):
                if kind in o.get("data", {}):
                    out.append(o["data"][kind])
    return out


def test_every_notebook_is_listed():
    assert {"01_quickstart.ipynb", "02_reuters_1987.ipynb", "03_seed_story.ipynb"} <= set(NOTEBOOKS)
    assert set(run_notebooks.NEEDS_SHARED) <= set(NOTEBOOKS)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_stored_with_outputs_and_plots(name):
    nb = nbformat.read(NB_DIR / name, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    shown = [c for c in code if not run_notebooks.is_excerpt(c)]
    assert all(c.get("execution_count") for c in code), f"{name}: stored without running every cell"
    assert sum(bool(c.get("outputs")) for c in shown) >= len(shown) // 2, f"{name}: stored without outputs"
    assert images(nb) >= 2, f"{name}: its plots are not stored"
    assert (NB_DIR / name).stat().st_size < 1_000_000, f"{name}: outputs too large to store"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebooks_use_only_the_installed_package(name):
    # A pip user has no repository files: the gazetteer comes from dateline.gazetteer, not ../data.
    nb = nbformat.read(NB_DIR / name, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert "../data" not in cell.source and "data/gazetteer" not in cell.source, cell.source


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_excerpt_cells_are_stored_empty(name):
    nb = nbformat.read(NB_DIR / name, as_version=4)
    for cell in nb.cells:
        if run_notebooks.is_excerpt(cell):
            assert not cell.get("outputs"), f"{name}: a {run_notebooks.EXCERPT_TAG} cell has stored outputs"
    if name in run_notebooks.NEEDS_SHARED:
        # Over research data, every cell that prints story text (quotes, concordances) is tagged.
        for cell in nb.cells:
            # Concordances and per-item tables of quotes, events and mentions (counts are fine).
            if cell.cell_type == "code" and re.search(r"kwic\(|to_dict\(\) for \w+ in art\.", cell.source):
                assert run_notebooks.is_excerpt(cell), f"{name}: cell prints story text untagged:\n{cell.source}"


def _licensed_texts(name: str, shared: Path) -> list[str]:
    from dateline import _native

    if name == "02_reuters_1987.ipynb":
        return [s["text"] for s in _native.load_reuters(str(shared / "data" / "reuters21578"))]
    return [p.read_text(encoding="utf-8") for p in (shared / "seed").glob("*.txt")]


@pytest.mark.parametrize("name", sorted(run_notebooks.NEEDS_SHARED))
def test_stored_outputs_hold_no_research_text(name, shared_dir):
    # Any 60 characters of a stored output found in the research stories is an excerpt.
    nb = nbformat.read(NB_DIR / name, as_version=4)
    corpus = "\n".join(" ".join(t.split()) for t in _licensed_texts(name, shared_dir))
    assert len(corpus) > 1000
    for text in stored_text(nb):
        flat = " ".join(re.sub(r"<[^>]+>", " ", text).split())
        for k in range(0, max(0, len(flat) - 60), 20):
            piece = flat[k:k + 60]
            assert piece not in corpus, f"{name}: a stored output quotes the research data: {piece!r}"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_and_its_tables_are_current(name):
    gone = run_notebooks.missing_data(name)
    if gone is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} needs {gone}, absent under CI")
        pytest.skip(f"{name} needs {gone} beside the checkout")
    stored = nbformat.read(NB_DIR / name, as_version=4)
    try:
        # The kernel's "python" is this interpreter (jupyter_client substitutes sys.executable), so
        # it imports the dateline under test. The inline backend renders figures as image/png.
        nb = run_notebooks.execute(NB_DIR / name)
    except CellExecutionError as err:
        if err.ename == "SkipNotebook":
            pytest.skip(f"{name}: {err.evalue}")
        raise
    assert images(nb) >= 2, f"{name}: expected its plots to render, found {images(nb)} image outputs"
    # No progress-bar noise where ipywidgets is missing (TqdmWarning: IProgress not found).
    noise = [t for t in stored_text(nb) if "TqdmWarning" in t or "IProgress" in t]
    assert not noise, f"{name}: {noise[0][:300]}"
    assert run_notebooks.tables(nb) == run_notebooks.tables(stored), (
        f"{name}: the stored tables are not what the notebook gives now; run python tools/run_notebooks.py"
    )
