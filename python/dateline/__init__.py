"""dateline: turns raw news stories into structured data."""
from dateline._native import __version__

__all__ = ["__version__"]
