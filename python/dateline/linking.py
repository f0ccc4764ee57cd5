"""Corpus-level identity: :func:`link` gives every mention of an entities table the ``entity_id``
and display ``name`` of the real-world entity it names, across the whole table.

``canonical`` stays the in-story name ("Reagan" in a story that never writes his first name);
``name`` is the corpus's ("Ronald Reagan"). What joins (the Rust core, ``dateline._native.stats.link``):

- case variants ("LONDON", "London") and legal-suffix variants ("Intel", "Intel Corp", "INTEL");
- a one-word person name, with or without a title ("Reagan", "President Reagan"), and the full
  name the corpus uses for it; an acronym or Reuters ticker ("IBM", "INTC") and the name it
  abbreviates, or that other stories resolve it to ("Intel Corp <INTC>");
- only when the corpus makes it clear: within the *window* (the story's calendar year by default),
  the leading candidate must be in at least 5 times as many stories as the next one (counting,
  for a person with a title, the stories where a candidate carries the same title word), so two
  Johnsons of similar standing in one year stay apart, and so do "Treasury Secretary Baker" and
  "chief of staff Baker".

Historical states are their own entities: "the Soviet Union" (``country_code`` SU), "West
Germany", "East Germany" (DD), "Czechoslovakia" (CS), "Yugoslavia" (YU); "Burma" (BU) and "Zaire"
(ZR) in stories dated before their renamings.

Ids are 16 hex digits of a hash of the entity's label, normalised name and disambiguator (a
historical code), so an entity gets the same id in any run, thread count and input order, and in
another corpus that contains it. A user's alias with an id keeps that id.
"""
from __future__ import annotations

from typing import Any, Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dateline._arrow import lent
from dateline.errors import InputError

__all__ = ["link"]


def _strings(df: pd.DataFrame, column: str) -> pa.Array:
    """A column as an Arrow ``string`` or ``large_string`` array (pandas' own, not converted) whose
    nulls read as "" (an all-empty one when absent)."""
    from dateline.stats._base import _arrow_strings

    if column not in df.columns:
        return _empty_strings(len(df))
    arr = _arrow_strings(df[column])
    if arr.null_count and not _nulls_empty(arr):
        arr = arr.fill_null("")
    return arr


def _empty_strings(n: int) -> pa.Array:
    """n empty strings, made from buffers (no n Python objects)."""
    return pa.Array.from_buffers(pa.string(), n, [None, pa.py_buffer(np.zeros(n + 1, dtype="<i4")),
                                                  pa.py_buffer(b"")])


def _offsets(arr: pa.Array) -> np.ndarray:
    width = "<i8" if pa.types.is_large_string(arr.type) else "<i4"
    return np.frombuffer(arr.buffers()[1], dtype=width)[arr.offset: arr.offset + len(arr) + 1]


def _nulls_empty(arr: pa.Array) -> bool:
    """Whether every null of a string array already spans no bytes (as pyarrow and pandas make
    them): then it reads as "" without a copy of the column."""
    offsets = _offsets(arr)
    # the values' bytes are the span of the offsets exactly when the nulls hold none
    return int(offsets[-1] - offsets[0]) == (pc.sum(pc.binary_length(arr)).as_py() or 0)


def _buffers(arr: pa.Array) -> tuple[bytes, bytes]:
    """(offsets, data) of an Arrow string array, as the core reads them (i32 or, for a
    ``large_string`` array, i64 offsets)."""
    data = arr.buffers()[2]
    return _offsets(arr).tobytes(), (data.to_pybytes() if data is not None else b"")


def _from_core(column: tuple[Any, Any]) -> pa.Array:
    """An Arrow ``large_string`` array on the core's lent (offsets, data) buffers, as the corpus
    tables are made (no copy, no Python strings)."""
    offsets, data = column
    n = offsets.size // 8 - 1
    return pa.Array.from_buffers(pa.large_string(), n, [None, lent(offsets), lent(data)])


