"""Counting each story once: the statistics' ``dedupe=`` (near-duplicates are found by
:mod:`dateline.dedupe` and marked in the tables' ``duplicate_of`` column)."""
from __future__ import annotations

from typing import Any

import pandas as pd

from dateline.errors import InputError
from dateline.stats._base import _isin, _require, _table

COLUMN = "duplicate_of"


def _once(df: pd.DataFrame, dedupe: bool, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """The rows of ``df`` from stories that are first versions (``duplicate_of`` null), when
    ``dedupe``. The marks come from ``df``'s own ``duplicate_of`` column, else from ``articles``'
    (by story id); a table with neither is counted whole."""
    if not isinstance(dedupe, bool):
        raise InputError(f"dedupe must be True or False, not {dedupe!r}")
    if not dedupe:
        return df
    if COLUMN in df.columns:
        keep = df[COLUMN].isna().to_numpy()
    elif articles is not None and COLUMN in articles.columns and "id" in articles.columns:
        repeats = articles.loc[articles[COLUMN].notna(), "id"]
        keep = ~_isin(df["id"], repeats) if len(repeats) else None
        if keep is None:
            return df
    else:
        return df
    return df if keep.all() else df[keep]


def mark_duplicates(table: Any, articles: Any) -> pd.DataFrame:
    """``table`` (entities, quotes or events) with the ``duplicate_of`` column of its stories taken
    from ``articles`` (by ``id``): for tables saved without it, so that the statistics'
    ``dedupe=True`` can leave the repeated versions out.

    >>> ents = mark_duplicates(pd.read_parquet("out/entities.parquet"),   # doctest: +SKIP
    ...                        pd.read_parquet("out/articles.parquet"))
    """
    df = _table(table, "entities", "table")
    arts = _table(articles, "articles", "articles")
    _require(df, ["id"], "the table")
    _require(arts, ["id", COLUMN], "the articles table")
    first = arts.drop_duplicates("id")
    dup = pd.Series(first[COLUMN].to_numpy(), index=first["id"].to_numpy())
    return df.assign(**{COLUMN: df["id"].map(dup).astype(object).where(lambda s: s.notna(), None)})
