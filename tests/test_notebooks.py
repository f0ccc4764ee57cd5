"""The notebooks in notebooks/ run headless from top to bottom and their plots render.

Notebooks are stored without outputs. 02 and 03 need the shared research data beside the checkout
(../shared or $DATELINE_SHARED): without it they are skipped, except under CI=true where that fails.
"""
import os
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
# What each notebook needs from the shared data folder.
NEEDS_SHARED = {"02_reuters_1987.ipynb": ("data", "reuters21578"), "03_seed_story.ipynb": ("seed",)}


def shared_dir() -> Path:
    # conftest.py put tools/ on the path: the one lookup of the research data
    from shared_data import shared_dir as find

    return find() or (REPO / ".." / "shared").resolve()


def test_every_notebook_is_listed():
    assert {"01_quickstart.ipynb", "02_reuters_1987.ipynb", "03_seed_story.ipynb"} <= set(NOTEBOOKS)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_stored_without_outputs(name):
    nb = nbformat.read(NB_DIR / name, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.get("outputs"), f"{name}: a code cell has stored outputs"
            assert cell.get("execution_count") is None, f"{name}: a code cell has an execution count"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs(name):
    need = NEEDS_SHARED.get(name)
    if need and not shared_dir().joinpath(*need).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} needs {Path('shared', *need)}, absent under CI")
        pytest.skip(f"{name} needs {Path('shared', *need)} beside the checkout")
    nb = nbformat.read(NB_DIR / name, as_version=4)
    # The kernel's "python" is this interpreter (jupyter_client substitutes sys.executable), so it
    # imports the dateline under test. The inline backend renders figures as image/png outputs.
    client = nbclient.NotebookClient(
        nb, timeout=1200, kernel_name="python3", resources={"metadata": {"path": str(NB_DIR)}}
    )
    try:
        client.execute()
    except CellExecutionError as err:
        if err.ename == "SkipNotebook":
            pytest.skip(f"{name}: {err.evalue}")
        raise
    images = sum(
        1
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if "image/png" in out.get("data", {})
    )
    assert images >= 2, f"{name}: expected its plots to render, found {images} image outputs"
