"""Shared input handling of the statistics: table checks, entity names and codes, label filters,
day numbers and the byte encoding of arrays for the Rust core."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dateline import _native
from dateline._native import stats as _core
from dateline.errors import InputError

#: Labels of named things (people, organisations, places, ...): the usual filter for "who".
NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW",
               "LANGUAGE", "MISC", "PER")
#: Labels of values (dates, amounts, numbers), left out by ``exclude_labels=VALUE_LABELS``.
VALUE_LABELS = ("DATE", "TIME", "DURATION", "SET", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL")

#: Every value of the tables' ``section`` column, in story order.
SECTIONS = ("headline", "advisory", "dateline", "byline", "body", "caption", "credit")
#: The sections the statistics count by default: the story's own words. Datelines (the place a
#: story was filed from: the articles table's ``dateline_place``), bylines and credit lines
#: (reporters, editors, agencies, copyright holders) are left out; ``sections=None`` counts all.
DEFAULT_SECTIONS = ("headline", "body", "caption")

NO_DAY = _core.NO_DAY
_EPOCH = np.datetime64("1970-01-01", "D")
Labels = str | Iterable[str] | None
Sections = str | Iterable[str] | None


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
        raise InputError(
            f"{what} lacks column(s) {', '.join(map(repr, missing))}; it has "
            f"{', '.join(map(repr, df.columns)) or 'no columns'}"
        )


def _in_sections(df: pd.DataFrame, sections: Sections, what: str = "the table") -> pd.DataFrame:
    """The rows of ``df`` in ``sections`` (all rows for None, or for a table without a ``section``
    column, such as one saved by an older dateline)."""
    if sections is None or "section" not in df.columns:
        return df
    wanted = [sections] if isinstance(sections, str) else list(sections)
    bad = [x for x in wanted if x not in SECTIONS]
    if bad:
        raise InputError(f"unknown section(s) {bad} for {what}; choose from {', '.join(SECTIONS)}")
    keep = _isin(df["section"], wanted)
    return df if keep.all() else df[keep]


def _entities(x: Any, extra: Iterable[str] = (), sections: Sections = None) -> pd.DataFrame:
    df = _table(x, "entities", "entities")
    _require(df, ["id", "text", "label", *extra], "the entities table")
    return _in_sections(df, sections, "the entities table")


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
    """The name an entity is counted and shown under (Arrow strings): the corpus-level ``name`` of
    :func:`dateline.link` when the table has ``entity_id`` and ``name`` (see :func:`_linked_names`),
    else the canonical name, falling back to the surface text where there is none."""
    if "entity_id" in df.columns and "name" in df.columns:
        return _linked_names(df)
    text = _arrow_strings(df["text"])
    if "canonical" not in df.columns:
        return text
    canon = _arrow_strings(df["canonical"])
    if canon.type != text.type:
        canon = canon.cast(text.type)
    use_text = pc.or_kleene(pc.is_null(canon), pc.equal(canon, ""))
    return _usual_forms(pc.if_else(use_text, text, canon))


def _linked_names(df: pd.DataFrame) -> pa.Array:
    """Display names of linked entities, one per ``entity_id``: the ``name`` column, except that
    when several ids of one label share a name ("Johnson" the unresolved surname and another
    "Johnson"), the id with the most mentions keeps the plain name and the others show it followed
    by the first 6 digits of their id ("Johnson [3fa2c1]"), so counting by name counts by id.
    Rows without an id or name fall back to the canonical name or the text."""
    ids, names = _arrow_strings(df["entity_id"]), _arrow_strings(df["name"])
    if names.null_count or ids.null_count or pc.any(pc.equal(names, "")).as_py():
        rest = _names_arrow(df.drop(columns=["entity_id", "name"]))
        if rest.type != names.type:
            rest = rest.cast(names.type)
        missing = pc.or_kleene(pc.or_kleene(pc.is_null(names), pc.equal(names, "")), pc.is_null(ids))
        missing = pc.fill_null(missing, True)
        names = pc.if_else(missing, rest, names)
        ids = pc.if_else(missing, pa.scalar(None, ids.type), ids)
    labels = _arrow_strings(df["label"]) if "label" in df.columns else pa.nulls(len(df), pa.string())
    t = pa.table({"n": names, "l": labels, "i": ids})
    per_id = t.filter(pc.is_valid(t["i"])).group_by(["n", "l", "i"]).aggregate([([], "count_all")])
    if per_id.num_rows == per_id.group_by(["n", "l"]).aggregate([]).num_rows:
        return names  # every (name, label) has one id
    ranked = per_id.sort_by([("n", "ascending"), ("l", "ascending"), ("count_all", "descending"),
                             ("i", "ascending")])
    n, lab = ranked["n"].to_pylist(), ranked["l"].to_pylist()
    shown = []
    for j, (name, i) in enumerate(zip(n, ranked["i"].to_pylist())):
        first = j == 0 or (n[j - 1], lab[j - 1]) != (name, lab[j])
        shown.append(name if first else f"{name} [{i[:6]}]")
    idx = pc.index_in(ids, value_set=ranked["i"].combine_chunks())
    out = pa.array(shown, type=names.type).take(idx)
    return pc.if_else(pc.is_null(idx), names, out)


def _usual_forms(names: pa.Array) -> pa.Array:
    """Case variants of one name across the table ("LONDON", "London"; "WOOLWORTH", "Woolworth")
    take the corpus's usual form: the most frequent variant that is not written in capitals
    (capitals of a single word of up to five letters, an acronym's way, compete on count alone);
    ties go to the alphabetically first."""
    if len(names) == 0:
        return names
    lower = pc.utf8_lower(names)
    counts = pa.table({"k": lower, "n": names}).group_by(["k", "n"]).aggregate([([], "count_all")])
    if counts.num_rows == pc.count_distinct(lower).as_py():
        return names  # every name has one spelling
    n = counts["n"]
    caps = pc.and_(pc.equal(pc.utf8_upper(n), n), pc.not_equal(pc.utf8_lower(n), n))
    acronym_like = pc.and_(pc.less_equal(pc.utf8_length(n), 5), pc.invert(pc.match_substring(n, " ")))
    penalised = pc.and_(caps, pc.invert(acronym_like))
    ranked = counts.append_column("p", pc.cast(penalised, pa.int8())).sort_by(
        [("k", "ascending"), ("p", "ascending"), ("count_all", "descending"), ("n", "ascending")])
    keys = ranked["k"].to_numpy(zero_copy_only=False)
    first = np.ones(len(keys), dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    best = ranked.filter(pa.array(first))
    idx = pc.index_in(lower, value_set=best["k"].combine_chunks())
    out = best["n"].combine_chunks().take(idx)
    return out.cast(names.type) if out.type != names.type else out


def usual_forms(entities: Any) -> pd.DataFrame:
    """The entities table with ``canonical`` replaced by the corpus's usual form of each name: case
    variants across stories ("LONDON", "London"; "WOOLWORTH", "Woolworth") take the most frequent
    form not written in capitals (see the module doc). The reduce step over a whole table (also
    after a distributed run); the statistics apply it themselves. The in-story forms are kept in
    ``story_canonical``."""
    df = _table(entities, "entities", "entities")
    _require(df, ["text"], "the entities table")
    out = df.copy()
    if "canonical" in df.columns:
        out["story_canonical"] = df["canonical"]
    out["canonical"] = _str_column(_names_arrow(df))
    return out


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


#: dateline's labels, in the core's order (the reference page lists them with definitions).
LABELS: tuple[str, ...] = tuple(label for label, _ in _native.LABELS)
#: The CoNLL-2003 types and the labels each covers, as ``dateline eval conll`` scores them:
#: ``labels="PER"`` selects PERSON mentions, ``"LOC"`` GPE, LOC and FAC, ``"MISC"`` NORP, EVENT, ...
CONLL_TYPES: dict[str, tuple[str, ...]] = {
    conll: tuple(label for label, c in _native.LABELS if c == conll) for conll in ("PER", "ORG", "LOC", "MISC")
}


def _label_list(labels: Labels, present: pd.Series | None = None) -> list | None:
    """The labels selected by a ``labels=`` argument: CoNLL types widened to the labels they cover
    (the CoNLL name itself kept, for tables labelled in CoNLL's scheme). A label that is neither
    dateline's, nor CoNLL's, nor in the table raises, naming the valid ones: a typo must not give
    an empty table."""
    if labels is None:
        return None
    wanted = [labels] if isinstance(labels, str) else list(labels)
    known = set(LABELS) | set(CONLL_TYPES)
    unknown = [x for x in wanted if x not in known]
    if unknown and present is not None:
        in_table = set(present.dropna().unique())
        unknown = [x for x in unknown if x not in in_table]
    if unknown:
        raise InputError(f"unknown label(s) {unknown}; dateline's labels are {', '.join(LABELS)} "
                         f"(the CoNLL types {', '.join(CONLL_TYPES)} are accepted too; see docs/reference.md)")
    out: list = []
    for x in wanted:
        out.extend([x, *CONLL_TYPES.get(x, ())])
    return out


def _label_mask(df: pd.DataFrame, labels: Labels, exclude_labels: Labels) -> np.ndarray:
    mask = np.ones(len(df), dtype=bool)
    lab = df["label"]
    inc, exc = _label_list(labels, lab), _label_list(exclude_labels, lab)
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

    def __init__(self, df: pd.DataFrame, by_label: bool, mask: np.ndarray | None = None):
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

    def names(self, codes: np.ndarray | None = None):
        idx = self._name_of if codes is None else self._name_of[codes]
        return _str_column(self._name_uniq.take(pa.array(idx)))

    def labels(self, codes: np.ndarray | None = None):
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
    # A missing value's code, -1, takes the NO_DAY appended last: one int32 gather, no
    # column-sized temporaries (fresh memory is what a first call on a big table pays for).
    return np.append(udays, NO_DAY).astype(np.int32)[codes]


def _dates(days: np.ndarray) -> np.ndarray:
    """Day numbers back to datetime64 (NaT for NO_DAY)."""
    out = (_EPOCH + days.astype(np.int64)).astype("datetime64[s]")
    out[days == NO_DAY] = np.datetime64("NaT")
    return out


