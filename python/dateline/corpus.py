"""Corpus engine: many stories in, tables out (pandas, Arrow, Parquet), every core busy, memory flat.

    from dateline import Corpus
    corpus = Corpus.from_jsonl("stories.jsonl", text="body", id="story_id", date="published")
    ents = corpus.entities()            # one row per mention
    arts = corpus.articles()            # one row per story, with an `error` column (None when fine)
    corpus.to_parquet("out/")           # articles/entities/quotes/events.parquet, then _SUCCESS.json

Stories are read in batches (never the whole corpus at once) and analysed in the Rust core on a
pool of worker threads with the GIL released. The tables are the same, row for row, whatever the
number of threads. A story that cannot be analysed (bad encoding, malformed record, empty, too
large, a bad date) keeps its row in ``articles()`` with the reason in ``error``, file and line; the
run goes on. A story date is checked as :func:`dateline.parse` checks it, and a bad one is reported
with the same message. Bad arguments raise :class:`dateline.InputError` (a missing file
:class:`dateline.MissingFileError`).
"""
from __future__ import annotations

import collections
import importlib.util
import os
import re
import shutil
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from dateline import _native
from dateline import dedupe as _dedupe
from dateline import readers as _readers
from dateline._arrow import lent as _lent
from dateline._output import (  # noqa: F401  (MANIFEST, PARTIAL, model_hashes, partial_path: public here)
    _COUNTS,
    _TMP_SUFFIX,
    MANIFEST,
    PARTIAL,
    TABLES,
    RunSummary,
    _check_output,
    _count,
    _finished_run,
    _join_parts,
    _Progress,
    _same_or_inside,
    _version,
    _write_atomic,
    _write_manifest,
    _write_text_atomic,
    manifest_path,
    model_hashes,
    parquet_paths,
    partial_path,
)
from dateline.aliases import compile_names
from dateline.errors import DatelineWarning, InputError, RunError
from dateline.readers import Batch

__all__ = ["Corpus", "RunSummary", "TABLES", "MANIFEST", "manifest_path"]


#: Default size limit of one story, in bytes (larger ones become error rows).
DEFAULT_MAX_BYTES: int = _native.CORPUS_DEFAULT_MAX_BYTES

# A forked child has the parent's thread pools without their threads: forget them there, so the
# child builds its own on first use (the huggingface tokenizers approach; the core also checks the
# pid, for forks that bypass os.fork).
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_native.corpus_after_fork_in_child)


def default_threads() -> int:
    """Threads used when ``threads=None``: ``$DATELINE_NUM_THREADS``, else every core."""
    return _native.corpus_default_threads()


def _arrow_table(cols: list[tuple]) -> pa.Table:
    """Wraps the core's Arrow-layout buffers (moved out of Rust, never copied) without touching
    individual rows."""
    arrays, names = [], []
    for name, kind, n, nulls, validity, offsets, data in cols:
        vbuf = _lent(validity) if validity is not None else None
        if kind == "str":
            buffers = [vbuf, _lent(offsets), _lent(data)]
            arr = pa.Array.from_buffers(pa.large_string(), n, buffers, null_count=nulls)
        elif kind == "bool":
            arr = pa.Array.from_buffers(pa.bool_(), n, [vbuf, _lent(data)], null_count=nulls)
        else:
            arr = pa.Array.from_buffers(pa.int64(), n, [vbuf, _lent(data)], null_count=nulls)
        arrays.append(arr)
        names.append(name)
    return pa.Table.from_arrays(arrays, names=names)


def _to_pandas(name: str, table: pa.Table):
    """The DataFrame of one table: strings as ``object`` columns of ``str``/None, integers as
    ``int64`` (``Int64`` in ``articles``, where error rows have no counts). One pass over the Arrow
    buffers; the int columns are not copied a second time into a consolidated block."""
    import pandas as pd

    int64 = {pa.int64(): pd.Int64Dtype()}.get
    df = table.to_pandas(types_mapper=int64 if name == "articles" else None, split_blocks=True)
    if name != "articles":
        # Offsets that may be missing (a quote's speaker) stay integers: pandas' nullable Int64.
        for col, typ in _native.CORPUS_COLUMNS.get(name, ()):
            if typ == "int | None" and col in df.columns:
                df[col] = pa.table({col: table.column(col)}).to_pandas(types_mapper=int64)[col]
    return df


#: What the table methods can return: ``to="pandas"`` (default) or ``to="arrow"``.
OUTPUTS = ("pandas", "arrow")


def _output(to: str) -> str:
    if to not in OUTPUTS:
        raise InputError(f"to must be one of {', '.join(map(repr, OUTPUTS))}, not {to!r}")
    return to


def _convert(name: str, table: pa.Table, to: str):
    return table if to == "arrow" else _to_pandas(name, table)


def _check_str(what: str, value: Any) -> None:
    """A str argument (or None) that has a UTF-8 form: the check the core does for its strings."""
    if value is None:
        return
    if not isinstance(value, str):
        raise InputError(f"{what} must be a str or None, not {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        raise InputError(f"{what} is not valid Unicode: lone surrogate U+{ord(value[e.start]):04X} "
                         f"at index {e.start}") from None


