"""The package as installed: what ``import dateline`` loads, the stubs against the extension, lint."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _python(code: str) -> str:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_import_loads_no_heavy_dependency_until_used():
    out = _python(
        "import sys, dateline\n"
        "heavy = ('pandas', 'pyarrow', 'matplotlib', 'networkx', 'dateline.corpus', 'dateline.stats')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "dateline.stats.entity_frequency; dateline.Corpus\n"
        "print('dateline.stats' in sys.modules, 'dateline.corpus' in sys.modules)\n"
    )
    assert out.splitlines() == ["[]", "True True"]


def test_pandas_accessor_registered_whichever_is_imported_first():
    check = "print(hasattr(pd.DataFrame, 'dateline'), hasattr(pd.Series, 'dateline'))"
    assert _python(f"import dateline\nimport pandas as pd\n{check}") == "True True"
    assert _python(f"import pandas as pd\nimport dateline\n{check}") == "True True"


def test_lazy_attributes_and_errors():
    import dateline

    assert dateline.plot.timeline is not None and dateline.stats.CorpusStats is not None
    assert {"Corpus", "stats", "plot"} <= set(dir(dateline))
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        dateline.nope  # noqa: B018


def test_stats_submodule_of_the_extension_is_importable():
    import dateline._native.stats as core

    assert core.NO_DAY == -(2**31)


def _tool(name: str) -> None:
    """Skips without the tool, except under CI=true, where these tests are the only run of the check."""
    try:
        __import__(name)
    except ImportError:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{name} is not installed; it is in the test extra and CI needs it")
        pytest.skip(f"{name} is not installed")


def test_stubs_match_the_extension():
    _tool("mypy")
    proc = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "dateline._native"],
        capture_output=True, text=True, timeout=600, cwd=REPO,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ruff_clean():
    _tool("ruff")
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "python", "tests", "benchmarks", "tools"],
        capture_output=True, text=True, timeout=300, cwd=REPO,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
