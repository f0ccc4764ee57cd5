"""dateline's exceptions.

Every error dateline raises on bad input or a failed run is a :class:`DatelineError`. Each subclass
is also the built-in exception it stands for, so code that already catches ``ValueError``,
``FileNotFoundError`` or ``RuntimeError`` keeps working::

    DatelineError
    ├── InputError (ValueError)             bad text, date, argument, record or column
    │   ├── EncodingError (UnicodeError)    bytes that are not UTF-8; .offset
    │   └── MissingFileError (FileNotFoundError)   a named file or folder does not exist
    ├── ModelError (RuntimeError)           a model file that cannot be read
    └── RunError (RuntimeError)             a run that failed, not through its input (an internal
                                            error of the core, a corpus read twice, a lost worker)

    DatelineWarning (UserWarning)           something probably not meant: most stories of a run
                                            failed, a file name given to parse() as the text
"""
from __future__ import annotations

__all__ = ["DatelineError", "InputError", "EncodingError", "MissingFileError", "ModelError", "RunError",
           "DatelineWarning"]


class DatelineError(Exception):
    """Base class of every dateline error."""


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


class MissingFileError(InputError, FileNotFoundError):
    """A file or folder given to dateline does not exist."""


class ModelError(DatelineError, RuntimeError):
    """A model file that cannot be read or does not fit this version of dateline."""


class RunError(DatelineError, RuntimeError):
    """A run that failed for a reason other than its input: an internal error of the core (please
    report it with the input), a one-shot corpus read a second time, a worker that went away."""


class DatelineWarning(UserWarning):
    """A result that is probably not what was meant, though not an error: most stories of a run
    failed (the message gives the commonest error), or ``parse`` was given a file name as the text.
    Silence it with ``warnings.filterwarnings("ignore", category=dateline.DatelineWarning)``."""
