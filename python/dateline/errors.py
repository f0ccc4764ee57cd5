"""dateline's exceptions.

Every error dateline raises is a :class:`DatelineError`; bad input is also a :class:`ValueError`, so
code that already catches ``ValueError`` keeps working.
"""
from __future__ import annotations

__all__ = ["DatelineError", "InputError", "EncodingError", "ModelError"]


class DatelineError(Exception):
    """Base class of every dateline error (and what an internal failure of the core is raised as)."""


class InputError(DatelineError, ValueError):
    """The input cannot be a story or an argument is wrong (what and where are in the message)."""


class EncodingError(InputError, UnicodeError):
    """Bytes that are not UTF-8. ``offset`` is the byte offset of the first invalid byte.

    Pass ``errors="replace"`` to :func:`dateline.parse` for a lossy decode instead.
    """

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset

    def __reduce__(self):  # keep .offset through pickling (multiprocessing)
        return (type(self), (str(self), self.offset))


class ModelError(DatelineError, RuntimeError):
    """A model file that cannot be read or does not fit this version of dateline."""
