"""dateline: turns raw news stories into structured data.

    import dateline
    art = dateline.parse(story_text, date="2023-07-27")
    art.dateline.place, art.headline, [(e.text, e.label) for e in art.entities]

Every ``.start`` / ``.end`` is an index into the ``str`` given to :func:`parse`.

``import dateline`` loads only the core: :class:`Corpus` (pyarrow), :mod:`dateline.stats` (pandas,
pyarrow), :mod:`dateline.gazetteer` (pandas) and :mod:`dateline.plot` (matplotlib) are imported on
first use, and the pandas accessor (``df.dateline``) is registered when pandas is imported.
"""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal

from dateline import _native
from dateline._native import (
    Acronym,
    Article,
    Attribution,
    Byline,
    Caption,
    Cluster,
    Credit,
    Dateline,
    Entity,
    Event,
    Paragraph,
    Quote,
    Sentence,
    Token,
    UserNames,
    __version__,
)
from dateline.aliases import compile_names
from dateline.errors import (
    DatelineError,
    DatelineWarning,
    EncodingError,
    InputError,
    MissingFileError,
    ModelError,
    RunError,
)
from dateline.sample import sample_corpus, sample_dir

# The extension's submodule, importable by its full name (as its stub _native/stats.pyi declares).
sys.modules.setdefault("dateline._native.stats", _native.stats)

if TYPE_CHECKING:
    import datetime

    from dateline import gazetteer as gazetteer
    from dateline import plot as plot
    from dateline import stats as stats
    from dateline.corpus import Corpus
    from dateline.dedupe import near_duplicates as near_duplicates
    from dateline.linking import link as link

__all__ = [
    "Acronym",
    "Article",
    "Attribution",
    "Byline",
    "Caption",
    "Cluster",
    "Corpus",
    "Credit",
    "Dateline",
    "DatelineError",
    "DatelineWarning",
    "EncodingError",
    "Entity",
    "Event",
    "InputError",
    "MissingFileError",
    "ModelError",
    "Paragraph",
    "Quote",
    "RunError",
    "Sentence",
    "Token",
    "UserNames",
    "__version__",
    "compile_names",
    "entities",
    "near_duplicates",
    "link",
    "parse",
    "sample_corpus",
    "sample_dir",
]

#: Attributes imported on first access: name -> (module, attribute in it, or None for the module).
_LAZY: dict[str, tuple[str, str | None]] = {
    "Corpus": ("dateline.corpus", "Corpus"),
    "near_duplicates": ("dateline.dedupe", "near_duplicates"),
    "gazetteer": ("dateline.gazetteer", None),
    "stats": ("dateline.stats", None),
    "plot": ("dateline.plot", None),
    "link": ("dateline.linking", "link"),
}


def __getattr__(name: str) -> Any:
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'dateline' has no attribute {name!r}") from None
    value = importlib.import_module(module)
    if attr is not None:
        value = getattr(value, attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


def parse(
    text: str | bytes,
    *,
    date: str | datetime.date | None = None,
    source: str | None = None,
    errors: Literal["strict", "replace"] = "strict",
    entities: bool = True,
    reading: bool = True,
    aliases: Any = None,
    patterns: Any = None,
) -> Article:
    """Parses one news story.

    Args:
        text: the story as ``str``, or ``bytes`` in UTF-8.
        date: the story's date (``"YYYY-MM-DD"`` or a ``datetime.date``), used when the text has no
            date header and to give a year to a dateline such as ``SEOUL, July 27 (Yonhap) --``.
        source: where the story comes from (file name, feed); carried through as ``Article.source``.
        errors: ``"strict"`` (default) raises :class:`EncodingError` naming the byte offset of the
            first invalid byte; ``"replace"`` decodes lossily (U+FFFD).
        entities: ``False`` stops after structure, sentences and tokens (faster).
        reading: ``False`` skips canonical names, titles, time values, quotes and events.
        aliases: the user's alias table, surface form -> name [, label, id]: a dict, a CSV path, a
            DataFrame, or a :class:`UserNames` from :func:`compile_names` (compile once when
            parsing many stories). See :mod:`dateline.aliases`.
        patterns: phrase or token patterns with a label and optional id (spaCy EntityRuler style).
            A user's entry wins over the model; its id is the entity's ``kb_id``.

    Returns:
        :class:`Article`. Offsets (``.start``/``.end``) are ``str`` indices into ``text`` (into the
        decoded text when ``bytes`` were given).

    Raises:
        InputError: text that is not ``str``/``bytes``, a story over the size limit, a bad ``date``.
        EncodingError: ``bytes`` that are not UTF-8 (``.offset`` is the byte offset).
    """
    if isinstance(text, str):
        _warn_if_file_name(text, "parse")
    names = compile_names(aliases, patterns) if aliases is not None or patterns is not None else None
    return _native.parse(text, date=date, source=source, errors=errors, entities=entities, reading=reading,
                         names=names)


def _warn_if_file_name(text: str, func: str) -> None:
    """``parse("stories/ap_rail.txt")`` parses the name, not the file: say so. Only a short str
    without white space that names an existing file is taken for a file name (a story has spaces)."""
    if len(text) > 4096 or not text or any(c.isspace() for c in text):
        return
    import os
    import warnings

    try:
        is_file = os.path.isfile(text)
    except (OSError, ValueError):
        return
    if is_file:
        warnings.warn(f"{func}() was given the file name {text!r} as the story text; to read the file, pass "
                      f"its contents: dateline.{func}(pathlib.Path({text!r}).read_text())",
                      DatelineWarning, stacklevel=3)


def entities(
    text: str | bytes,
    *,
    date: str | datetime.date | None = None,
    errors: Literal["strict", "replace"] = "strict",
) -> list[Entity]:
    """The entities of a story: ``parse(text, date=date).entities``."""
    if isinstance(text, str):
        _warn_if_file_name(text, "entities")
    return _native.entities(text, date=date, errors=errors)


# ---------------------------------------------------------------- pandas accessor


def _register_accessor() -> None:
    import dateline.accessor  # noqa: F401  (registers df.dateline and series.dateline)


class _WhenPandasImported(importlib.abc.MetaPathFinder):
    """A ``sys.meta_path`` finder that registers the accessor right after pandas is imported.

    The accessor must exist before a frame's ``.dateline`` is used, but importing pandas (which
    loads pyarrow) costs most of the time and memory of ``import dateline``: so it is registered
    when the program itself imports pandas. Only pandas' spec is touched, once.
    """

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != "pandas":
            return None
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        loader = spec.loader if spec is not None else None
        if loader is None or not hasattr(loader, "exec_module"):
            return spec
        exec_module = loader.exec_module

        def exec_then_register(module: ModuleType) -> None:
            exec_module(module)
            # Back to the loader's own method (a reload of pandas must not register again).
            del loader.exec_module  # type: ignore[method-assign]
            _register_accessor()

        loader.exec_module = exec_then_register  # type: ignore[method-assign]
        return spec


if "pandas" in sys.modules:
    _register_accessor()
else:
    sys.meta_path.insert(0, _WhenPandasImported())
