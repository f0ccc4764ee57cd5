"""`python -m dateline` runs the `dateline` command."""
import sys

from dateline.cli import main

sys.exit(main())
