"""Story identity: near-duplicate stories (repeats, updates, corrections of one wire story).

A story repeated by the wire ("REPEAT"), updated ("UPDATE 1") or corrected ("CORRECTED") would
count once per version in every statistic. dateline finds such versions in its Rust core: each story
is reduced to a signature (MinHash of its word 3-grams, 128 values, and a sketch of its figures: 328
bytes, computed where the story is analysed, in parallel), candidate pairs come from
locality-sensitive hashing (32 bands of 4 values), and a candidate pair is a near-duplicate when

* the estimated Jaccard similarity of the two 3-gram sets is at least ``threshold`` (default
  :data:`THRESHOLD` = 0.5), or at least 75% of the shorter story's 3-grams are in the longer one (a
  version cut short or extended);
* at least 80% of the figures of the story with fewer of them are in the other ("2.5", "1,683,000",
  "two" counts as "2"; the day after a month name, as in a dateline, does not count): wire templates
  (a dividend, earnings, the Fed's daily repurchases, a weekly auction) repeat their words with other
  figures;
* their dates are at most 3 days apart (when both have one): the same template on another day is
  another story.

Words are compared case-folded, punctuation and layout ignored. The settings were chosen on the
judged Reuters-21578 pairs of ``tests/gold/near_duplicates.jsonl`` (``dev`` part; the ``held_out`` part
is scored apart): ``python benchmarks/eval_near_duplicates.py`` prints precision and recall.

The versions of one story form a group (the connected pairs); its first version is the one with
the earliest ``date`` (stories without a date come after the dated ones), then the first in input
order. Every other version's ``duplicate_of`` is the first version's id; the first version's (and
every story without a near-duplicate's) is None. The result is the same at any thread count.

:meth:`dateline.Corpus.articles` (and ``tables()``, ``entities()``, ... and ``to_parquet``) fill a
``duplicate_of`` column in every table (a mention's row has its story's value), so the statistics
count each story once by default (``dedupe=False`` counts all). :func:`near_duplicates` does the
same for any DataFrame of texts.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.compute as pc

from dateline import _native
from dateline.errors import InputError

if TYPE_CHECKING:  # pandas is imported on use: importing it registers df.dateline, which needs Corpus
    import pandas as pd

__all__ = ["near_duplicates", "THRESHOLD", "COLUMN"]

#: Estimated Jaccard similarity of word 3-gram sets from which two stories are near-duplicates.
THRESHOLD: float = _native.DEDUPE_THRESHOLD
#: The column every corpus table carries: the id of the story's first version, None for originals.
COLUMN = "duplicate_of"


def _check_threshold(threshold: Any) -> float:
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 < threshold <= 1:
        raise InputError(f"threshold must be a number in (0, 1], not {threshold!r}")
    return float(threshold)


def _with_column(table: pa.Table, values: pa.Array) -> pa.Table:
    """``table`` with its ``duplicate_of`` column set to ``values`` (appended when missing)."""
    field = pa.field(COLUMN, pa.large_string())
    i = table.schema.get_field_index(COLUMN)
    if i < 0:
        return table.append_column(field, values)
    return table.set_column(i, field, values)


def _null_column(table: pa.Table) -> pa.Table:
    """``table`` with a ``duplicate_of`` column of nulls when it has none (a batch cannot know)."""
    if COLUMN in table.schema.names:
        return table
    return table.append_column(pa.field(COLUMN, pa.large_string()), pa.nulls(table.num_rows, pa.large_string()))


def _first_versions(ids: pa.Array, dates: pa.Array, signatures: bytes, threshold: float, threads: int) -> pa.Array:
    """The ``duplicate_of`` values of the stories whose ids, dates and signatures are given."""
    first = _native.dedupe_groups(signatures, dates.to_pylist(), threshold, threads=threads)
    idx = pa.array(first, type=pa.int64())
    return ids.take(idx).cast(pa.large_string())


def _mapped(table: pa.Table, ids: pa.Array, dup: pa.Array) -> pa.Array:
    """Each row's story's ``duplicate_of``, by the row's ``id`` (the first story of that id)."""
    row_ids = table.column("id").combine_chunks() if table.num_rows else pa.array([], pa.large_string())
    pos = pc.index_in(row_ids.cast(pa.large_string()), value_set=ids.cast(pa.large_string()))
    return dup.take(pos)


