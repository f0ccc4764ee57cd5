"""Quotes per speaker and key-word-in-context concordances."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from dateline.stats._base import (
    DEFAULT_SECTIONS,
    NO_DAY,
    Sections,
    _dates,
    _days,
    _entities,
    _in_sections,
    _names,
    _require,
    _table,
)
from dateline.stats._dedupe import _once

# ---------------------------------------------------------------------------------------------
# Quotes and concordances


def quotes_by_speaker(
    quotes: Any,
    articles: pd.DataFrame | None = None,
    *,
    speaker: str = "speaker",
    top: int | None = None,
    min_quotes: int = 1,
    sections: Sections = DEFAULT_SECTIONS,
    dedupe: bool = True,
) -> pd.DataFrame:
    """Who is quoted, how often, in how many stories, with which verb most often.

    Quotes without a speaker are left out (``attrs["unattributed"]`` counts them). With the
    articles table (``id, date``), first and last dates are added. ``sections``: count only quotes
    in these sections (default headline, body, caption; None: all). ``dedupe``: count each story
    once (default): quotes of near-duplicate versions (``duplicate_of`` set on the quotes table,
    or on ``articles``) are left out; False counts every version.

    Returns
    -------
    DataFrame ``speaker, quotes, stories, verb`` (most frequent reporting verb) and, with
    articles, ``first_date, last_date``; sorted by quotes, then stories (descending), then name.
    """
    q = _table(quotes, "quotes", "quotes")
    _require(q, ["id", speaker], "the quotes table")
    q = _once(_in_sections(q, sections, "the quotes table"), dedupe, articles)
    who = q[speaker].astype(object)
    attributed = who.notna().to_numpy() & (who.astype(str).str.strip().to_numpy() != "")
    q = q[attributed].assign(_speaker=who[attributed].astype(str).str.strip())
    grouped = q.groupby("_speaker", sort=True)
    out = pd.DataFrame({"quotes": grouped.size(), "stories": grouped["id"].nunique()})
    if "verb" in q.columns and len(q):
        verbs = q.dropna(subset=["verb"])
        top_verb = (
            verbs.groupby(["_speaker", "verb"]).size().reset_index(name="n")
            .sort_values(["_speaker", "n", "verb"], ascending=[True, False, True], kind="stable")
            .drop_duplicates("_speaker").set_index("_speaker")["verb"]
        )
        out["verb"] = top_verb.reindex(out.index).astype(object)
    if articles is not None:
        arts = _table(articles, "articles", "articles")
        _require(arts, ["id", "date"], "the articles table")
        day_of = pd.Series(_days(arts["date"]), index=arts["id"])
        day_of = day_of[~day_of.index.duplicated()]
        d = q[["_speaker"]].assign(day=day_of.reindex(q["id"]).to_numpy())
        d = d[d["day"].notna() & (d["day"] != NO_DAY)]
        span = d.groupby("_speaker")["day"].agg(["min", "max"]).reindex(out.index)
        out["first_date"] = _dates(span["min"].fillna(NO_DAY).to_numpy(np.int64))
        out["last_date"] = _dates(span["max"].fillna(NO_DAY).to_numpy(np.int64))
    out = out.rename_axis("speaker").reset_index()
    out = out[out["quotes"] >= min_quotes]
    out = out.sort_values(["quotes", "stories", "speaker"], ascending=[False, False, True], kind="stable")
    if top is not None:
        out = out.head(top)
    out = out.reset_index(drop=True)
    out.attrs["unattributed"] = int((~attributed).sum())
    return out


def _text_lookup(texts: Any) -> Mapping:
    """An id -> text mapping from a dict, a Series indexed by id, a DataFrame (id, text) or a Corpus."""
    if isinstance(texts, Mapping):
        return texts
    if isinstance(texts, pd.Series):
        return texts[~texts.index.duplicated()].to_dict()
    if isinstance(texts, pd.DataFrame):
        _require(texts, ["id", "text"], "the texts table")
        return dict(zip(texts["id"], texts["text"]))
    fn = getattr(texts, "texts", None)
    if callable(fn):
        return _text_lookup(fn())
    if callable(getattr(texts, "entities", None)):
        raise TypeError(
            "texts: this corpus does not hand back its texts; pass a mapping id -> text instead, "
            "e.g. {r['id']: r['text'] for r in records}"
        )
    if isinstance(texts, Iterable) and not isinstance(texts, (str, bytes)):
        return dict(texts)
    raise TypeError(
        f"texts: expected a mapping id -> text, a Series indexed by id, a DataFrame with id and text "
        f"columns or (id, text) pairs, got {type(texts).__name__}"
    )


_SPACE = re.compile(r"\s+")


def kwic(
    texts: Any,
    query: str,
    *,
    entities: pd.DataFrame | None = None,
    width: int = 40,
    regex: bool = False,
    case: bool = False,
    ids: Iterable | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """Key word in context: each occurrence of an entity or a word with the text around it.

    With ``entities`` (the entities table), ``query`` names an entity: its mentions, by canonical
    name or surface text, are taken at their recorded offsets (so "the White House" and "White
    House" mentions of one canonical entity all show). Without it, ``query`` is searched in the
    texts as a whole word (or a regular expression with ``regex=True``); case-insensitive unless
    ``case=True``.

    ``texts`` gives the story texts the offsets refer to: a dict id -> text, a Series indexed by
    id, a DataFrame with ``id`` and ``text`` columns, (id, text) pairs, or an object with a
    ``.texts()`` method returning one of those.

    Returns
    -------
    DataFrame ``id, start, end, left, match, right, line`` (offsets in characters; left/right are
    up to ``width`` characters with runs of white space shown as one space; ``line`` is the three
    aligned for printing).
    """
    lookup = _text_lookup(texts)
    wanted = None if ids is None else set(ids)
    rows: list[tuple] = []

    def add(doc_id: Any, text: str, s: int, e: int) -> None:
        left = _SPACE.sub(" ", text[max(0, s - width): s])[-width:]
        right = _SPACE.sub(" ", text[e: e + width])[:width]
        match = _SPACE.sub(" ", text[s:e])
        rows.append((doc_id, s, e, left, match, right, f"{left:>{width}} [{match}] {right:<{width}}"))

    if entities is not None:
        ents = _entities(entities, ["start", "end"])
        names = _names(ents)
        if case:
            hit = (names == query).to_numpy() | (ents["text"] == query).to_numpy()
        else:
            ql = query.casefold()
            hit = (names.astype(str).str.casefold() == ql).to_numpy() | (
                ents["text"].astype(str).str.casefold() == ql
            ).to_numpy()
        sel = ents[hit]
        for doc_id, s, e in zip(sel["id"], sel["start"], sel["end"]):
            if wanted is not None and doc_id not in wanted:
                continue
            text = lookup.get(doc_id)
            if text is None:
                raise KeyError(f"no text for story id {doc_id!r} in texts")
            add(doc_id, text, int(s), int(e))
            if limit is not None and len(rows) >= limit:
                break
    else:
        word = query if regex else r"(?<!\w)" + re.escape(query) + r"(?!\w)"
        pattern = re.compile(word, 0 if case else re.IGNORECASE)
        for doc_id, text in lookup.items():
            if wanted is not None and doc_id not in wanted:
                continue
            if not isinstance(text, str):
                continue
            for m in pattern.finditer(text):
                if m.end() == m.start():
                    continue
                add(doc_id, text, m.start(), m.end())
                if limit is not None and len(rows) >= limit:
                    break
            if limit is not None and len(rows) >= limit:
                break
    return pd.DataFrame(rows, columns=["id", "start", "end", "left", "match", "right", "line"])


