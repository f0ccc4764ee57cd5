"""dateline: turns raw news stories into structured data.

    import dateline
    art = dateline.parse(story_text, date="2023-07-27")
    art.dateline.place, art.headline, [(e.text, e.label) for e in art.entities]

Every ``.start`` / ``.end`` is an index into the ``str`` given to :func:`parse`.
"""
from __future__ import annotations

from dateline import _native
from dateline._native import (
    Acronym,
    Article,
    Byline,
    Caption,
    Cluster,
    Dateline,
    Entity,
    Event,
    Paragraph,
    Quote,
    Sentence,
    Token,
    __version__,
)
from dateline.errors import DatelineError, EncodingError, InputError, MissingFileError, ModelError, RunError
from dateline.sample import sample_corpus, sample_dir
from dateline.corpus import Corpus
from dateline import accessor as _accessor  # noqa: F401  (registers the df.dateline accessor)

__all__ = [
    "Acronym",
    "Article",
    "Byline",
    "Caption",
    "Cluster",
    "Corpus",
    "Dateline",
    "DatelineError",
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
    "__version__",
    "entities",
    "parse",
    "sample_corpus",
    "sample_dir",
]


def parse(text, *, date=None, source=None, errors="strict", entities=True, reading=True) -> Article:
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

    Returns:
        :class:`Article`. Offsets (``.start``/``.end``) are ``str`` indices into ``text`` (into the
        decoded text when ``bytes`` were given).

    Raises:
        InputError: text that is not ``str``/``bytes``, a story over the size limit, a bad ``date``.
        EncodingError: ``bytes`` that are not UTF-8 (``.offset`` is the byte offset).
    """
    return _native.parse(text, date=date, source=source, errors=errors, entities=entities, reading=reading)


def entities(text, *, date=None, errors="strict") -> list:
    """The entities of a story: ``parse(text, date=date).entities``."""
    return _native.entities(text, date=date, errors=errors)
