"""CorpusStats: one corpus's tables with every statistic as a method."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from dateline.errors import InputError
from dateline.stats._base import (
    _entities,
)
from dateline.stats._counts import cooccurrence, cooccurrence_network, entity_frequency
from dateline.stats._dedupe import mark_duplicates
from dateline.stats._texts import kwic, quotes_by_speaker
from dateline.stats._trends import keyness, timeline

# ---------------------------------------------------------------------------------------------
# Convenience


class CorpusStats:
    """The statistics of one corpus's tables, as methods.

    >>> cs = CorpusStats.from_corpus(corpus)           # or CorpusStats(entities_df, articles_df, ...)
    >>> cs.frequency(labels="ORG", top=10)
    >>> cs.cooccurrence(unit="story", min_count=3)
    >>> cs.timeline(["Iran", "Iraq"], freq="W")
    >>> cs.keyness({"source": "AP"})
    """

    def __init__(
        self,
        entities: pd.DataFrame,
        articles: pd.DataFrame | None = None,
        quotes: pd.DataFrame | None = None,
        texts: Any = None,
    ):
        self.entities = _entities(entities)
        if articles is not None and "duplicate_of" in articles.columns and "duplicate_of" not in self.entities:
            # dedupe=True needs each mention's story marks: take them from the articles table
            self.entities = mark_duplicates(self.entities, articles)
        self.articles = articles
        self.quotes = quotes
        self.texts = texts

    @classmethod
    def from_corpus(cls, corpus: Any, *, texts: Any = None) -> CorpusStats:
        """Runs the corpus once (``tables()`` when it has it, else ``entities()``, ``articles()``
        and ``quotes()``). ``texts`` (a mapping id -> text, ...) enables :meth:`kwic`."""
        if callable(getattr(corpus, "tables", None)):
            t = corpus.tables()
            return cls(t["entities"], t.get("articles"), t.get("quotes"), texts=texts)
        q = corpus.quotes() if callable(getattr(corpus, "quotes", None)) else None
        arts = corpus.articles() if callable(getattr(corpus, "articles", None)) else None
        return cls(corpus.entities(), arts, q, texts=texts)

    @classmethod
    def from_parquet(cls, entities: str, articles: str | None = None, quotes: str | None = None) -> CorpusStats:
        """Reads saved tables back (paths to Parquet files or datasets)."""
        read = pd.read_parquet
        return cls(read(entities), read(articles) if articles else None, read(quotes) if quotes else None)

    def frequency(self, **kw: Any) -> pd.DataFrame:
        return entity_frequency(self.entities, **kw)

    def cooccurrence(self, **kw: Any) -> pd.DataFrame:
        return cooccurrence(self.entities, **kw)

    def timeline(self, names: str | Iterable[str] | None = None, **kw: Any) -> pd.DataFrame:
        return timeline(self.entities, names, **kw)

    def keyness(self, target: Any, reference: Any = None, **kw: Any) -> pd.DataFrame:
        kw.setdefault("articles", self.articles)
        return keyness(self.entities, target, reference, **kw)

    def quotes_by_speaker(self, **kw: Any) -> pd.DataFrame:
        if self.quotes is None:
            raise InputError("no quotes table: pass quotes= to CorpusStats")
        kw.setdefault("articles", self.articles)
        return quotes_by_speaker(self.quotes, **kw)

    def kwic(self, query: str, *, entity: bool = True, **kw: Any) -> pd.DataFrame:
        """Concordance of an entity (``entity=True``, by its mentions) or of a word."""
        if self.texts is None:
            raise InputError("no texts: pass texts= (a Corpus, a dict id -> text, ...) to CorpusStats")
        return kwic(self.texts, query, entities=self.entities if entity else None, **kw)

    def network(self, **kw: Any):
        return cooccurrence_network(self.entities, **kw)

    def __repr__(self) -> str:
        n_st = self.entities["id"].nunique()
        return f"CorpusStats({len(self.entities)} mentions in {n_st} stories)"
