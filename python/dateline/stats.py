"""Corpus statistics over dateline's tables: who is in the news, with whom, quoted by whom, and when.

Every function takes the tables a :class:`dateline.Corpus` gives back (or the same tables read back
from Parquet), so they work on saved results too:

* ``entities``: one row per mention, columns ``id, date, text, label, canonical, start, end,
  sentence`` (and more that are ignored here);
* ``articles`` (optional): one row per story, columns ``id, date, source, ...``;
* ``quotes`` (optional): one row per quote, columns ``id, text, speaker, verb, ...``.

An entity is named by its ``canonical`` form, or by its surface ``text`` where no canonical form
was found. By default an entity is the pair (name, label), so "Washington" the person and
"Washington" the place are counted apart; ``by_label=False`` merges them.

Names, story ids, sentences and periods are encoded to integer codes here (pandas ``factorize``,
vectorised) and the counting runs in dateline's Rust core with the GIL released.

Instead of a DataFrame, each function also accepts anything with an ``.entities()`` method (a
``Corpus``). :class:`CorpusStats` bundles the tables and offers every statistic as a method.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, Optional, Union

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dateline._native import stats as _core

__all__ = [
    "entity_frequency",
    "cooccurrence",
    "timeline",
    "keyness",
    "stories_where",
    "quotes_by_speaker",
    "kwic",
    "cooccurrence_network",
    "CorpusStats",
    "NAME_LABELS",
    "VALUE_LABELS",
]

#: Labels of named things (people, organisations, places, ...): the usual filter for "who".
NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW",
               "LANGUAGE", "MISC", "PER")
#: Labels of values (dates, amounts, numbers), left out by ``exclude_labels=VALUE_LABELS``.
VALUE_LABELS = ("DATE", "TIME", "DURATION", "SET", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL")

NO_DAY = _core.NO_DAY
_EPOCH = np.datetime64("1970-01-01", "D")
Labels = Union[str, Iterable[str], None]


# ---------------------------------------------------------------------------------------------
# Input handling


def _table(x: Any, method: str, what: str) -> pd.DataFrame:
    """The DataFrame itself, or ``x.<method>()`` for a Corpus-like object."""
    if isinstance(x, pd.DataFrame):
        return x
    fn = getattr(x, method, None)
    if callable(fn):
        df = fn()
        if isinstance(df, pd.DataFrame):
            return df
    raise TypeError(
        f"{what}: expected a pandas DataFrame (or an object with a .{method}() method such as a "
        f"dateline.Corpus), got {type(x).__name__}"
    )


def _require(df: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(
            f"{what} lacks column(s) {', '.join(map(repr, missing))}; it has "
            f"{', '.join(map(repr, df.columns)) or 'no columns'}"
        )


def _entities(x: Any, extra: Iterable[str] = ()) -> pd.DataFrame:
    df = _table(x, "entities", "entities")
    _require(df, ["id", "text", "label", *extra], "the entities table")
    return df


def _arrow_strings(values: pd.Series) -> pa.Array:
    """A column as one Arrow string array (nulls kept). Arrow-backed pandas strings convert without
    copying the text; other values are stringified."""
    try:
        arr = pa.array(values, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        arr = pa.array([None if pd.isna(x) else str(x) for x in values], type=pa.string())
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if pa.types.is_dictionary(arr.type):
        arr = arr.dictionary_decode()
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        arr = arr.cast(pa.string()) if not pa.types.is_null(arr.type) else pa.array([None] * len(arr), pa.string())
    return arr


def _names_arrow(df: pd.DataFrame) -> pa.Array:
    """Canonical name, falling back to the surface text where there is none (Arrow strings)."""
    text = _arrow_strings(df["text"])
    if "canonical" not in df.columns:
        return text
    canon = _arrow_strings(df["canonical"])
    if canon.type != text.type:
        canon = canon.cast(text.type)
    use_text = pc.or_kleene(pc.is_null(canon), pc.equal(canon, ""))
    return pc.if_else(use_text, text, canon)


def _names(df: pd.DataFrame) -> pd.Series:
    """:func:`_names_arrow` as an object Series aligned with ``df``."""
    return pd.Series(_names_arrow(df).to_numpy(zero_copy_only=False), index=df.index, dtype=object)


def _encode_sorted(arr: pa.Array, null_as: str = "") -> tuple[np.ndarray, pa.Array]:
    """Codes (int64) and sorted unique values (Arrow) of a string array: Arrow's dictionary
    encoding, then the dictionary sorted and the codes renumbered to match, so codes follow the
    alphabetical (code point) order of the values."""
    if arr.null_count:
        arr = arr.fill_null(null_as)
    enc = arr.dictionary_encode()
    dictionary = enc.dictionary
    order = np.asarray(pc.sort_indices(dictionary), dtype=np.int64)
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order), dtype=np.int64)
    idx = enc.indices.to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
    return rank[idx], dictionary.take(pa.array(order))


_PANDAS_3 = int(pd.__version__.split(".")[0]) >= 3


def _str_column(arr: pa.Array):
    """An Arrow string array as a pandas column (pandas' default string dtype from 3.0 on)."""
    if _PANDAS_3:
        return pd.array(arr, dtype="str")
    return pd.array(arr.to_numpy(zero_copy_only=False), dtype=object)


def _isin(values: Any, wanted: Any) -> np.ndarray:
    """``values.isin(wanted)`` as a bool array, by Arrow hashing when both are strings (pandas'
    isin on Arrow strings loops in Python over ``wanted``)."""
    values, wanted = pd.Index(values), pd.Index(wanted)
    if len(wanted) and values.dtype.kind not in "iufb" and wanted.dtype.kind not in "iufb":
        try:
            arr = pa.array(values, from_pandas=True)
            ws = pa.array(wanted, from_pandas=True)
            if isinstance(arr, pa.ChunkedArray):
                arr = arr.combine_chunks()
            if isinstance(ws, pa.ChunkedArray):
                ws = ws.combine_chunks()
            if ws.type != arr.type:
                ws = ws.cast(arr.type)
            return pc.fill_null(pc.is_in(arr, value_set=ws), False).to_numpy(zero_copy_only=False).astype(bool)
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
            pass
    return np.asarray(values.isin(wanted), dtype=bool)


def _label_list(labels: Labels) -> Optional[list]:
    if labels is None:
        return None
    if isinstance(labels, str):
        return [labels]
    return list(labels)


def _label_mask(df: pd.DataFrame, labels: Labels, exclude_labels: Labels) -> np.ndarray:
    mask = np.ones(len(df), dtype=bool)
    lab = df["label"]
    inc, exc = _label_list(labels), _label_list(exclude_labels)
    if inc is not None:
        mask &= lab.isin(inc).to_numpy()
    if exc is not None:
        mask &= ~lab.isin(exc).to_numpy()
    return mask


def _u32(a: np.ndarray) -> bytes:
    return np.ascontiguousarray(a, dtype="<u4").tobytes()


def _i32(a: np.ndarray) -> bytes:
    return np.ascontiguousarray(a, dtype="<i4").tobytes()


class _Keys:
    """Entity codes (0..n) of the mention rows of ``df`` selected by ``mask``, numbered in (name,
    label) order; ``names(codes)`` and ``labels(codes)`` give the output columns."""

    def __init__(self, df: pd.DataFrame, by_label: bool, mask: Optional[np.ndarray] = None):
        names, labels = _names_arrow(df), _arrow_strings(df["label"])
        if mask is not None and not mask.all():
            m = pa.array(mask)
            names, labels = names.filter(m), labels.filter(m)
        name_codes, self._name_uniq = _encode_sorted(names)
        lab_codes, self._lab_uniq = _encode_sorted(labels)
        n_lab = max(len(self._lab_uniq), 1)
        if by_label:
            # Dense codes of the (name, label) pairs present, in (name, label) order: mark the
            # combined values present and number them by a running count (O(n), no sort).
            combined = name_codes * n_lab + lab_codes
            present = np.zeros(len(self._name_uniq) * n_lab, dtype=bool)
            present[combined] = True
            self.codes = (np.cumsum(present) - 1)[combined]
            uniq = np.flatnonzero(present)
            self._name_of, self._label_of = uniq // n_lab, uniq % n_lab
        else:
            self.codes = name_codes
            self._name_of = np.arange(len(self._name_uniq))
            self._label_of = _main_label(name_codes, lab_codes, n_lab, len(self._name_uniq))
        self.n = len(self._name_of)

    def names(self, codes: Optional[np.ndarray] = None):
        idx = self._name_of if codes is None else self._name_of[codes]
        return _str_column(self._name_uniq.take(pa.array(idx)))

    def labels(self, codes: Optional[np.ndarray] = None):
        idx = self._label_of if codes is None else self._label_of[codes]
        return _str_column(self._lab_uniq.take(pa.array(idx)))


def _main_label(name_codes: np.ndarray, lab_codes: np.ndarray, n_lab: int, n: int) -> np.ndarray:
    """Index of the most frequent label of each name (ties: alphabetical), for by_label=False."""
    if n == 0:
        return np.array([], dtype=np.int64)
    counts = np.bincount(name_codes * n_lab + lab_codes, minlength=n * n_lab).reshape(n, n_lab)
    return counts.argmax(axis=1)


def _days(values: pd.Series) -> np.ndarray:
    """Day numbers since 1970-01-01 (int32, NO_DAY where missing) of ISO date strings or datetimes.

    Only the calendar date as written counts (no time-zone shift): "1987-02-26T23:30:00-05:00" is
    26 February. Unique values are parsed once.
    """
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        dt = values
        if getattr(dt.dt, "tz", None) is not None:
            dt = dt.dt.tz_localize(None)
        arr = dt.to_numpy(dtype="datetime64[ns]")
        out = arr.astype("datetime64[D]").astype(np.int64)
        out[np.isnat(arr)] = NO_DAY
        return out.astype(np.int32)
    codes, uniq = pd.factorize(values)
    if len(uniq) == 0:
        return np.full(len(values), NO_DAY, dtype=np.int32)
    head = pd.Index(uniq).astype(str).str.slice(0, 10)
    parsed = pd.to_datetime(head, format="ISO8601", errors="coerce")
    arr = parsed.to_numpy(dtype="datetime64[ns]")
    udays = arr.astype("datetime64[D]").astype(np.int64)
    udays[np.isnat(arr)] = NO_DAY
    out = np.full(len(values), NO_DAY, dtype=np.int64)
    ok = codes >= 0
    out[ok] = udays[codes[ok]]
    return out.astype(np.int32)


def _dates(days: np.ndarray) -> np.ndarray:
    """Day numbers back to datetime64 (NaT for NO_DAY)."""
    out = (_EPOCH + days.astype(np.int64)).astype("datetime64[s]")
    out[days == NO_DAY] = np.datetime64("NaT")
    return out


# ---------------------------------------------------------------------------------------------
# Frequency


def entity_frequency(
    entities: Any,
    *,
    labels: Labels = None,
    exclude_labels: Labels = None,
    by_label: bool = True,
    min_mentions: int = 1,
    top: Optional[int] = None,
) -> pd.DataFrame:
    """How often each entity is mentioned, in how many stories, and first and last seen.

    Parameters
    ----------
    entities : DataFrame or Corpus
        The entities table (``id, date, text, label, canonical``; ``date`` is optional).
    labels, exclude_labels : str or list of str
        Keep only mentions with (without) these labels, e.g. ``labels=["ORG", "PER"]``.
    by_label : bool
        Count (name, label) pairs apart (default); with False, one row per name, labelled with its
        most frequent label.
    min_mentions, top : int
        Drop entities with fewer mentions; keep only the ``top`` rows.

    Returns
    -------
    DataFrame with columns ``entity, label, mentions, stories, first_date, last_date``, sorted by
    mentions, then stories (both descending), then name. ``first_date``/``last_date`` are the
    dates (day precision) of the earliest and latest dated stories mentioning the entity.
    """
    ents = _entities(entities)
    mask = _label_mask(ents, labels, exclude_labels)
    keys = _Keys(ents, by_label, mask)
    story_codes, _ = pd.factorize(ents["id"])
    story_codes = story_codes[mask]
    days = _days(ents["date"])[mask] if "date" in ents.columns else None
    m, s, f, l = _core.frequency(
        _u32(keys.codes), _u32(story_codes), None if days is None else _i32(days), keys.n
    )
    out = pd.DataFrame(
        {
            "entity": keys.names(),
            "label": keys.labels(),
            "mentions": np.frombuffer(m, "<u8").astype(np.int64),
            "stories": np.frombuffer(s, "<u8").astype(np.int64),
            "first_date": _dates(np.frombuffer(f, "<i4")),
            "last_date": _dates(np.frombuffer(l, "<i4")),
        }
    )
    # Codes follow (name, label) order, so sorting on them breaks ties alphabetically.
    order = np.lexsort((np.arange(len(out)), -out["stories"].to_numpy(), -out["mentions"].to_numpy()))
    out = out.iloc[order]
    out = out[out["mentions"] >= max(min_mentions, 1)]
    if top is not None:
        out = out.head(top)
    return out.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Co-occurrence


def _dense(values: np.ndarray) -> tuple[np.ndarray, int]:
    """Dense codes 0..k-1 of non-negative ints (in value order) and k."""
    if len(values) == 0:
        return values.astype(np.int64), 0
    top = int(values.max()) + 1
    if top <= 64 * len(values) + 1024:
        present = np.zeros(top, dtype=bool)
        present[values] = True
        return (np.cumsum(present) - 1)[values], int(present.sum())
    codes, uniq = pd.factorize(values, sort=True)
    return codes.astype(np.int64), len(uniq)


def _unit_codes(ents: pd.DataFrame, unit: str) -> tuple[np.ndarray, np.ndarray, int]:
    """Unit code per mention, a mask of the mentions that have a unit, and the number of units."""
    story_codes, _ = pd.factorize(ents["id"])
    story_codes = story_codes.astype(np.int64)
    if unit == "story":
        return story_codes, np.ones(len(ents), dtype=bool), int(story_codes.max()) + 1 if len(story_codes) else 0
    if unit != "sentence":
        raise ValueError(f"unit must be 'sentence' or 'story', not {unit!r}")
    _require(ents, ["sentence"], "the entities table (for unit='sentence')")
    sent = pd.to_numeric(ents["sentence"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    ok = ~np.isnan(sent) & (sent >= 0)
    sent_i = np.where(ok, sent, 0).astype(np.int64)
    width = int(sent_i.max()) + 1 if len(sent_i) else 1
    codes = np.zeros(len(ents), dtype=np.int64)
    codes[ok], n = _dense(story_codes[ok] * width + sent_i[ok])
    return codes, ok, n


def cooccurrence(
    entities: Any,
    *,
    unit: str = "sentence",
    labels: Labels = None,
    exclude_labels: Labels = None,
    by_label: bool = True,
    min_count: int = 1,
    n_units: Optional[int] = None,
) -> pd.DataFrame:
    """Pairs of entities mentioned in the same sentence or story, with PMI and NPMI.

    Definitions (``unit`` is a sentence, i.e. a (story id, sentence index) pair, or a story):

    * N = the number of units in the entities table, i.e. units with at least one mention of any
      entity (before the label filters, so filtering labels does not change the probabilities);
      pass ``n_units`` to use another N, e.g. all sentences of the corpus
      (``articles["n_sentences"].sum()``) or all stories (``len(articles)``);
    * p(x) = units containing x / N; an entity mentioned twice in a unit counts once;
    * p(x, y) = units containing both x and y / N;
    * PMI(x, y) = ln( p(x, y) / (p(x) p(y)) ) (natural log);
    * NPMI(x, y) = PMI(x, y) / -ln p(x, y), in [-1, 1]; 1 when p(x, y) = 1.

    Parameters
    ----------
    unit : "sentence" or "story"
    labels, exclude_labels : keep only entities with (without) these labels.
    by_label : count (name, label) pairs apart (default) or merge labels per name.
    min_count : drop pairs found in fewer units.
    n_units : N, if not the number of units in the table (must not be smaller).

    Returns
    -------
    DataFrame with columns ``entity_a, label_a, entity_b, label_b, count, count_a, count_b, pmi,
    npmi`` (``count_a`` = units containing a), one row per unordered pair with ``(entity_a,
    label_a) < (entity_b, label_b)``, sorted by count (descending) then names. ``attrs`` holds
    ``unit`` and ``n_units``.
    """
    ents = _entities(entities)
    units, has_unit, n_all = _unit_codes(ents, unit)
    if n_units is None:
        n_units = n_all
    elif n_units < n_all:
        raise ValueError(f"n_units = {n_units} is smaller than the {n_all} {unit}s with entities in the table")
    keep = has_unit & _label_mask(ents, labels, exclude_labels)
    keys = _Keys(ents, by_label, keep)
    a, b, c, ca, cb, pmi, npmi, _ = _core.cooccurrence(
        _u32(units[keep]), _u32(keys.codes), keys.n, int(n_units), max(int(min_count), 1)
    )
    a = np.frombuffer(a, "<u4").astype(np.int64)
    b = np.frombuffer(b, "<u4").astype(np.int64)
    cols = {"entity_a": keys.names(a)}
    if by_label:
        cols["label_a"] = keys.labels(a)
    cols["entity_b"] = keys.names(b)
    if by_label:
        cols["label_b"] = keys.labels(b)
    cols.update(
        count=np.frombuffer(c, "<u8").astype(np.int64),
        count_a=np.frombuffer(ca, "<u8").astype(np.int64),
        count_b=np.frombuffer(cb, "<u8").astype(np.int64),
        pmi=np.frombuffer(pmi, "<f8").copy(),
        npmi=np.frombuffer(npmi, "<f8").copy(),
    )
    out = pd.DataFrame(cols)
    out.attrs.update(unit=unit, n_units=int(n_units))
    return out


# ---------------------------------------------------------------------------------------------
# Timelines

_FREQS = {"day": "D", "daily": "D", "d": "D", "week": "W", "weekly": "W", "w": "W", "month": "M", "monthly": "M", "m": "M"}


def _period_freq(freq: str) -> str:
    return _FREQS.get(str(freq).lower(), freq)


def timeline(
    entities: Any,
    names: Union[str, Iterable[str], None] = None,
    *,
    freq: str = "W",
    count: str = "mentions",
    labels: Labels = None,
    exclude_labels: Labels = None,
    top: int = 5,
    start: Any = None,
    end: Any = None,
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

    Returns
    -------
    DataFrame indexed by a ``PeriodIndex`` named "period", one int column per entity (in the order
    of ``names``, or by rank). Mentions without a date are left out; ``attrs["undated"]`` says how
    many.
    """
    if count not in ("mentions", "stories"):
        raise ValueError(f"count must be 'mentions' or 'stories', not {count!r}")
    freq = _period_freq(freq)
    ents = _entities(entities, ["date"])
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
        raise ValueError(f"end ({end}) is before start ({start})")
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
    source: Union[str, Iterable[str], None] = None,
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


def _selection(spec: Any, ents: pd.DataFrame, articles: Optional[pd.DataFrame], what: str) -> pd.Index:
    if isinstance(spec, Mapping):
        unknown = set(spec) - {"source", "start", "end"}
        if unknown:
            raise ValueError(f"{what}: unknown key(s) {sorted(unknown)}; use source, start, end")
        if "source" in spec and articles is None:
            raise ValueError(f"{what}: selecting by source needs the articles table (articles=...)")
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
    articles: Optional[pd.DataFrame] = None,
    count: str = "mentions",
    labels: Labels = None,
    exclude_labels: Labels = None,
    by_label: bool = True,
    min_count: int = 1,
    direction: str = "over",
    pct_diff: bool = False,
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

    Returns
    -------
    DataFrame with columns ``entity, label, target, reference, target_rel, reference_rel, g2,
    log_ratio`` (and ``pct_diff``), sorted by G2 (descending). ``target_rel`` = a / c.
    ``attrs`` holds ``target_size`` and ``reference_size``.
    """
    if count not in ("mentions", "stories"):
        raise ValueError(f"count must be 'mentions' or 'stories', not {count!r}")
    if direction not in ("over", "under", "both"):
        raise ValueError(f"direction must be 'over', 'under' or 'both', not {direction!r}")
    ents = _entities(entities)
    if articles is not None:
        articles = _table(articles, "articles", "articles")
        _require(articles, ["id"], "the articles table")
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
            raise ValueError(f"{len(overlap)} stories are in both target and reference, e.g. {overlap[0]!r}")
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
        raise ValueError(
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


# ---------------------------------------------------------------------------------------------
# Quotes and concordances


def quotes_by_speaker(
    quotes: Any,
    articles: Optional[pd.DataFrame] = None,
    *,
    speaker: str = "speaker",
    top: Optional[int] = None,
    min_quotes: int = 1,
) -> pd.DataFrame:
    """Who is quoted, how often, in how many stories, with which verb most often.

    Quotes without a speaker are left out (``attrs["unattributed"]`` counts them). With the
    articles table (``id, date``), first and last dates are added.

    Returns
    -------
    DataFrame ``speaker, quotes, stories, verb`` (most frequent reporting verb) and, with
    articles, ``first_date, last_date``; sorted by quotes, then stories (descending), then name.
    """
    q = _table(quotes, "quotes", "quotes")
    _require(q, ["id", speaker], "the quotes table")
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
    entities: Optional[pd.DataFrame] = None,
    width: int = 40,
    regex: bool = False,
    case: bool = False,
    ids: Optional[Iterable] = None,
    limit: Optional[int] = None,
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
        pattern = re.compile(query if regex else r"(?<!\w)" + re.escape(query) + r"(?!\w)", 0 if case else re.IGNORECASE)
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


# ---------------------------------------------------------------------------------------------
# Network


def cooccurrence_network(
    data: Any,
    *,
    weight: str = "count",
    top: Optional[int] = None,
    frequency: Optional[pd.DataFrame] = None,
    **cooccurrence_args: Any,
):
    """A networkx graph of co-occurring entities.

    ``data`` is a table from :func:`cooccurrence`, or an entities table (then
    ``cooccurrence(data, **cooccurrence_args)`` is computed, e.g. ``unit="story", min_count=3``).
    Nodes are entity names with attributes ``label`` and ``units`` (units containing the entity)
    and, given a :func:`entity_frequency` table, ``mentions``; edges carry ``count``, ``pmi``,
    ``npmi`` and ``weight`` (the ``weight`` column). ``top`` keeps the heaviest edges only.
    Needs networkx (``pip install dateline[plot]``).
    """
    try:
        import networkx as nx
    except ImportError as exc:  # pragma: no cover - exercised only without networkx
        raise ImportError("cooccurrence_network needs networkx: pip install 'dateline[plot]'") from exc
    if isinstance(data, pd.DataFrame) and "count_a" in data.columns:
        co = data
    else:
        co = cooccurrence(data, **cooccurrence_args)
    if weight not in co.columns:
        raise ValueError(f"weight must be a column of the co-occurrence table ({', '.join(co.columns)}), not {weight!r}")
    if top is not None:
        co = co.sort_values(weight, ascending=False, kind="stable").head(top)
    g = nx.Graph()
    g.graph.update(unit=co.attrs.get("unit"), n_units=co.attrs.get("n_units"), weight=weight)
    has_labels = "label_a" in co.columns
    mentions = None
    if frequency is not None:
        mentions = frequency.groupby("entity")["mentions"].sum().to_dict()
    for row in co.itertuples(index=False):
        for name, units, lab in (
            (row.entity_a, row.count_a, row.label_a if has_labels else None),
            (row.entity_b, row.count_b, row.label_b if has_labels else None),
        ):
            if name not in g:
                attrs = {"units": int(units)}
                if lab is not None:
                    attrs["label"] = lab
                if mentions is not None:
                    attrs["mentions"] = int(mentions.get(name, 0))
                g.add_node(name, **attrs)
        w = float(getattr(row, weight))
        if g.has_edge(row.entity_a, row.entity_b):
            # Same names under different labels: merge the edges.
            e = g.edges[row.entity_a, row.entity_b]
            e["count"] += int(row.count)
            e["weight"] = max(e["weight"], w)
        else:
            g.add_edge(row.entity_a, row.entity_b, count=int(row.count), pmi=float(row.pmi), npmi=float(row.npmi), weight=w)
    return g


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
        articles: Optional[pd.DataFrame] = None,
        quotes: Optional[pd.DataFrame] = None,
        texts: Any = None,
    ):
        self.entities = _entities(entities)
        self.articles = articles
        self.quotes = quotes
        self.texts = texts

    @classmethod
    def from_corpus(cls, corpus: Any, *, texts: Any = None) -> "CorpusStats":
        """Runs the corpus once (``tables()`` when it has it, else ``entities()``, ``articles()``
        and ``quotes()``). ``texts`` (a mapping id -> text, ...) enables :meth:`kwic`."""
        if callable(getattr(corpus, "tables", None)):
            t = corpus.tables()
            return cls(t["entities"], t.get("articles"), t.get("quotes"), texts=texts)
        q = corpus.quotes() if callable(getattr(corpus, "quotes", None)) else None
        arts = corpus.articles() if callable(getattr(corpus, "articles", None)) else None
        return cls(corpus.entities(), arts, q, texts=texts)

    @classmethod
    def from_parquet(cls, entities: str, articles: Optional[str] = None, quotes: Optional[str] = None) -> "CorpusStats":
        """Reads saved tables back (paths to Parquet files or datasets)."""
        read = pd.read_parquet
        return cls(read(entities), read(articles) if articles else None, read(quotes) if quotes else None)

    def frequency(self, **kw: Any) -> pd.DataFrame:
        return entity_frequency(self.entities, **kw)

    def cooccurrence(self, **kw: Any) -> pd.DataFrame:
        return cooccurrence(self.entities, **kw)

    def timeline(self, names: Union[str, Iterable[str], None] = None, **kw: Any) -> pd.DataFrame:
        return timeline(self.entities, names, **kw)

    def keyness(self, target: Any, reference: Any = None, **kw: Any) -> pd.DataFrame:
        kw.setdefault("articles", self.articles)
        return keyness(self.entities, target, reference, **kw)

    def quotes_by_speaker(self, **kw: Any) -> pd.DataFrame:
        if self.quotes is None:
            raise ValueError("no quotes table: pass quotes= to CorpusStats")
        kw.setdefault("articles", self.articles)
        return quotes_by_speaker(self.quotes, **kw)

    def kwic(self, query: str, *, entity: bool = True, **kw: Any) -> pd.DataFrame:
        """Concordance of an entity (``entity=True``, by its mentions) or of a word."""
        if self.texts is None:
            raise ValueError("no texts: pass texts= (a Corpus, a dict id -> text, ...) to CorpusStats")
        return kwic(self.texts, query, entities=self.entities if entity else None, **kw)

    def network(self, **kw: Any):
        return cooccurrence_network(self.entities, **kw)

    def __repr__(self) -> str:
        n_st = self.entities["id"].nunique()
        return f"CorpusStats({len(self.entities)} mentions in {n_st} stories)"