def fill(tables: dict[str, pa.Table], signatures: bytes, *, threshold: float = THRESHOLD,
         threads: int = 0) -> dict[str, pa.Table]:
    """The tables of a whole run (articles among them, ``signatures`` its rows' signatures) with
    ``duplicate_of`` filled in every one."""
    arts = tables["articles"]
    ids = arts.column("id").combine_chunks()
    dup = _first_versions(ids, arts.column("date").combine_chunks(), signatures, threshold, threads)
    out = {}
    for name, t in tables.items():
        out[name] = _with_column(t, dup if name == "articles" else _mapped(t, ids, dup))
    return out


def identity_table(ids_dates: pa.Table, signatures: bytes) -> pa.Table:
    """One part's stories as ``id``, ``date`` and ``signature`` (what :class:`Marks` decides from)."""
    size = _native.DEDUPE_SIGNATURE_BYTES
    n = ids_dates.num_rows
    if len(signatures) != n * size:
        raise ValueError(f"{len(signatures)} signature bytes for {n} stories")  # a bug, not bad input
    sig = pa.Array.from_buffers(pa.binary(size), n, [None, pa.py_buffer(signatures)])
    return ids_dates.select(["id", "date"]).append_column("signature", sig)


def write_identity(path: Any, identity: list[pa.Table], signatures: list[bytes]) -> None:
    """Saves one part's story ids, dates and signatures for :func:`filler` (and empties the lists):
    what ``to_parquet`` keeps until the run is complete."""
    import os

    import pyarrow.parquet as pq

    ids = pa.concat_tables(identity) if identity else pa.table({"id": pa.array([], pa.large_string()),
                                                               "date": pa.array([], pa.large_string())})
    tmp = f"{path}.tmp"
    pq.write_table(identity_table(ids, b"".join(signatures)), tmp)
    os.replace(tmp, path)
    identity.clear()
    signatures.clear()


class Marks:
    """``duplicate_of`` decided over every part of a run (each an :func:`identity_table`, in input
    order); calling it, ``marks(name, k, table)``, gives part ``k``'s ``name`` table with the column
    filled. Small (ids and the first version's index) and picklable: the reduce step of a run made
    in parts, on one machine or on a cluster."""

    def __init__(self, parts: list[pa.Table], *, threshold: float = THRESHOLD, threads: int = 0):
        self.starts = [0]
        for p in parts:
            self.starts.append(self.starts[-1] + p.num_rows)
        every = pa.concat_tables(parts) if parts else identity_table(
            pa.table({"id": pa.array([], pa.large_string()), "date": pa.array([], pa.large_string())}), b"")
        self.ids = every.column("id").combine_chunks().cast(pa.large_string())
        sig = every.column("signature").combine_chunks()
        size = _native.DEDUPE_SIGNATURE_BYTES
        # The values' bytes as they lie in the buffer (a Python bytes object per story is slow).
        data = sig.buffers()[1] if len(sig) else None
        blob = data.to_pybytes()[sig.offset * size:(sig.offset + len(sig)) * size] if data is not None else b""
        self.dup = _first_versions(self.ids, every.column("date").combine_chunks(), blob, threshold, threads)

    def __call__(self, name: str, k: int, table: pa.Table) -> pa.Table:
        if name == "articles":
            return _with_column(table, self.dup.slice(self.starts[k], self.starts[k + 1] - self.starts[k]))
        return _with_column(table, _mapped(table, self.ids, self.dup))


def filler(staging: Any, n_parts: int, *, threshold: float = THRESHOLD, threads: int = 0) -> Marks:
    """``fill(name, k, table)`` for ``to_parquet``'s join: the part's table with ``duplicate_of``,
    decided over the ids, dates and signatures of every part (:func:`write_identity`)."""
    from pathlib import Path

    import pyarrow.parquet as pq

    parts = [pq.read_table(Path(staging) / f"part-{k:05d}.identity.parquet") for k in range(n_parts)]
    return Marks(parts, threshold=threshold, threads=threads)


