"""pandas accessors: ``df.dateline.entities(text="body", date="date")`` and ``series.dateline.entities()``.

The results are indexed by the DataFrame's own index (one row per mention / quote / event, or one
row per story for ``articles``), so they join back onto the original frame with ``.join`` or
``.loc``. Registered when ``dateline`` is imported.
"""
from __future__ import annotations

import pandas as pd

from dateline.corpus import Corpus
from dateline.readers import DATE


def _reindexed(frame: pd.DataFrame, result: pd.DataFrame) -> pd.DataFrame:
    # The corpus ran with the row position as id; map it back to the caller's index labels.
    pos = result["id"].astype("int64").to_numpy()
    out = result.drop(columns=["id"])
    out.index = frame.index.take(pos)
    return out


class _Base:
    def __init__(self, obj):
        self._obj = obj

    def _corpus(self, text, date, source, headline, max_bytes, errors) -> Corpus:
        kw = {} if max_bytes is None else {"max_bytes": max_bytes}
        return Corpus.from_pandas(self._obj, text=text, date=date, source=source, headline=headline,
                                  errors=errors, _positional_ids=True, **kw)

    def _run(self, table, text, date, source, headline, threads, progress, max_bytes, errors):
        corpus = self._corpus(text, date, source, headline, max_bytes, errors)
        return _reindexed(self._obj, getattr(corpus, table)(threads=threads, progress=progress))


@pd.api.extensions.register_dataframe_accessor("dateline")
class DatelineFrameAccessor(_Base):
    """``df.dateline.articles/entities/quotes/events(text="text", date="date", ...)``: the corpus
    engine over a DataFrame's rows, results indexed by ``df.index``. The defaults are those of
    every reader: the ``date`` column when the frame has one; a column named explicitly that is
    missing raises :class:`dateline.InputError`."""

    def articles(self, text: str = "text", date: str | None = DATE, source: str | None = None,
                 headline: str | None = None, *, threads: int | None = None,
                 progress: bool | None = None, max_bytes: int | None = None, errors: str = "strict") -> pd.DataFrame:
        return self._run("articles", text, date, source, headline, threads, progress, max_bytes, errors)

    def entities(self, text: str = "text", date: str | None = DATE, source: str | None = None,
                 headline: str | None = None, *, threads: int | None = None,
                 progress: bool | None = None, max_bytes: int | None = None, errors: str = "strict") -> pd.DataFrame:
        return self._run("entities", text, date, source, headline, threads, progress, max_bytes, errors)

    def quotes(self, text: str = "text", date: str | None = DATE, source: str | None = None,
               headline: str | None = None, *, threads: int | None = None,
               progress: bool | None = None, max_bytes: int | None = None, errors: str = "strict") -> pd.DataFrame:
        return self._run("quotes", text, date, source, headline, threads, progress, max_bytes, errors)

    def events(self, text: str = "text", date: str | None = DATE, source: str | None = None,
               headline: str | None = None, *, threads: int | None = None,
               progress: bool | None = None, max_bytes: int | None = None, errors: str = "strict") -> pd.DataFrame:
        return self._run("events", text, date, source, headline, threads, progress, max_bytes, errors)


@pd.api.extensions.register_series_accessor("dateline")
class DatelineSeriesAccessor(_Base):
    """``texts.dateline.entities()`` on a Series of story texts, indexed by the Series' index."""

    def articles(self, *, threads: int | None = None, progress: bool | None = None,
                 max_bytes: int | None = None, errors: str = "strict") -> pd.DataFrame:
        return self._run("articles", None, None, None, None, threads, progress, max_bytes, errors)

    def entities(self, *, threads: int | None = None, progress: bool | None = None,
                 max_bytes: int | None = None, errors: str = "strict") -> pd.DataFrame:
        return self._run("entities", None, None, None, None, threads, progress, max_bytes, errors)

    def quotes(self, *, threads: int | None = None, progress: bool | None = None,
               max_bytes: int | None = None, errors: str = "strict") -> pd.DataFrame:
        return self._run("quotes", None, None, None, None, threads, progress, max_bytes, errors)

    def events(self, *, threads: int | None = None, progress: bool | None = None,
               max_bytes: int | None = None, errors: str = "strict") -> pd.DataFrame:
        return self._run("events", None, None, None, None, threads, progress, max_bytes, errors)