def _check_threads(threads: int | None) -> int:
    if threads is None:
        return 0
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
        raise InputError(f"threads must be a positive int or None, not {threads!r}")
    cap = _native.corpus_max_threads()
    if threads > cap:
        raise InputError(f"threads={threads} is more than the limit of {cap} worker threads")
    return threads


def _in_notebook() -> bool:
    shell = sys.modules.get("IPython")
    try:
        return shell is not None and type(shell.get_ipython()).__name__ == "ZMQInteractiveShell"
    except Exception:
        return False


def _progress_bar(progress: bool | None, total: int | None, desc: str):
    """A tqdm bar (stories/s, ETA when the total is known); by default only in a terminal or a
    notebook, and only once a run has taken 2 s, so quick runs print nothing."""
    if progress is False:
        return None
    if progress is None and not (_in_notebook() or (hasattr(sys.stderr, "isatty") and sys.stderr.isatty())):
        return None
    try:
        # tqdm.auto in a notebook without ipywidgets warns (TqdmWarning: IProgress not found) on
        # every run: the widget bar only where ipywidgets is installed, else the text bar, silently.
        if _in_notebook() and importlib.util.find_spec("ipywidgets") is not None:
            from tqdm.notebook import tqdm
        else:
            from tqdm.std import tqdm
    except ImportError:  # tqdm is a dependency, but a missing bar must not stop a run
        return None
    return tqdm(total=total, unit=" stories", desc=desc, delay=0 if progress else 2, dynamic_ncols=True)


