"""Entities over time: timelines per period, story selections and keyness (G2, log ratio)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dateline._native import stats as _core
from dateline.errors import InputError
from dateline.stats._base import (
    _EPOCH,
    DEFAULT_SECTIONS,
    NO_DAY,
    Labels,
    Sections,
    _days,
    _entities,
    _isin,
    _Keys,
    _label_mask,
    _names_arrow,
    _require,
    _table,
    _u32,
)
from dateline.stats._counts import entity_frequency
from dateline.stats._dedupe import _once

# ---------------------------------------------------------------------------------------------
# Timelines

_FREQS = {"day": "D", "daily": "D", "d": "D", "week": "W", "weekly": "W", "w": "W",
          "month": "M", "monthly": "M", "m": "M"}


def _period_freq(freq: str) -> str:
    return _FREQS.get(str(freq).lower(), freq)


def timeline(
    entities: Any,
    names: str | Iterable[str] | None = None,
    *,
    freq: str = "W",
    count: str = "mentions",
    labels: Labels = None,
    exclude_labels: Labels = None,
    top: int = 5,
    start: Any = None,
    end: Any = None,
    sections: Sections = DEFAULT_SECTIONS,
    dedupe: bool = True,
) -> pd.DataFrame:
    """Mentions (or stories) per day, week or month for chosen entities.

    Parameters
    ----------
    names : str or list of str, optional
        Entity names (canonical name, or surface text where there is none), whatever their label.
        By default the ``top`` most mentioned entities (after the label filters).
    freq : "D"/"day", "W"/"week" (weeks ending Sunday), "M"/"month", or any pandas period alias.
    count : "mentions", or "stories" (a story counts once per entity and period).
    labels, exclude_labels : keep only mentions with (without) these labels.
    start, end : widen (or cut) the period axis; by default it runs from the first to the last
        dated story of the table, with every period in between (zeros included).
    sections : count only mentions in these sections (default headline, body, caption; None: all).
    dedupe : count each story once (default): leave out near-duplicate versions (rows whose story
        has a ``duplicate_of``); False counts every version.

    Returns
    -------
    DataFrame indexed by a ``PeriodIndex`` named "period", one int column per entity (in the order
    of ``names``, or by rank). Mentions without a date are left out; ``attrs["undated"]`` says how
    many.
    """
    if count not in ("mentions", "stories"):
        raise InputError(f"count must be 'mentions' or 'stories', not {count!r}")
    freq = _period_freq(freq)
    ents = _once(_entities(entities, ["date"], sections=sections), dedupe)
    days_all = _days(ents["date"])
    dated = days_all != NO_DAY
    mask = _label_mask(ents, labels, exclude_labels)
    all_names = _names_arrow(ents)
    if names is None:
        chosen = list(entity_frequency(ents[mask], by_label=False, top=top)["entity"])
    else:
        chosen = [names] if isinstance(names, str) else list(names)
    # The period axis spans the whole dated table so that all timelines share it.
    span = days_all[dated]
    lo = [int(span.min())] if len(span) else []
    hi = [int(span.max())] if len(span) else []
    if start is not None:
        lo = [int(_days(pd.Series([str(pd.Timestamp(start).date())]))[0])]
    if end is not None:
        hi = [int(_days(pd.Series([str(pd.Timestamp(end).date())]))[0])]
    if not lo or not hi:
        idx = pd.PeriodIndex([], freq=freq, name="period")
        out = pd.DataFrame({n: pd.Series([], dtype=np.int64) for n in chosen}, index=idx)
        out.attrs.update(count=count, freq=freq, undated=int((~dated & mask).sum()))
        return out
    first = pd.Period(_EPOCH + lo[0], freq=freq)
    last = pd.Period(_EPOCH + hi[0], freq=freq)
    n_periods = last.ordinal - first.ordinal + 1
    if n_periods <= 0:
        raise InputError(f"end ({end}) is before start ({start})")
    pos = {n: i for i, n in enumerate(dict.fromkeys(chosen))}
    found = pc.index_in(all_names, value_set=pa.array(list(pos), type=all_names.type))
    name_codes = found.to_numpy(zero_copy_only=False).astype(float)  # null (not chosen) -> NaN
    sel = mask & dated & ~np.isnan(name_codes)
    days = days_all[sel]
    udays, inv = np.unique(days, return_inverse=True)
    if len(udays):
        ords = pd.DatetimeIndex(_EPOCH + udays.astype(np.int64)).to_period(freq).asi8 - first.ordinal
    else:
        ords = np.array([], dtype=np.int64)
    per = ords[inv] if len(ords) else np.array([], dtype=np.int64)
    inside = (per >= 0) & (per < n_periods)
    story_codes, _ = pd.factorize(ents["id"][sel])
    counts = _core.timeline(
        _u32(name_codes[sel][inside]),
        _u32(per[inside]),
        _u32(story_codes[inside]),
        count == "stories",
        len(pos),
        int(n_periods),
    )
    mat = np.frombuffer(counts, "<u8").astype(np.int64).reshape(len(pos), n_periods)
    idx = pd.period_range(start=first, periods=n_periods, freq=freq, name="period")
    out = pd.DataFrame({n: mat[i] for n, i in pos.items()}, index=idx)
    out.columns.name = "entity"
    out.attrs.update(count=count, freq=freq, undated=int((~dated & mask).sum()))
    return out


# ---------------------------------------------------------------------------------------------
# Keyness


def stories_where(
    table: Any,
    *,
    source: str | Iterable[str] | None = None,
    start: Any = None,
    end: Any = None,
) -> pd.Index:
    """Ids of the stories from ``source`` and/or dated within [start, end] (inclusive, by day).

    ``table`` is the articles table (``id, date, source``) or, for dates only, the entities table.
    Useful as the ``target`` of :func:`keyness`.
    """
    df = table if isinstance(table, pd.DataFrame) else _table(table, "articles", "table")
    _require(df, ["id"], "the table")
    mask = np.ones(len(df), dtype=bool)
    if source is not None:
        _require(df, ["source"], "the table (for source=)")
        srcs = [source] if isinstance(source, str) else list(source)
        mask &= df["source"].isin(srcs).to_numpy()
    if start is not None or end is not None:
        _require(df, ["date"], "the table (for start=/end=)")
        days = _days(df["date"])
        ok = days != NO_DAY
        if start is not None:
            ok &= days >= _days(pd.Series([str(pd.Timestamp(start).date())]))[0]
        if end is not None:
            ok &= days <= _days(pd.Series([str(pd.Timestamp(end).date())]))[0]
        mask &= ok
    return pd.Index(pd.unique(df["id"][mask]), name="id")


def _selection(spec: Any, ents: pd.DataFrame, articles: pd.DataFrame | None, what: str) -> pd.Index:
    if isinstance(spec, Mapping):
        unknown = set(spec) - {"source", "start", "end"}
        if unknown:
            raise InputError(f"{what}: unknown key(s) {sorted(unknown)}; use source, start, end")
        if "source" in spec and articles is None:
            raise InputError(f"{what}: selecting by source needs the articles table (articles=...)")
        return stories_where(articles if articles is not None else ents, **spec)
    if isinstance(spec, pd.Series) and pd.api.types.is_bool_dtype(spec.dtype):
        return pd.Index(spec.index[spec.to_numpy(dtype=bool)])
    if isinstance(spec, str):
        raise TypeError(
            f"{what}: got the string {spec!r}; pass story ids as a list, a boolean Series indexed by "
            f"id, or a dict such as {{'source': {spec!r}}}"
        )
    if isinstance(spec, (pd.Series, pd.Index, np.ndarray, list, tuple, set, frozenset)) or isinstance(spec, Iterable):
        return pd.Index(list(spec) if isinstance(spec, (set, frozenset)) else spec)
    raise TypeError(f"{what}: cannot select stories with a {type(spec).__name__}")


def keyness(
    entities: Any,
    target: Any,
    reference: Any = None,
    *,
    articles: pd.DataFrame | None = None,
    count: str = "mentions",
    labels: Labels = None,
    exclude_labels: Labels = None,
    by_label: bool = True,
    min_count: int = 1,
    direction: str = "over",
    pct_diff: bool = False,
    sections: Sections = DEFAULT_SECTIONS,
    dedupe: bool = True,
) -> pd.DataFrame:
    """Entities over-represented in one part of the corpus (target) against another (reference).

    For an entity with frequency a in the target and b in the reference, and part sizes c and d:

    * E1 = c (a + b) / (c + d), E2 = d (a + b) / (c + d);
    * G2 = 2 (a ln(a / E1) + b ln(b / E2)) (log-likelihood, Dunning 1993, as in Rayson & Garside
      2000; a zero term counts 0). With 1 degree of freedom, G2 >= 3.84 means p < 0.05, 6.63
      p < 0.01, 10.83 p < 0.001, 15.13 p < 0.0001;
    * log_ratio = log2((a / c) / (b / d)) (Hardie 2014), 0.5 standing in for a zero frequency;
      each point is a doubling;
    * pct_diff = 100 (a/c - b/d) / (b/d) (%DIFF, Gabrielatos & Marchi 2012; inf when b = 0), with
      ``pct_diff=True``.

    Frequencies and sizes depend on ``count``: with "mentions", a and b are mentions and c, d are
    all entity mentions (of every label) in each part; with "stories", a and b are stories
    mentioning the entity and c, d the number of stories in each part (from ``articles`` when
    given, else stories with at least one entity).

    Parameters
    ----------
    target, reference : story selections
        A list/array/Index of story ids, a boolean Series indexed by story id (True = in the part),
        or a dict ``{"source": ..., "start": ..., "end": ...}`` (source needs ``articles``). By
        default the reference is every other story.
    direction : "over" (entities relatively more frequent in the target; default), "under" or
        "both".
    min_count : drop entities with a + b below it.
    sections : count only mentions in these sections (default headline, body, caption; None: all).
    dedupe : count each story once (default): leave out near-duplicate versions (rows whose story
        has a ``duplicate_of``); False counts every version.

    Returns
    -------
    DataFrame with columns ``entity, label, target, reference, target_rel, reference_rel, g2,
    log_ratio`` (and ``pct_diff``), sorted by G2 (descending). ``target_rel`` = a / c.
    ``attrs`` holds ``target_size`` and ``reference_size``.
    """
    if count not in ("mentions", "stories"):
        raise InputError(f"count must be 'mentions' or 'stories', not {count!r}")
    if direction not in ("over", "under", "both"):
        raise InputError(f"direction must be 'over', 'under' or 'both', not {direction!r}")
    ents = _entities(entities, sections=sections)
    if articles is not None:
        articles = _table(articles, "articles", "articles")
        _require(articles, ["id"], "the articles table")
        articles = _once(articles, dedupe)
    ents = _once(ents, dedupe, articles)
    universe = pd.Index(pd.unique(articles["id"])) if articles is not None else pd.Index(pd.unique(ents["id"]))
    tgt = _selection(target, ents, articles, "target")
    tgt = universe[_isin(universe, tgt)]
    if reference is None:
        ref = universe[~_isin(universe, tgt)]
    else:
        ref = _selection(reference, ents, articles, "reference")
        ref = universe[_isin(universe, ref)]
        overlap = tgt[_isin(tgt, ref)]
        if len(overlap):
            raise InputError(f"{len(overlap)} stories are in both target and reference, e.g. {overlap[0]!r}")
    story_codes, story_uniq = pd.factorize(ents["id"])
    part_of_story = np.zeros(len(story_uniq), dtype=np.uint8)
    part_of_story[_isin(story_uniq, tgt)] = 1
    part_of_story[_isin(story_uniq, ref)] = 2
    part = part_of_story[story_codes] if len(story_codes) else np.zeros(0, dtype=np.uint8)
    if count == "mentions":
        sizes = (float((part == 1).sum()), float((part == 2).sum()))
    else:
        sizes = (float(len(tgt)), float(len(ref)))
    if sizes[0] <= 0 or sizes[1] <= 0:
        raise InputError(
            f"the target ({int(sizes[0])} {count}) and reference ({int(sizes[1])} {count}) must both be "
            f"non-empty; check the selection"
        )
    keep = _label_mask(ents, labels, exclude_labels)
    keys = _Keys(ents, by_label, keep)
    t, r, g2, lr, pd_ = _core.keyness(
        _u32(keys.codes),
        _u32(story_codes[keep]),
        np.ascontiguousarray(part[keep], dtype=np.uint8).tobytes(),
        count == "stories",
        keys.n,
        sizes[0],
        sizes[1],
    )
    out = pd.DataFrame(
        {
            "entity": keys.names(),
            "label": keys.labels(),
            "target": np.frombuffer(t, "<u8").astype(np.int64),
            "reference": np.frombuffer(r, "<u8").astype(np.int64),
        }
    )
    out["target_rel"] = out["target"] / sizes[0]
    out["reference_rel"] = out["reference"] / sizes[1]
    out["g2"] = np.frombuffer(g2, "<f8")
    out["log_ratio"] = np.frombuffer(lr, "<f8")
    if pct_diff:
        out["pct_diff"] = np.frombuffer(pd_, "<f8")
    out = out[(out["target"] + out["reference"]) >= max(int(min_count), 1)]
    if direction == "over":
        out = out[out["target_rel"] > out["reference_rel"]]
    elif direction == "under":
        out = out[out["target_rel"] < out["reference_rel"]]
    out = out.iloc[np.lexsort((out.index.to_numpy(), -out["g2"].to_numpy()))].reset_index(drop=True)
    out.attrs.update(target_size=sizes[0], reference_size=sizes[1], count=count)
    return out


