"""dateline: turns raw news stories into structured data."""
from dateline._native import __version__

__all__ = ["__version__"]

from dateline.corpus import Corpus  # noqa: E402
from dateline import accessor as _accessor  # noqa: E402,F401  (registers df.dateline)

__all__ += ["Corpus"]