class Corpus:
    """A collection of stories to analyse, read lazily from its source each time it is run.

    Make one with :meth:`from_jsonl`, :meth:`from_files`, :meth:`from_csv`, :meth:`from_parquet`,
    :meth:`from_pandas`, :meth:`from_records` or :meth:`from_gigaword`. Every method that runs the analysis takes
    ``threads=`` (default: ``$DATELINE_NUM_THREADS``, else every core) and ``progress=``
    (``None``: a bar in terminals and notebooks for runs over 2 s; ``True``/``False``: always/never).
    Every reader reads the story from ``text`` and takes ``id`` and ``date`` from columns (fields)
    of those names when present; a column named explicitly that is missing is an ``InputError``.
    :meth:`texts` streams ``(id, text)`` without analysing anything. Column meanings:
    docs/reference.md.
    """

    def __init__(self, batches: Callable[[], Iterator[Batch]], *, total: int | None = None,
                 name: str = "corpus", json_fields: dict[str, str | None] | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, errors: str = "strict", one_shot: bool = False,
                 inputs: Sequence[Path] = ()):
        if errors not in ("strict", "replace"):
            raise InputError(f"errors must be 'strict' or 'replace', not {errors!r}")
        if not isinstance(max_bytes, int) or max_bytes < 1:
            raise InputError(f"max_bytes must be a positive int, not {max_bytes!r}")
        self._batches = batches
        self._total = total
        self._name = name
        self._json = json_fields or {}
        for role, name in self._json.items():
            _check_str(f"{role.removeprefix('json_')} (a field name)", name)
        self._max_bytes = max_bytes
        self._errors = errors
        self._one_shot = one_shot
        self._used = False
        # Files and folders the stories are read from: outputs must never land on them.
        self._inputs = [Path(p) for p in inputs]

    def __repr__(self) -> str:
        n = f"{self._total:,} stories" if self._total is not None else "size unknown until read"
        return f"<dateline.Corpus {self._name} ({n})>"

    def __len__(self) -> int:
        if self._total is None:
            raise TypeError("this corpus does not know its size before it is read")
        return self._total

    # ------------------------------------------------------------------ constructors

    @classmethod
    def from_jsonl(cls, path: str | os.PathLike | Sequence[str | os.PathLike], text: str = "text",
                   id: str | None = _readers.ID, date: str | None = _readers.DATE, source: str | None = None,
                   headline: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES, errors: str = "strict",
                   batch_size: int = _readers.DEFAULT_BATCH_SIZE) -> Corpus:
        """JSON Lines file(s) (``.gz`` too): one JSON object a line; ``text`` etc. name its fields.
        ``id`` and ``date`` default to the fields ``id`` and ``date`` where a record has them; a
        field named explicitly (and ``text``) that the first record lacks is an ``InputError`` here.
        A record without the id field is named ``file:line``. Blank lines are skipped (and not
        counted). A line over ``4 * max_bytes`` + 64 KiB is an error row and is never read whole; a
        truncated or corrupt ``.gz`` ends with an error row naming the file and line, the records
        before it kept."""
        paths = _readers._as_paths(path)
        for p in paths:
            _readers.require_file(p)
        named = {"text": text, "id": id, "date": date, "source": source, "headline": headline}
        for role, col in named.items():
            _check_str(f"{role} (a field name)", col)
        _readers.check_first_record(paths[0], named, max_bytes)
        fields = {f"json_{role}": None if col is None else str(col) for role, col in named.items()}
        total = _readers.count_lines(paths) if sum(p.stat().st_size for p in paths) < (8 << 30) else None
        return cls(lambda: _readers.iter_jsonl(paths, batch_size, max_bytes), total=total,
                   name=", ".join(map(str, paths)), json_fields=fields, max_bytes=max_bytes, errors=errors,
                   inputs=paths)

    @classmethod
    def from_files(cls, paths_or_glob: str | os.PathLike | Sequence[str | os.PathLike], *,
                   pattern: str = "*.txt", max_bytes: int = DEFAULT_MAX_BYTES, errors: str = "strict",
                   batch_size: int = _readers.DEFAULT_BATCH_SIZE) -> Corpus:
        """One story per file: a directory (its ``pattern`` files, recursively), a glob
        (``"news/**/*.txt"``) or a list of files. The id is the path relative to the directory or
        the glob's fixed part; the file is recorded in ``articles().file``."""
        files = _readers.resolve_files(paths_or_glob, pattern)
        folders = [p for p in _readers._as_paths(paths_or_glob) if p.is_dir()]
        return cls(lambda: _readers.iter_files(files, max_bytes, batch_size), total=len(files),
                   name=str(paths_or_glob), max_bytes=max_bytes, errors=errors,
                   inputs=folders + [f for f, _ in files])

    @classmethod
    def from_gigaword(cls, paths: str | os.PathLike | Sequence[str | os.PathLike], *,
                      max_bytes: int = DEFAULT_MAX_BYTES, errors: str = "strict",
                      batch_size: int = _readers.DEFAULT_BATCH_SIZE) -> Corpus:
        """SGML files of many ``<DOC>`` elements, as LDC ships news corpora: English Gigaword
        (``<DOC id="NYT_ENG_20000226.0001" type="story">`` with ``<HEADLINE>``, ``<DATELINE>`` and
        ``<TEXT>`` of ``<P>`` paragraphs; ``.gz`` files too) and AQUAINT (``<DOCNO>``, ``<DOCTYPE>``,
        ``<DATE_TIME>``, ``<SLUG>``, the byline lines before ``<TEXT>``). ``paths``: a file, a list of
        files, a folder (every file in it, recursively) or a glob.

        Each document is one story, its text rebuilt as the wire sent it (slug, headline, bylines, the
        dateline running into the first paragraph, paragraphs set apart by blank lines: what
        :meth:`texts` gives and the offsets index). ``id`` is the document id, ``date`` the
        ``<DATE_TIME>`` or else the id's date (``NYT_ENG_20000226.0001`` -> ``2000-02-26``), ``source``
        the id's source code (``NYT_ENG``), ``doc_type`` the ``type`` (``story``, ``multi``, ``advis``,
        ``other``), ``line`` the line of its ``<DOC>`` tag. Text outside any ``<DOC>``, a ``<DOC>`` or
        an element in it left open are error rows naming the file and line; a truncated ``.gz`` ends
        with one, the documents before it kept.

            >>> corpus = Corpus.from_gigaword("gigaword/nyt_eng/nyt_eng_200002.gz")  # doctest: +SKIP
            >>> corpus.articles()[["id", "date", "doc_type", "headline"]]  # doctest: +SKIP
        """
        files = [f for f, _ in _readers.resolve_files(paths, "*")]
        folders = [p for p in _readers._as_paths(paths) if p.is_dir()]
        return cls(lambda: _readers.iter_gigaword(files, max_bytes, batch_size), name=str(paths),
                   max_bytes=max_bytes, errors=errors, inputs=folders + files)

    @classmethod
    def from_csv(cls, path: str | os.PathLike, text: str = "text", id: str | None = _readers.ID,
                 date: str | None = _readers.DATE, source: str | None = None, headline: str | None = None, *,
                 delimiter: str = ",", max_bytes: int = DEFAULT_MAX_BYTES, errors: str = "strict",
                 batch_size: int = _readers.DEFAULT_BATCH_SIZE) -> Corpus:
        """A CSV file with a header row. ``id`` and ``date`` default to the columns ``id`` and
        ``date`` when the header has them. A missing file or named column raises ``InputError`` here, naming the
        file and the column; a bad row becomes an error row with its line number. Without ``id``
        a story is named ``file:line``. A record that spans lines with the wrong number of fields (a
        quote left open) is an error row naming its lines; quoting is read strictly, so a stray quote
        is an error row, not a story that swallows the records after it."""
        path = Path(path)
        fields = {"text": text, "id": id, "date": date, "source": source, "headline": headline}
        _readers.csv_header(path, fields, delimiter)
        return cls(lambda: _readers.iter_csv(path, fields, batch_size, delimiter), name=str(path),
                   max_bytes=max_bytes, errors=errors, inputs=[path])

    @classmethod
    def from_parquet(cls, path: str | os.PathLike, text: str = "text", id: str | None = _readers.ID,
                     date: str | None = _readers.DATE, source: str | None = None, headline: str | None = None, *,
                     max_bytes: int = DEFAULT_MAX_BYTES, errors: str = "strict",
                     batch_size: int = _readers.DEFAULT_BATCH_SIZE) -> Corpus:
        """A Parquet file, read batch by batch. ``id`` and ``date`` default to the columns ``id`` and
        ``date`` when present. A missing file or named column raises ``InputError`` here; the line
        is the 1-based row number."""
        path = Path(path)
        fields = {"text": text, "id": id, "date": date, "source": source, "headline": headline}
        total = _readers.parquet_check(path, fields)
        return cls(lambda: _readers.iter_parquet(path, fields, batch_size), total=total, name=str(path),
                   max_bytes=max_bytes, errors=errors, inputs=[path])

    @classmethod
    def from_pandas(cls, data, text: str | None = "text", id: str | None = _readers.ID,
                    date: str | None = _readers.DATE, source: str | None = None, headline: str | None = None, *,
                    max_bytes: int = DEFAULT_MAX_BYTES,
                    errors: str = "strict", batch_size: int = _readers.DEFAULT_BATCH_SIZE,
                    _positional_ids: bool = False) -> Corpus:
        """A DataFrame (``text`` etc. name its columns) or a Series of texts. ``id`` and ``date``
        default to the columns ``id`` and ``date`` when the frame has them; a column named
        explicitly that is missing raises ``InputError``. Without an id column the index is the id
        (as a string)."""
        import pandas as pd

        if isinstance(data, pd.DataFrame):
            fields = {"text": text, "id": id, "date": date, "source": source, "headline": headline}
            picked = _readers.pick_columns(fields, list(data.columns), "")
            text, id, date, source, headline = (picked[k] for k in fields)
        elif isinstance(data, pd.Series):
            id, date = (None if isinstance(c, _readers.IfPresent) else c for c in (id, date))
            if any(c is not None for c in (id, date, source, headline)):
                raise InputError("a Series holds only texts: id/date/source/headline need a DataFrame")
        else:
            raise InputError(f"from_pandas takes a DataFrame or Series, not {type(data).__name__}")
        return cls(lambda: _readers.iter_pandas(data, text, id, date, source, headline, batch_size, _positional_ids),
                   total=len(data), name="pandas", max_bytes=max_bytes, errors=errors)

    @classmethod
    def from_records(cls, records: Iterable[Any], text: str = "text", id: str | None = _readers.ID,
                     date: str | None = _readers.DATE, source: str | None = _readers.SOURCE,
                     headline: str | None = _readers.HEADLINE, *,
                     max_bytes: int = DEFAULT_MAX_BYTES, errors: str = "strict",
                     batch_size: int = _readers.DEFAULT_BATCH_SIZE) -> Corpus:
        """Any iterable of strings (id = position) or dicts (fields by name; ``id``, ``date``,
        ``source`` and ``headline`` are used where a record has them). A one-shot iterator
        (a generator) can be run once; a list or other re-iterable any number of times. In a list,
        a field named explicitly (and ``text``) that the first dict lacks is an ``InputError`` here."""
        one_shot = iter(records) is records
        if not one_shot and isinstance(records, Sequence) and records and isinstance(records[0], dict):
            named = {"text": text, "id": id, "date": date, "source": source, "headline": headline}
            _readers.pick_columns(named, list(records[0]), "the first record: ")
        try:
            total = len(records)  # type: ignore[arg-type]
        except TypeError:
            total = None
        return cls(lambda: _readers.iter_records(records, text, id, date, source, headline, batch_size),
                   total=total, name="records", max_bytes=max_bytes, errors=errors, one_shot=one_shot)

    @classmethod
    def concat(cls, corpora: Sequence[Corpus]) -> Corpus:
        """Several corpora run as one, in order (their settings must agree on size limit and errors)."""
        corpora = list(corpora)
        if not corpora:
            raise InputError("concat needs at least one corpus")
        first = corpora[0]
        totals = [c._total for c in corpora]
        total = None if any(t is None for t in totals) else sum(totals)  # type: ignore[arg-type]

        def batches() -> Iterator[Batch]:
            for c in corpora:
                for b in c._batches():
                    b._json = c._json  # type: ignore[attr-defined]
                    yield b

        out = cls(batches, total=total, name=" + ".join(c._name for c in corpora),
                  max_bytes=first._max_bytes, errors=first._errors,
                  inputs=[p for c in corpora for p in c._inputs])
        return out

    def texts(self) -> Iterator[tuple[str, str]]:
        """``(id, text)`` of every story, streamed in input order (no analysis): the texts that the
        tables' ``start``/``end`` offsets index, under the tables' ids. ``dict(corpus.texts())``
        maps id -> text, and :meth:`dateline.stats.CorpusStats.kwic` takes the corpus as ``texts=``.
        Stories that cannot be read (error rows) are left out."""
        if self._one_shot and self._used:
            raise RunError("this corpus came from a one-shot iterator and has been read already; "
                           "pass a list (or make a new Corpus) to read it again")
        self._used = self._one_shot or self._used
        for batch in self._batches():
            fields = getattr(batch, "_json", None) or self._json
            for k, payload in enumerate(batch.payloads):
                if payload is None:
                    continue
                if batch.kind == "jsonl":
                    got = _readers.jsonl_text(payload, fields, batch, k, self._errors)
                    if got is not None:
                        yield got
                    continue
                text = _readers.decoded(payload, self._errors)
                if text is not None:
                    yield (batch.ids[k] if batch.ids is not None else str(k)), text

    # ------------------------------------------------------------------ running

    def iter_tables(self, tables: Sequence[str] = TABLES, *, threads: int | None = None,
                    progress: bool | None = None, entities: bool = True,
                    reading: bool = True, aliases: Any = None, patterns: Any = None,
                    _skip: tuple[int, int] = (0, 0),
                    _signatures: list[bytes] | None = None) -> Iterator[dict[str, pa.Table]]:
        """Runs the analysis and yields, batch by batch and in input order, a dict of Arrow tables
        (the ones named in ``tables``; articles always). Memory stays bounded by the batch size.
        ``entities=False`` stops after structure, sentences and tokens (much faster; no entity,
        quote or event rows); ``reading=False`` skips canonical names, titles, time values, quotes
        and events. ``aliases=`` / ``patterns=``: the user's names, as for :func:`dateline.parse`
        (compiled once for the run); every method below takes them too. Every table has a
        ``duplicate_of`` column, None here: a batch cannot know the versions of a story in other
        batches; the methods below that return whole tables fill it (:mod:`dateline.dedupe`)."""
        bad = [t for t in tables if t not in TABLES]
        if bad:
            raise InputError(f"unknown table(s) {bad}; choose from {list(TABLES)}")
        nthreads = _check_threads(threads)
        if self._one_shot and self._used:
            raise RunError("this corpus came from a one-shot iterator and has been read already; "
                               "pass a list (or make a new Corpus) to run it again")
        self._used = True
        want = {t: (t in tables) for t in ("entities", "quotes", "events", "attributions")}
        names = compile_names(aliases, patterns)
        bar = _progress_bar(progress, self._total, "dateline")

        def start(batch: Batch):
            json = getattr(batch, "_json", None) or self._json
            return _native.corpus_start(
                batch.payloads, kind=batch.kind, ids=batch.ids, dates=batch.dates, sources=batch.sources,
                headlines=batch.headlines, files=batch.files, lines=batch.lines, errors=batch.errors,
                doc_types=batch.doc_types,
                threads=nthreads, max_bytes=self._max_bytes, lossy=self._errors == "replace",
                run_entities=entities, run_reading=reading, names=names, signatures=_signatures is not None,
                **(json if batch.kind == "jsonl" else {}), **want)

        failures = _Failures()

        def collect(job, n: int) -> dict[str, pa.Table]:
            raw = job.wait()
            if bar is not None:
                bar.update(n)
            out = {name: _dedupe._null_column(_arrow_table(raw[name]))
                   for name in ("articles", *[t for t in tables if t != "articles"])}
            if _signatures is not None:
                _signatures.append(raw["signatures"])
            failures.add(out["articles"])
            return out

        pending = None
        # (batches, stories) a resumed run has done already: read again (batch boundaries depend
        # only on the input) but not analysed; the story count proves the input is the same.
        skip_batches, skip_stories = _skip
        skipped = 0
        try:
            for batch in self._batches():
                if not len(batch):
                    continue
                if skip_batches:
                    skip_batches -= 1
                    skipped += len(batch)
                    if bar is not None:
                        bar.update(len(batch))
                    if not skip_batches and skipped != skip_stories:
                        raise InputError(f"the input is not the one of the interrupted run: its first parts held "
                                         f"{skip_stories:,} stories, the input now {skipped:,}; "
                                         "pass overwrite=True (--overwrite) to start over")
                    continue
                # The next batch starts before the previous one is collected, so reading (Python)
                # overlaps the analysis (workers) instead of leaving the cores idle.
                job = (start(batch), len(batch))
                if pending is not None:
                    yield collect(*pending)
                pending = job
            if skip_batches:
                raise InputError(f"the input is not the one of the interrupted run: it ends before the "
                                 f"{_skip[0]:,} batches that run finished; pass overwrite=True (--overwrite) "
                                 "to start over")
            if pending is not None:
                p, pending = pending, None
                yield collect(*p)
            failures.warn_if_most()
        finally:
            if pending is not None:
                pending[0].cancel()
            if bar is not None:
                bar.close()

    def _empty(self, name: str) -> pa.Table:
        return _dedupe._null_column(_arrow_table(_native.corpus_start([], threads=1).wait()[name]))

    def _gather(self, tables: Sequence[str], threads, progress, signatures: bool,
                **stages) -> tuple[dict[str, pa.Table], bytes | None]:
        """The tables named (and articles) with ``duplicate_of`` still None, and the stories'
        signatures (when asked) for :func:`dateline.dedupe.fill`."""
        parts: dict[str, list[pa.Table]] = {t: [] for t in ("articles", *tables)}
        sigs: list[bytes] | None = [] if signatures else None
        for out in self.iter_tables(tables, threads=threads, progress=progress, _signatures=sigs, **stages):
            for t in parts:
                parts[t].append(out[t])
        got = {t: (pa.concat_tables(parts[t]) if parts[t] else self._empty(t)) for t in parts}
        return got, (b"".join(sigs) if sigs is not None else None)

    def _collect(self, tables: Sequence[str], threads, progress, dedupe: bool = True,
                 **stages) -> dict[str, pa.Table]:
        got, sigs = self._gather(tables, threads, progress, dedupe, **stages)
        if sigs is not None:
            got = _dedupe.fill(got, sigs, threads=_check_threads(threads))
        return {t: got[t] for t in tables}

    def to_arrow(self, table: str = "entities", *, threads: int | None = None,
                 progress: bool | None = None, aliases: Any = None, patterns: Any = None,
                 dedupe: bool = True) -> pa.Table:
        """One table as a ``pyarrow.Table``."""
        return self._collect((table,), threads, progress, aliases=aliases, patterns=patterns, dedupe=dedupe)[table]

    def tables(self, *, threads: int | None = None, progress: bool | None = None,
               to: str = "pandas", aliases: Any = None, patterns: Any = None, dedupe: bool = True) -> dict[str, Any]:
        """All four tables as DataFrames (``to="arrow"``: ``pyarrow.Table``s) from ONE pass over the
        corpus. ``dedupe``: see :meth:`articles`."""
        to = _output(to)
        got = self._collect(TABLES, threads, progress, aliases=aliases, patterns=patterns, dedupe=dedupe)
        return {t: _convert(t, got[t], to) for t in TABLES}

    def articles(self, *, threads: int | None = None, progress: bool | None = None,
                 entities: bool = True, reading: bool = True, to: str = "pandas",
                 aliases: Any = None, patterns: Any = None, dedupe: bool = True):
        """One row per input story: id, source, file, line, date, headline, bylines (joined by
        "; "), dateline place/agency/date, counts of characters, paragraphs, sentences, tokens,
        entities, quotes, events, ``error`` (None when the story was analysed) and
        ``duplicate_of``: the id of the story's first version when it is a near-duplicate (a
        repeat, update or correction; the earliest date, then input order, is first), None for
        originals (:mod:`dateline.dedupe`; ``dedupe=False`` skips the detection and leaves it None).
        The other tables carry each story's ``duplicate_of`` on its rows too.
        ``entities=False``: structure only (fast; the entity/quote/event counts are 0).
        ``to="arrow"``: a ``pyarrow.Table`` over the core's buffers (no copy), for pyarrow/polars."""
        to = _output(to)
        got = self._collect(("articles",), threads, progress, entities=entities, reading=reading,
                            aliases=aliases, patterns=patterns, dedupe=dedupe)
        return _convert("articles", got["articles"], to)

    def entities(self, *, threads: int | None = None, progress: bool | None = None, to: str = "pandas",
                 aliases: Any = None, patterns: Any = None, dedupe: bool = True, link: bool = False):
        """One row per entity mention: id, date, text, label, canonical, start, end (``str``
        indices into the story), sentence index, section ("headline", "dateline", "body",
        "caption", "credit"), title, value (time), country_code, kb_id (from ``aliases=`` /
        ``patterns=``), duplicate_of (the story's, see :meth:`articles`). ``to="arrow"``: a
        ``pyarrow.Table`` (no copy).

        ``link=True`` adds ``entity_id`` and ``name``, the corpus-level identity of each mention
        (:func:`dateline.link` over the whole table; ``to="pandas"`` only)."""
        to = _output(to)
        if link and to != "pandas":
            raise InputError("link=True gives a pandas DataFrame: use to='pandas' (the default)")
        got = self._collect(("entities",), threads, progress, aliases=aliases, patterns=patterns, dedupe=dedupe)
        df = _convert("entities", got["entities"], to)
        if link:
            from dateline.linking import link as _link

            df = _link(df, aliases=aliases)
        return df

    def quotes(self, *, threads: int | None = None, progress: bool | None = None, to: str = "pandas",
               aliases: Any = None, patterns: Any = None, dedupe: bool = True):
        """One row per quotation: id, date, text, speaker, source, verb, start, end, sentence, section,
        duplicate_of. ``to="arrow"``: a ``pyarrow.Table`` (no copy)."""
        to = _output(to)
        got = self._collect(("quotes",), threads, progress, aliases=aliases, patterns=patterns, dedupe=dedupe)
        return _convert("quotes", got["quotes"], to)

    def attributions(self, *, threads: int | None = None, progress: bool | None = None, to: str = "pandas",
                     aliases: Any = None, patterns: Any = None, dedupe: bool = True):
        """One row per piece of reported speech, quoted (``direct``) or not ("X said (that) ...",
        "according to X, ..."): id, date, speaker, verb, text, direct, start, end, speaker_start,
        speaker_end, cue_start, cue_end (``str`` indices; the speaker's and verb's may be missing:
        nullable ``Int64``), sentence, section, duplicate_of (see :meth:`articles`).
        ``to="arrow"``: a ``pyarrow.Table`` (no copy).

        >>> from dateline import Corpus
        >>> text = "SEOUL, March 3 - Foreign Minister Park Jin said the talks had failed."
        >>> df = Corpus.from_records([{"id": "a", "text": text}]).attributions(progress=False)
        >>> df[["speaker", "verb", "text", "direct"]].values.tolist()
        [['Park Jin', 'said', 'the talks had failed', False]]
        """
        to = _output(to)
        got = self._collect(("attributions",), threads, progress, aliases=aliases, patterns=patterns, dedupe=dedupe)
        return _convert("attributions", got["attributions"], to)

    def events(self, *, threads: int | None = None, progress: bool | None = None, to: str = "pandas",
               aliases: Any = None, patterns: Any = None, dedupe: bool = True):
        """One row per event: id, date, subject, predicate, object, detail, text, start, end, sentence,
        section, duplicate_of. ``to="arrow"``: a ``pyarrow.Table`` (no copy)."""
        to = _output(to)
        got = self._collect(("events",), threads, progress, aliases=aliases, patterns=patterns, dedupe=dedupe)
        return _convert("events", got["events"], to)

    def to_parquet(self, path: str | os.PathLike, tables: Sequence[str] = TABLES, *,
                   threads: int | None = None, progress: bool | None = None,
                   compression: str = "zstd", row_group_rows: int = 100_000, entities: bool = True,
                   reading: bool = True, overwrite: bool = False, resume: bool = False,
                   aliases: Any = None, patterns: Any = None, dedupe: bool = True) -> RunSummary:
        """Streams the tables to Parquet in bounded memory. ``path`` ending in ``.parquet``: the
        articles go there and the other tables beside it (``out.entities.parquet``, ...); any other
        path is a directory that gets ``articles.parquet``, ``entities.parquet``, ... Returns the
        run's :class:`RunSummary`.

        Safe outputs: an output that is an input of this corpus (or lies in an input folder) is an
        :class:`InputError`, and so is an existing output (a non-empty folder, or the tables of an
        earlier run) unless ``overwrite=True``. The run writes its rows in parts (one every
        ``row_group_rows`` rows of a table) to a folder ``_partial`` (``out._partial`` for a
        ``.parquet`` path); when every story is done the parts become the tables, which are
        renamed into place, and ``_SUCCESS.json`` (``out._SUCCESS.json``) is written last with the
        counts, the dateline version, the hashes of the model files and the parameters. A folder
        without it holds no finished run. An interrupted or failed run leaves nothing under the
        final names (and, with ``overwrite``, the earlier run as it was).

        ``resume=True`` keeps the finished parts of an interrupted run in ``_partial`` (its
        ``progress.json`` says ``"complete": false``) and, run again with the same input and
        parameters, goes on from the last finished part: the tables come out as those of an
        uninterrupted run. Resuming a run that finished returns its summary and does nothing.

        ``dedupe``: every table gets its ``duplicate_of`` column (see :meth:`articles`): each part
        keeps its stories' ids, dates and near-duplicate signatures (328 bytes a story), and the
        column is filled when the parts are joined.

        >>> corpus.to_parquet("out/", resume=True)   # doctest: +SKIP
        """
        targets = parquet_paths(path, tables)
        manifest = manifest_path(path)
        staging = partial_path(path)
        nthreads = _check_threads(threads)
        names = compile_names(aliases, patterns)
        params = {
            "source": self._name, "inputs": [str(p) for p in self._inputs], "tables": list(targets),
            "compression": compression, "row_group_rows": row_group_rows, "entities": entities,
            "reading": reading, "max_bytes": self._max_bytes, "errors": self._errors, "dedupe": dedupe,
            "fields": dict(self._json) or None,
            # the user's names shape the tables: a resumed run must use the same ones
            **({"user_names": [list(e) for e in names.entries()]} if names is not None else {}),
        }
        provenance = {"dateline_version": _version(), "models": model_hashes()}
        if resume:
            finished = _finished_run(manifest, params, provenance)
            if finished is not None:
                return finished
        progress_file = staging / "progress.json"
        done = _Progress.load(progress_file, params, provenance) if resume and staging.is_dir() else None
        if staging.exists() and done is None:
            if not overwrite:
                raise InputError(f"{staging} holds the parts of an interrupted run; pass resume=True (--resume) "
                                 "to go on with it, or overwrite=True (--overwrite) to start over")
            shutil.rmtree(staging)
        earlier = _check_output(Path(path), targets, manifest, self._inputs, overwrite or done is not None,
                                keep=staging)
        if Path(path).suffix not in ("", ".parquet") and not Path(path).is_dir():
            # "-o out.csv" would otherwise become a folder of Parquet files named like a CSV file.
            raise InputError(f"output {path}: the tables are written as Parquet; give a name ending in .parquet "
                             f"or a folder, not a {Path(path).suffix} file")
        for p in targets.values():
            p.parent.mkdir(parents=True, exist_ok=True)
        staging.mkdir(parents=True, exist_ok=True)
        if done is None:
            done = _Progress(params=params, provenance=provenance)
            done.save(progress_file)

        summary = RunSummary()
        for part in done.parts:
            for k in _COUNTS:
                setattr(summary, k, getattr(summary, k) + part["counts"][k])
        # Holding one part per table is the only buffering, so memory stays bounded.
        pending: dict[str, list[pa.Table]] = {t: [] for t in targets}
        pending_rows = {t: 0 for t in targets}
        part_batches = 0
        part_counts = RunSummary()
        sigs: list[bytes] | None = [] if dedupe else None
        identity: list[pa.Table] = []

        def write_part() -> None:
            nonlocal part_batches, part_counts
            k = len(done.parts)
            if sigs is not None:
                _dedupe.write_identity(staging / f"part-{k:05d}.identity.parquet", identity, sigs)
            for name in targets:
                table = pa.concat_tables(pending[name]) if pending[name] else self._empty(name)
                _write_atomic(table, staging / f"part-{k:05d}.{name}.parquet", compression)
                pending[name], pending_rows[name] = [], 0
            done.parts.append({"batches": part_batches,
                               "counts": {c: getattr(part_counts, c) for c in _COUNTS}})
            done.save(progress_file)
            part_batches, part_counts = 0, RunSummary()

        t0 = time.perf_counter()
        finished = False
        temps = {t: p.with_name(f".{p.name}.{os.getpid()}{_TMP_SUFFIX}") for t, p in targets.items()}
        try:
            skip = (sum(p["batches"] for p in done.parts), sum(p["counts"]["stories"] for p in done.parts))
            for out in self.iter_tables(tuple(targets), threads=threads, progress=progress,
                                        entities=entities, reading=reading, aliases=names, _skip=skip,
                                        _signatures=sigs):
                if sigs is not None:
                    identity.append(out["articles"].select(["id", "date"]))
                _count(summary, out)
                _count(part_counts, out)
                part_batches += 1
                for name in targets:
                    pending[name].append(out[name])
                    pending_rows[name] += out[name].num_rows
                if max(pending_rows.values()) >= row_group_rows:
                    write_part()
            if part_batches or not done.parts:
                write_part()
            fill = (_dedupe.filler(staging, len(done.parts), threads=nthreads) if dedupe else None)
            rows = _join_parts(staging, len(done.parts), temps, compression, row_group_rows, fill)
            summary.seconds = time.perf_counter() - t0
            # The earlier run goes only now: its manifest first, so no moment shows a finished run
            # made of two runs' tables.
            for old in earlier:
                old.unlink(missing_ok=True)
            for name, target in targets.items():
                os.replace(temps[name], target)
            _write_manifest(manifest, summary, targets, rows,
                            {**params, "threads": nthreads or default_threads(), "resumed": bool(skip[0])},
                            provenance)
            shutil.rmtree(staging, ignore_errors=True)
            finished = True
        finally:
            if not finished:
                for t in temps.values():
                    t.unlink(missing_ok=True)
                if resume:
                    # finished parts stay for the next run; a part being written does not
                    for t in staging.glob(f"*{_TMP_SUFFIX}"):
                        t.unlink(missing_ok=True)
                else:
                    shutil.rmtree(staging, ignore_errors=True)
        return summary




