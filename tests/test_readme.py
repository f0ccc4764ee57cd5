"""The README's example output is what the code prints today: tools/readme_examples.py --check
re-runs each example and fails on any difference (run the tool without --check to rewrite it)."""
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_readme_example_output_is_current():
    done = subprocess.run([sys.executable, str(REPO / "tools" / "readme_examples.py"), "--check"],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