def _apply_aliases(aliases: Any, text: pa.Array, canonical: pa.Array, label: pa.Array,
                   kb_id: pa.Array) -> tuple[pa.Array, pa.Array, pa.Array]:
    """A user's alias wins: a mention whose text (or in-story name) is an alias takes its name,
    label and id."""
    from dateline.aliases import _alias_rows

    rows = _alias_rows(aliases)
    if not rows:
        return canonical, label, kb_id
    surfaces = pa.array([r[0] for r in rows], type=pa.string())
    idx = pc.index_in(text, value_set=surfaces)
    idx = pc.if_else(pc.is_null(idx), pc.index_in(canonical, value_set=surfaces), idx)
    hit = pc.fill_null(pc.is_valid(idx), False)
    if not pc.any(hit).as_py():
        return canonical, label, kb_id

    def take(values: list, current: pa.Array) -> pa.Array:
        got = pa.array(values, type=current.type).take(idx)
        use = pc.and_(hit, pc.fill_null(pc.not_equal(got, ""), False))
        return pc.if_else(use, got, current)

    return (take([r[1] or "" for r in rows], canonical), take([r[2] or "" for r in rows], label),
            take([r[3] or "" for r in rows], kb_id))


_SUFFIX_END = r"(?:INC|CORP|CO|COS|LTD|PLC|AG|SA|NV|LP|CORPORATION|COMPANY|INCORPORATED|LIMITED)\.?"


def _headline_pieces(df: pd.DataFrame, story: np.ndarray, text: pa.Array, canonical: pa.Array,
                     label: pa.Array) -> tuple[tuple[bytes, bytes], ...]:
    """A company name in a headline's capitals that the recogniser cut in two ("DOW" + "CHEMICAL
    CO", "GULF" + "TECHNOLOGIES INC"): the one-word piece is keyed as the whole name (an ORG), not
    as the word, which other stories use for other companies ("Dow Financial", another "Gulf").
    The pieces are a one-word mention in capitals and the next mention of the same headline, an
    organisation in capitals ending in a legal suffix, at most three characters after it. The
    piece's text is keyed as the whole name too, so that it is no evidence that the word alone
    stands for the whole name elsewhere.

    Returns the three columns as the core reads them (see :func:`_buffers`)."""
    def same() -> tuple[tuple[bytes, bytes], ...]:
        return _buffers(text), _buffers(canonical), _buffers(label)

    if not {"section", "start", "end"} <= set(df.columns) or len(df) < 2:
        return same()
    head = np.flatnonzero(pc.fill_null(pc.equal(_strings(df, "section"), "headline"), False).to_numpy(
        zero_copy_only=False))
    if len(head) < 2:
        return same()
    starts, ends = df["start"].to_numpy(), df["end"].to_numpy()
    rows = head[np.lexsort((starts[head], story[head]))]
    a, b = rows[:-1], rows[1:]
    near = (story[a] == story[b]) & (starts[b] - ends[a] >= 0) & (starts[b] - ends[a] <= 3)
    a, b = a[near], b[near]
    if not len(a):
        return same()
    first = text.take(pa.array(a))
    rest = text.take(pa.array(b))
    ok = pc.and_(pc.and_(pc.match_substring_regex(first, r"^[A-Z][A-Z&'\-]+$"),
                         pc.match_substring_regex(rest, r"^[A-Z][A-Z0-9&.'\- ]*\s" + _SUFFIX_END + "$")),
                 pc.equal(label.take(pa.array(b)), "ORG")).to_numpy(zero_copy_only=False)
    if not ok.any():
        return same()
    names = [f"{x} {' '.join(y.split())}" for x, y in zip(first.filter(pa.array(ok)).to_pylist(),
                                                         rest.filter(pa.array(ok)).to_pylist())]
    rows = a[ok]
    return (_replaced(text, rows, names), _replaced(canonical, rows, names),
            _replaced(label, rows, ["ORG"] * len(rows)))


def _replaced(arr: pa.Array, rows: np.ndarray, values: list[str]) -> tuple[bytes, bytes]:
    """A string array's (offsets, data) as the core reads them (see :func:`_buffers`), with the
    values at ``rows`` (distinct) replaced, nulls read as "": spliced from the array's own
    buffers around the few rows, where an ``if_else`` over the whole column builds every value
    again (the pieces are a few dozen rows of a table of hundreds of thousands). The joined bytes
    go to the core as they are, not through an Arrow array copied again."""
    order = np.argsort(rows, kind="stable")
    rows = rows[order]
    encoded = [values[i].encode() for i in order]
    offsets = _offsets(arr)
    data = arr.buffers()[2]
    raw = memoryview(data) if data is not None else memoryview(b"")
    lengths = np.diff(offsets)
    lengths[rows] = [len(v) for v in encoded]
    pieces, at = [], int(offsets[0])
    for r, v in zip(rows.tolist(), encoded):
        pieces += [raw[at:int(offsets[r])], v]
        at = int(offsets[r + 1])
    pieces.append(raw[at:int(offsets[-1])])
    new_offsets = np.zeros(len(arr) + 1, dtype=offsets.dtype)
    np.cumsum(lengths, out=new_offsets[1:])
    return new_offsets.tobytes(), b"".join(pieces)