# Numbers (offsets, lines, sizes) differ between errors of one kind: left out when they are counted.
_NUMBERS = re.compile(r"\d+")
# The record or row number in front of a reader's message.
_RECORD = re.compile(r"^(?:record|row) \d+: ")


class _Failures:
    """Counts a run's error rows by kind, to warn when most stories failed (a misnamed field,
    wrong encoding, the wrong file): a run that yields almost empty tables must not look fine."""

    def __init__(self) -> None:
        self.stories = 0
        self.failed = 0
        self.kinds: collections.Counter[str] = collections.Counter()
        self.example: dict[str, str] = {}

    def add(self, articles: pa.Table) -> None:
        self.stories += articles.num_rows
        errs = articles.column("error")
        if errs.null_count == len(errs):
            return
        cols = (errs.to_pylist(), articles.column("file").to_pylist(), articles.column("line").to_pylist())
        for err, file, line in zip(*cols):
            if err is None:
                continue
            # The core puts "file:line: " (or "file: ") in front; the kind is the rest.
            for where in (f"{file}:{line}: ", f"{file}: ") if file is not None else ():
                err = err.removeprefix(where)
            err = _RECORD.sub("", err)
            key = _NUMBERS.sub("N", err)
            self.failed += 1
            self.kinds[key] += 1
            self.example.setdefault(key, err)

    def warn_if_most(self) -> None:
        failed = self.failed
        if self.stories and failed * 2 > self.stories:
            key, n = self.kinds.most_common(1)[0]
            kind = self.example[key]
            warnings.warn(f"{failed:,} of {self.stories:,} stories failed; the commonest error ({n:,}): {kind}",
                          DatelineWarning, stacklevel=3)