def _iso_dates(values: pd.Series) -> list[str | None]:
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return [None if pd.isna(v) else v.isoformat() for v in values]
    return [None if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v) for v in values]


def near_duplicates(data: Any, text: str = "text", id: str | None = "id", date: str | None = None, *,
                    threshold: float = THRESHOLD, pairs: bool = False, threads: int | None = None) -> pd.DataFrame:
    """Near-duplicate stories among the texts of a DataFrame (or a Series, or a list of str).

    Parameters
    ----------
    data : DataFrame, Series or list of str
        The stories; ``text``, ``id`` and ``date`` name its columns. Without an ``id`` column the
        index (a Series's index, a list's positions) is the id.
    date : str, optional
        A column of dates (ISO strings or datetimes): the earliest version is the first. Without
        it, input order decides.
    threshold : float
        Estimated Jaccard similarity of the word 3-gram sets from which two texts are
        near-duplicates (default :data:`THRESHOLD`).
    pairs : bool
        Return the near-duplicate pairs instead of one row per story.

    Returns
    -------
    DataFrame with ``id`` and ``duplicate_of`` (the first version's id, None for originals), one
    row per story in input order; with ``pairs=True``: ``id``, ``other``, ``similarity`` (``id``
    the earlier of the two in the order), one row per pair.

    >>> df = pd.DataFrame({"id": ["a", "b", "c"], "text": [
    ...     "Oil prices rose on Monday after OPEC agreed to cut output by one mln barrels a day.",
    ...     "UPDATE 1-Oil prices rose on Monday after OPEC agreed to cut output by one mln barrels a day.",
    ...     "The dollar fell against the yen in Tokyo trading on worries about the trade deficit."]})
    >>> near_duplicates(df)
      id duplicate_of
    0  a         None
    1  b            a
    2  c         None
    """
    import pandas as pd

    from dateline.corpus import _check_threads

    threshold = _check_threshold(threshold)
    nthreads = _check_threads(threads)
    if isinstance(data, pd.DataFrame):
        for role, col in (("text", text), ("id", id), ("date", date)):
            if col is not None and col not in data.columns and not (role == "id" and col == "id"):
                raise InputError(f"{role} column {col!r} is not in the DataFrame; it has {list(data.columns)}")
        texts = data[text]
        ids = data[id] if id is not None and id in data.columns else pd.Series(data.index, index=data.index)
        dates = _iso_dates(data[date]) if date is not None else [None] * len(data)
    elif isinstance(data, pd.Series):
        texts, ids, dates = data, pd.Series(data.index, index=data.index), [None] * len(data)
    elif isinstance(data, (list, tuple)):
        texts = pd.Series(list(data))
        ids, dates = pd.Series(range(len(texts))), [None] * len(texts)
    else:
        raise InputError(f"near_duplicates takes a DataFrame, Series or list of str, not {type(data).__name__}")
    bad = [i for i, t in enumerate(texts) if not isinstance(t, str)]
    if bad:
        raise InputError(f"text at position {bad[0]} is {type(texts.iloc[bad[0]]).__name__}, not str "
                         f"({len(bad)} non-str texts); fill or drop them first")
    sigs = _native.dedupe_signatures(list(texts), threads=nthreads)
    id_list = list(ids)
    if pairs:
        found = _native.dedupe_pairs(sigs, dates, threshold, threads=nthreads)
        return pd.DataFrame({"id": [id_list[a] for a, _, _ in found], "other": [id_list[b] for _, b, _ in found],
                             "similarity": [s for _, _, s in found]})
    first = _native.dedupe_groups(sigs, dates, threshold, threads=nthreads)
    # object dtype: None (not NaN) for originals, as in the corpus tables
    return pd.DataFrame({"id": pd.Series(id_list, dtype=object),
                         COLUMN: pd.Series([None if f is None else id_list[f] for f in first], dtype=object)})