def link(entities: Any, *, aliases: Any = None, window: Literal["year", "all"] = "year") -> pd.DataFrame:
    """The entities table with ``entity_id`` and ``name`` added: one id and one display name per
    real-world entity across the table (see the module doc). ``country_code`` takes the code of a
    historical state (SU for "the Soviet Union"); everything else is kept as it is.

    Args:
        entities: an entities table (``id``, ``text``, ``label``; ``canonical``, ``date``,
            ``title``, ``country_code``, ``kb_id`` used when present), or a :class:`Corpus`. Run it
            over the whole table (it is the reduce step of a distributed run: the result does not
            depend on how the table was split or ordered).
        aliases: the user's alias table (as in :func:`dateline.parse`: a dict, CSV path, DataFrame
            or list); a mention whose text is an alias takes the alias's name, label and id.
        window: where ambiguity is judged: ``"year"`` (the calendar year of the story's date;
            undated stories form one window) or ``"all"`` (the whole table).

    >>> import pandas as pd, dateline
    >>> ents = pd.DataFrame({
    ...     "id": ["1", "2", "3", "4", "5"], "date": ["1987-03-02"] * 5,
    ...     "text": ["Ronald Reagan", "Ronald Reagan", "Reagan", "Intel", "Intel Corp"],
    ...     "label": ["PERSON", "PERSON", "PERSON", "ORG", "ORG"]})
    >>> linked = dateline.link(ents)
    >>> linked["name"].tolist()
    ['Ronald Reagan', 'Ronald Reagan', 'Ronald Reagan', 'Intel', 'Intel']
    >>> linked["entity_id"].nunique()
    2
    """
    from dateline._native import stats as _core
    from dateline.stats._base import NO_DAY, _days, _require, _str_column, _table

    if window not in ("year", "all"):
        raise InputError(f"window must be 'year' or 'all', got {window!r}")
    df = _table(entities, "entities", "link")
    _require(df, ["id", "text", "label"], "the entities table")
    text, canonical, label = _strings(df, "text"), _strings(df, "canonical"), _strings(df, "label")
    title, code, kb_id = _strings(df, "title"), _strings(df, "country_code"), _strings(df, "kb_id")
    if aliases is not None:
        canonical, label, kb_id = _apply_aliases(aliases, text, canonical, label, kb_id)
    days = _days(df["date"]) if "date" in df.columns else np.full(len(df), NO_DAY, dtype=np.int32)
    story, _ = pd.factorize(df["id"], use_na_sentinel=False)
    out_canonical, out_label = canonical, label  # what the table shows; the core keys the pieces
    keyed = _headline_pieces(df, story, text, canonical, label)
    entity, ids, names, codes = _core.link(
        *keyed, _buffers(title), _buffers(code), _buffers(kb_id),
        np.ascontiguousarray(days, dtype="<i4").tobytes(), np.ascontiguousarray(story, dtype="<u4").tobytes(),
        whole_table=window == "all")
    which = pa.array(np.frombuffer(entity, dtype="<u4"))
    out = df.copy(deep=False)
    out["entity_id"] = _str_column(_from_core(ids).take(which))
    out["name"] = _str_column(_from_core(names).take(which))
    hist = _from_core(codes).take(which)
    if pc.any(pc.not_equal(hist, "")).as_py():
        new = pc.if_else(pc.not_equal(hist, ""), hist, _arrow_strings_or_null(df, "country_code"))
        out["country_code"] = _str_column(new)
    if aliases is not None:
        out["canonical"] = _str_column(out_canonical)
        out["label"] = _str_column(out_label)
        out["kb_id"] = _str_column(pc.if_else(pc.equal(kb_id, ""), pa.scalar(None, kb_id.type), kb_id))
    return out


def _arrow_strings_or_null(df: pd.DataFrame, column: str) -> pa.Array:
    from dateline.stats._base import _arrow_strings

    if column not in df.columns:
        return pa.array([None] * len(df), type=pa.string())
    arr = _arrow_strings(df[column])
    return arr if pa.types.is_string(arr.type) else arr.cast(pa.string())
