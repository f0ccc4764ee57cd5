"""The corpus engine on Dask's distributed scheduler (``pip install "dateline[dask]"``).

    from distributed import Client
    import dateline.dask as ddl

    client = Client("tcp://scheduler:8786")         # or LocalCluster(); see the README for workers
    ents = ddl.entities(["news/*.jsonl"])             # a Dask DataFrame, nothing computed yet
    arts = ddl.articles(ddf, text="body", id="story_id", date="published")
    ddl.to_parquet(["news/*.jsonl"], "out/")         # all four tables, written by the workers

Inputs: a Dask DataFrame (columns named by ``text``, ``id`` ...), a Dask Bag of records (strings or
dicts, as :meth:`dateline.Corpus.from_records` reads them), or files: a path, a glob or a list of
them, in any format :class:`dateline.Corpus` reads (chosen by the name, or ``format=``). Uncompressed
JSON Lines files are cut into byte ranges of ``blocksize`` bytes (each range the lines that *start*
in it), other files are one partition each, ``.txt`` stories ``files_per_partition`` files a
partition.

The tables have the columns and dtypes of the ``Corpus`` methods (``meta`` is given, nothing is
computed to infer it) and the same rows in the same order, error rows included: every input record
is one ``articles`` row. Ids, line numbers and error messages that depend on a record's position
are those of the whole input, not of its partition (a small counting task per partition makes the
offsets). The index restarts at 0 in each partition (``Corpus`` numbers the rows 0..n-1).

``duplicate_of`` (later versions of a story, :mod:`dateline.dedupe`) is decided over the whole
corpus, which no partition sees: each partition keeps its stories' ids, dates and MinHash
signatures (328 bytes a story), one reduce task decides the versions over all of them, and each
partition's rows get the column from it, so the values are those ``Corpus`` gives. ``dedupe=False``
skips that step and leaves the column None.

Each partition runs in the Rust engine on the worker with the GIL released, on the worker's
thread count (``threads=``, default: the threads the worker has; tasks running at once on a worker
share one pool of that many threads, so they never oversubscribe it). The model loads once per
worker process (on first use, or at start with :class:`Preload`). A worker that dies mid-run has its
partitions run again elsewhere; a partition's rows depend only on its input, so none is lost or
doubled.
"""
from __future__ import annotations

import datetime
import glob
import json
import operator
import os
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from dateline import _native
from dateline import dedupe as _dedupe
from dateline import readers as _readers
from dateline._extract import _guess_format
from dateline._output import _differences, _finished_run
from dateline.corpus import (
    DEFAULT_MAX_BYTES,
    MANIFEST,
    PARTIAL,
    TABLES,
    Corpus,
    RunSummary,
    _arrow_table,
    _same_or_inside,
    _to_pandas,
    _version,
    _write_atomic,
    _write_text_atomic,
    model_hashes,
)
from dateline.errors import InputError

try:
    import dask
    import dask.bag as db
    import dask.dataframe as dd
    from dask import delayed
except ImportError as e:  # pragma: no cover - the message is the point
    raise ImportError('dateline.dask needs Dask: pip install "dateline[dask]"') from e

__all__ = ["articles", "entities", "quotes", "events", "attributions", "tables", "to_parquet", "meta", "Preload",
           "DEFAULT_BLOCKSIZE"]

#: Bytes of uncompressed JSON Lines per partition (about 4 s of one core on news wire stories: small
#: enough to balance the workers, large enough that the per-task cost is lost in it).
DEFAULT_BLOCKSIZE = 4 << 20
#: ``.txt`` stories (one a file) per partition.
DEFAULT_FILES_PER_PARTITION = 2000


def meta(table: str):
    """The empty DataFrame with the columns and dtypes of ``Corpus.<table>()``."""
    if table not in TABLES:
        raise InputError(f"unknown table {table!r}; choose from {list(TABLES)}")
    return _to_pandas(table, _empty(table))


def _empty(table: str) -> pa.Table:
    return _dedupe._null_column(_arrow_table(_native.corpus_start([], threads=1).wait()[table]))


def warm() -> None:
    """Loads the model in this process (it loads once per process, on first use otherwise)."""
    from dateline import parse

    parse("SEOUL, July 27 (Yonhap) -- Kim Min-jun said the won rose in Seoul on Thursday.")


try:
    from distributed.diagnostics.plugin import WorkerPlugin as _WorkerPlugin
except ImportError:  # pragma: no cover - Dask without distributed: the plugin is never registered
    _WorkerPlugin = object  # type: ignore[misc,assignment]


class Preload(_WorkerPlugin):  # type: ignore[misc,valid-type]
    """A Dask worker plugin that loads the model when a worker starts, so the first partition on
    each worker does not pay for it: ``client.register_plugin(dateline.dask.Preload())``."""

    name = "dateline-preload"
    idempotent = True

    def setup(self, worker: Any) -> None:
        warm()

    def teardown(self, worker: Any) -> None:
        pass


# ---------------------------------------------------------------------- one partition (on a worker)


@dataclass(frozen=True)
class _Options:
    """What every partition of a run needs besides its input (small: sent with each task)."""

    text: str
    id: str | None
    date: str | None
    source: str | None
    headline: str | None
    max_bytes: int
    errors: str
    threads: int | None
    entities: bool
    reading: bool
    batch_size: int
    #: ``duplicate_of`` filled by the run's reduce step (each partition then keeps its stories'
    #: signatures for it).
    dedupe: bool = True


def _worker_threads() -> int | None:
    try:
        from distributed import get_worker

        w = get_worker()
    except (ImportError, ValueError):
        return None
    state = getattr(w, "state", None)
    n = getattr(state, "nthreads", None) or getattr(w, "nthreads", None)
    return int(n) if n else None


def _corpus(kind: str, spec: Any, data: Any, offset: int, o: _Options) -> Corpus:
    """The partition as a Corpus (read on the worker)."""
    fields = {"text": o.text, "id": o.id, "date": o.date, "source": o.source, "headline": o.headline}
    kw = {"max_bytes": o.max_bytes, "errors": o.errors}
    if kind == "pandas":
        pick = _readers.pick_columns(fields, list(data.columns), "")
        return Corpus(lambda: _readers.iter_pandas(data, pick["text"], pick["id"], pick["date"], pick["source"],
                                                   pick["headline"], o.batch_size, row_offset=offset),
                      total=len(data), name="dask partition", **kw)
    if kind == "bag":
        items = list(data)
        return Corpus(lambda: _readers.iter_records(items, o.text, o.id or "id", o.date or "date", o.source,
                                                    o.headline, o.batch_size, start=offset),
                      total=len(items), name="dask partition", **kw)
    if kind == "jsonl-range":
        path, start, end = spec
        json_fields = {"json_text": o.text, "json_id": o.id, "json_date": o.date, "json_source": o.source,
                       "json_headline": o.headline}
        return Corpus(lambda: _readers.iter_jsonl_range(path, start, end, offset, o.batch_size, o.max_bytes),
                      name=f"{path}[{start}:{end}]", json_fields=json_fields, **kw)
    if kind == "txt":
        files = spec
        return Corpus(lambda: _readers.iter_files(files, o.max_bytes, o.batch_size), total=len(files),
                      name="dask partition", **kw)
    from dateline._extract import corpus_from_inputs

    path, fmt = spec
    return corpus_from_inputs([path], fmt, text=o.text, id=o.id, date=o.date, source=o.source,
                              headline=o.headline, max_bytes=o.max_bytes, errors=o.errors)


#: The key of a partition's result that holds its stories' ids, dates and signatures.
_IDENTITY = "_identity"


def _run_arrow(kind: str, spec: Any, data: Any, offset: Any, o: _Options,
               tables: tuple[str, ...]) -> dict[str, pa.Table]:
    """Runs one partition: its tables as Arrow (the buffers the core made, not copied), with
    ``duplicate_of`` None, and, for the reduce step that fills it, its stories' identity.
    ``offset``: the records (or lines) before the partition, or ``(offsets, k)``: the ``k``-th of
    the list that :func:`_line_offsets` made."""
    if isinstance(offset, tuple):
        offsets, k = offset
        offset = offsets[k]
    threads = o.threads if o.threads is not None else _worker_threads()
    corpus = _corpus(kind, spec, data, offset, o)
    got, sigs = corpus._gather(tables, threads, False, o.dedupe, entities=o.entities, reading=o.reading)
    if sigs is not None:
        got[_IDENTITY] = _dedupe.identity_table(got["articles"], sigs)
    return got


def _marks(*identities: pa.Table) -> _dedupe.Marks:
    """The reduce step: which stories are later versions of which, over every partition."""
    return _dedupe.Marks(list(identities), threads=_worker_threads() or 0)


def _part_frame(got: dict[str, pa.Table], table: str, k: int, marks: _dedupe.Marks | None):
    """Partition ``k``'s ``table`` as a DataFrame, ``duplicate_of`` filled when there are marks."""
    t = got[table] if marks is None else marks(table, k, got[table])
    return _to_pandas(table, t)


# ---------------------------------------------------------------------- the graph (on the client)


def _line_offsets(counts: list[int]) -> list[int]:
    """The lines before each byte range of the JSON Lines files (``counts``: the newlines in each
    range, the ranges of one file after one another, a file's first range marked by ``None``
    before it)."""
    out = []
    before = 0
    for n in counts:
        if n is None:
            before = 0
            continue
        out.append(before)
        before += n
    return out


def _chain_offsets(lengths: list[Any]) -> list[Any]:
    """Offsets 0, l0, l0+l1, ... as a chain of tiny tasks (one dependency each, not k)."""
    out: list[Any] = [0]
    for n in lengths[:-1]:
        out.append(delayed(operator.add, pure=True)(out[-1], n))
    return out


def _names(paths: Any) -> list[str]:
    return [str(paths)] if isinstance(paths, (str, os.PathLike)) else [str(p) for p in paths]


def _is_glob(name: str) -> bool:
    return any(c in name for c in "*?[") and not Path(name).exists()


def _format_of(name: str, fmt: str | None) -> str:
    """The format of a name; a glob of .jsonl/.csv/.parquet files has its files' format (the CLI
    reads every glob as .txt stories)."""
    if fmt:
        return fmt
    if _is_glob(name) and not name.lower().endswith(".txt"):
        try:
            return _guess_format(name.replace("*", "x").replace("?", "x").replace("[", "x"))
        except InputError:
            return "txt"
    return _guess_format(name)


def _file_parts(paths: Any, fmt: str | None, blocksize: int | None,
                files_per_partition: int) -> tuple[list[tuple[str, Any, Any]], list[Path]]:
    """(kind, spec, offset) per partition, in input order, and the input paths. .txt stories are
    named as ``Corpus.from_files`` names them (relative to the folder or the glob's fixed part)."""
    parts: list[tuple[str, Any, Any]] = []
    inputs: list[Path] = []
    txt: list[str] = []
    # The newlines in each JSON Lines byte range, None before a file's first range. The partitions
    # take their line offsets from ONE task over all of them: tasks that all hang on a single small
    # one are what Dask's scheduler queues and hands to whichever worker is free ("root-ish"); a
    # chain of per-partition offsets would pin each partition to where its offset was computed,
    # leaving workers idle (measured: 2.8 s idle of 15 s on one of two workers).
    counts: list[Any] = []
    ranges: list[int] = []  # the parts that are byte ranges, by their position in ``parts``

    def flush_txt() -> None:
        if not txt:
            return
        files = _readers.resolve_files(list(txt) if len(txt) > 1 else txt[0])
        inputs.extend(Path(n) for n in txt if not _is_glob(n))
        inputs.extend(f for f, _ in files)
        for k in range(0, len(files), files_per_partition):
            parts.append(("txt", files[k:k + files_per_partition], 0))
        txt.clear()

    for name in _names(paths):
        f = _format_of(name, fmt)
        if f == "txt":
            txt.append(name)
            continue
        flush_txt()
        if _is_glob(name):
            files = sorted(Path(p) for p in glob.glob(name, recursive=True) if Path(p).is_file())
            if not files:
                raise InputError(f"no file matches {name!r}")
        else:
            files = [Path(name)]
            _readers.require_file(files[0])
        for p in files:
            inputs.append(p)
            if f == "jsonl" and blocksize and not p.name.lower().endswith(".gz"):
                size = p.stat().st_size
                bounds = [(a, min(a + blocksize, size)) for a in range(0, max(size, 1), blocksize)]
                counts.append(None)
                for a, b in bounds:
                    counts.append(delayed(_readers.count_newlines, pure=True)(str(p), a, b))
                    ranges.append(len(parts))
                    parts.append(("jsonl-range", (str(p), a, b), None))
            else:
                parts.append(("file", (str(p), f), 0))
    flush_txt()
    if ranges:
        offsets = delayed(_line_offsets, pure=True)(counts)
        for k, i in enumerate(ranges):
            kind, spec, _ = parts[i]
            parts[i] = (kind, spec, (offsets, k))
    return parts, inputs


def _options(text, id, date, source, headline, max_bytes, errors, threads, entities, reading,
             batch_size, dedupe) -> _Options:
    if errors not in ("strict", "replace"):
        raise InputError(f"errors must be 'strict' or 'replace', not {errors!r}")
    if threads is not None and (isinstance(threads, bool) or not isinstance(threads, int) or threads < 1):
        raise InputError(f"threads must be a positive int or None, not {threads!r}")
    if not isinstance(dedupe, bool):
        raise InputError(f"dedupe must be True or False, not {dedupe!r}")
    return _Options(text, id, date, source, headline, max_bytes, errors, threads, entities, reading, batch_size,
                    dedupe)


def _partitions(data: Any, o: _Options, fmt: str | None, blocksize: int | None,
                files_per_partition: int) -> tuple[list[tuple[str, Any, Any, Any]], list[Path]]:
    """(kind, spec, data, offset) per partition, and the input paths (for the writer's checks)."""
    if isinstance(data, dd.DataFrame):
        # A column named explicitly must exist (checked here, once); a default one is used when present.
        _readers.pick_columns({"text": o.text, "id": o.id, "date": o.date, "source": o.source,
                               "headline": o.headline}, list(data.columns), "")
        frames = data.to_delayed()
        offsets = _chain_offsets([delayed(len, pure=True)(f) for f in frames])
        return [("pandas", None, f, off) for f, off in zip(frames, offsets)], []
    if isinstance(data, db.Bag):
        items = data.to_delayed()
        offsets = _chain_offsets([delayed(len, pure=True)(i) for i in items])
        return [("bag", None, i, off) for i, off in zip(items, offsets)], []
    if isinstance(data, (str, os.PathLike, list, tuple)):
        parts, inputs = _file_parts(data, fmt, blocksize, files_per_partition)
        return [(k, spec, None, off) for k, spec, off in parts], inputs
    raise InputError(f"dateline.dask takes a Dask DataFrame, a Dask Bag or file paths, not {type(data).__name__}")


def _graph(data, tables: tuple[str, ...], text, id, date, source, headline, format, blocksize,
           files_per_partition, max_bytes, errors, threads, entities, reading, batch_size, dedupe):
    o = _options(text, id, date, source, headline, max_bytes, errors, threads, entities, reading, batch_size,
                 dedupe)
    parts, inputs = _partitions(data, o, format, blocksize, files_per_partition)
    tables = tuple(t for t in TABLES if t in tables or t == "articles")
    tasks = [delayed(_run_arrow, pure=False)(kind, spec, d, off, o, tables) for kind, spec, d, off in parts]
    return tasks, tables, inputs, o


def tables(data: Any, text: str = "text", id: str | None = _readers.ID, date: str | None = _readers.DATE,
           source: str | None = None, headline: str | None = None, *, tables: Sequence[str] = TABLES,
           format: str | None = None, blocksize: int | None = DEFAULT_BLOCKSIZE,
           files_per_partition: int = DEFAULT_FILES_PER_PARTITION, max_bytes: int = DEFAULT_MAX_BYTES,
           errors: str = "strict", threads: int | None = None, entities: bool = True, reading: bool = True,
           batch_size: int = _readers.DEFAULT_BATCH_SIZE, dedupe: bool = True) -> dict[str, Any]:
    """The tables named in ``tables`` as Dask DataFrames from ONE pass over the input (each
    partition is analysed once, whichever tables are computed). ``text``/``id``/... name the
    columns or fields as in ``Corpus`` (``id`` and ``date`` default to the ``id`` and ``date``
    columns when the input has them; a column named explicitly must exist). See the module's doc for
    inputs and partitions. ``dedupe``: ``duplicate_of`` is filled as ``Corpus`` fills it, by a
    reduce step over every partition's story signatures (``False``: left None, no reduce step)."""
    bad = [t for t in tables if t not in TABLES]
    if bad:
        raise InputError(f"unknown table(s) {bad}; choose from {list(TABLES)}")
    tasks, names, _, o = _graph(data, tuple(tables), text, id, date, source, headline, format,
                                blocksize, files_per_partition, max_bytes, errors, threads, entities, reading,
                                batch_size, dedupe)
    marks = None
    if o.dedupe and tasks:
        marks = delayed(_marks, pure=True)(*[delayed(operator.getitem, pure=True)(task, _IDENTITY)
                                             for task in tasks])
    out = {}
    # Object string columns stay object columns (Dask would make them pyarrow strings otherwise).
    with dask.config.set({"dataframe.convert-string": False}):
        for t in names:
            if t in tables:
                parts = [delayed(_part_frame, pure=True)(task, t, k, marks) for k, task in enumerate(tasks)]
                out[t] = dd.from_delayed(parts, meta=meta(t), verify_meta=False) if parts else \
                    dd.from_pandas(meta(t), npartitions=1)
    return out


def _one(table: str, data: Any, **kw: Any):
    return tables(data, tables=(table,), **kw)[table]


def articles(data: Any, text: str = "text", id: str | None = _readers.ID, date: str | None = _readers.DATE, **kw: Any):
    """One row per input record, as ``Corpus.articles()`` (a Dask DataFrame). ``entities=False``:
    structure only. Other keywords as :func:`tables`."""
    return _one("articles", data, text=text, id=id, date=date, **kw)


def entities(data: Any, text: str = "text", id: str | None = _readers.ID, date: str | None = _readers.DATE, **kw: Any):
    """One row per entity mention, as ``Corpus.entities()`` (a Dask DataFrame)."""
    return _one("entities", data, text=text, id=id, date=date, **kw)


def quotes(data: Any, text: str = "text", id: str | None = _readers.ID, date: str | None = _readers.DATE, **kw: Any):
    """One row per quotation, as ``Corpus.quotes()`` (a Dask DataFrame)."""
    return _one("quotes", data, text=text, id=id, date=date, **kw)


def events(data: Any, text: str = "text", id: str | None = _readers.ID, date: str | None = _readers.DATE, **kw: Any):
    """One row per event, as ``Corpus.events()`` (a Dask DataFrame)."""
    return _one("events", data, text=text, id=id, date=date, **kw)


def attributions(data: Any, text: str = "text", id: str | None = _readers.ID, date: str | None = _readers.DATE,
                 **kw: Any):
    """One row per piece of reported speech, as ``Corpus.attributions()`` (a Dask DataFrame)."""
    return _one("attributions", data, text=text, id=id, date=date, **kw)


# ---------------------------------------------------------------------- Parquet


def _write_part(got: dict[str, pa.Table], staging: str, k: int, compression: str) -> dict[str, int]:
    """Writes one partition's tables as ``staging/<table>/part-<k>.parquet`` (atomically: a retried
    partition replaces its file, never adds one), then its counts as ``staging/done/part-<k>.json``:
    the mark that the partition is finished, which a resumed run reads instead of running it again.
    Its stories' identity (for ``duplicate_of``) goes to ``staging/identity/`` before the mark."""
    got = dict(got)
    identity = got.pop(_IDENTITY, None)
    if identity is not None:
        folder = Path(staging) / _IDENTITY_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        _write_atomic(identity, folder / f"part-{k:05d}.parquet", compression)
    for name, table in got.items():
        folder = Path(staging) / name
        folder.mkdir(parents=True, exist_ok=True)
        _write_atomic(table, folder / f"part-{k:05d}.parquet", compression)
    arts = got["articles"]
    total = {c: 0 for c in ("entities", "quotes", "events")}
    for c in total:
        import pyarrow.compute as pc

        total[c] = int(pc.sum(arts.column(f"n_{c}")).as_py() or 0)
    rows = {name: t.num_rows for name, t in got.items()}
    counts = {"stories": arts.num_rows, "errors": arts.num_rows - arts.column("error").null_count, **total,
              **{f"rows:{n}": r for n, r in rows.items()}}
    done = Path(staging) / _DONE
    done.mkdir(exist_ok=True)
    _write_text_atomic(done / f"part-{k:05d}.json", json.dumps(counts) + "\n")
    return counts


#: Under ``_partial``: one small JSON file of counts per finished partition.
_DONE = "done"
#: Under ``_partial``: each partition's story ids, dates and signatures, for ``duplicate_of``.
_IDENTITY_FOLDER = "identity"


def _read_marks(staging: str, n_parts: int) -> _dedupe.Marks:
    """The reduce step of a written run, on a worker: the marks from every part's identity file."""
    import pyarrow.parquet as pq

    folder = Path(staging) / _IDENTITY_FOLDER
    return _marks(*[pq.read_table(folder / f"part-{k:05d}.parquet") for k in range(n_parts)])


def _fill_part(staging: str, k: int, names: Sequence[str], marks: _dedupe.Marks, compression: str) -> None:
    """Rewrites part ``k`` of every table with ``duplicate_of`` filled (atomically; doing it twice,
    as a retried task or a resumed run does, gives the same file)."""
    import pyarrow.parquet as pq

    first = marks.dup.slice(marks.starts[k], marks.starts[k + 1] - marks.starts[k])
    if first.null_count == len(first):
        return  # no story of the part is a later version: its parts were written with the column None
    for name in names:
        f = Path(staging) / name / f"part-{k:05d}.parquet"
        _write_atomic(marks(name, k, pq.read_table(f)), f, compression)
_PROGRESS = "progress.json"


def _finished_parts(staging: Path, params: dict[str, Any], provenance: dict[str, Any],
                    names: Sequence[str]) -> dict[int, dict[str, int]]:
    """The partitions an interrupted run of the same job finished (their counts, by number); an
    error when ``staging`` holds another job's parts."""
    try:
        body = json.loads((staging / _PROGRESS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # the run stopped before it wrote anything worth keeping
    if body.get("parameters") != params:
        raise InputError(f"the interrupted run in {staging} had other parameters "
                         f"({_differences(body.get('parameters'), params)}); pass overwrite=True to start over")
    if {k: body.get(k) for k in provenance} != provenance:
        raise InputError(f"the interrupted run in {staging} was made by another dateline version or other "
                         "model files; pass overwrite=True to start over")
    out = {}
    for mark in sorted((staging / _DONE).glob("part-*.json")):
        k = int(mark.stem.split("-")[1])
        # a part counts as finished only when its mark and every table's file are there
        if all((staging / t / f"part-{k:05d}.parquet").exists() for t in names):
            try:
                out[k] = json.loads(mark.read_text(encoding="utf-8"))
            except ValueError:
                continue
    return out


def _input_fingerprint(inputs: Sequence[Path], data: Any) -> Any:
    """What a resumed run checks it reads the same input by: each file's path, size and
    modification time; for a Dask DataFrame or Bag (whose content the client cannot see without
    computing it) its partition count and columns."""
    if inputs:
        out = []
        for p in inputs:
            st = p.stat()
            out.append([str(p), st.st_size, st.st_mtime_ns])
        return out
    if isinstance(data, dd.DataFrame):
        return {"dask_dataframe": {"npartitions": data.npartitions, "columns": [str(c) for c in data.columns]}}
    if isinstance(data, db.Bag):
        return {"dask_bag": {"npartitions": data.npartitions}}
    return None


def _check_folder(path: Path, names: Sequence[str], inputs: Sequence[Path], overwrite: bool,
                  resume: bool = False) -> None:
    if path.suffix == ".parquet" or (path.exists() and not path.is_dir()):
        raise InputError(f"{path}: dateline.dask.to_parquet writes a folder (one sub-folder of parts a table); "
                         "give a folder name")
    targets = [path / n for n in names] + [path / MANIFEST]
    for inp in inputs:
        if inp.is_dir() and _same_or_inside(path, inp):
            raise InputError(f"output {path} would be inside the input folder {inp}: write the tables somewhere "
                             "else")
        if _same_or_inside(inp, path) and any(_same_or_inside(inp, t) for t in [*targets, path / PARTIAL]):
            raise InputError(f"output {path} would replace the input file {inp}; choose another output")
        if inp.exists() and not inp.is_dir() and _same_or_inside(path, inp):
            raise InputError(f"output {path} would replace the input file {inp}; choose another output")
    if (path / PARTIAL).exists() and not (overwrite or resume):
        raise InputError(f"{path / PARTIAL} holds the parts of an interrupted run; pass resume=True to go on "
                         "with it, or overwrite=True to start over")
    if path.is_dir() and any(x.name != PARTIAL for x in path.iterdir()) and not overwrite:
        raise InputError(f"output folder {path} is not empty (an earlier run?); pass overwrite=True to replace "
                         "the tables there, or choose an empty folder")


def to_parquet(data: Any, path: str | os.PathLike, text: str = "text", id: str | None = _readers.ID,
               date: str | None = _readers.DATE, source: str | None = None, headline: str | None = None, *,
               tables: Sequence[str] = TABLES, compression: str = "zstd", overwrite: bool = False,
               resume: bool = False, format: str | None = None, blocksize: int | None = DEFAULT_BLOCKSIZE,
               files_per_partition: int = DEFAULT_FILES_PER_PARTITION, max_bytes: int = DEFAULT_MAX_BYTES,
               errors: str = "strict", threads: int | None = None, entities: bool = True, reading: bool = True,
               batch_size: int = _readers.DEFAULT_BATCH_SIZE, dedupe: bool = True) -> RunSummary:
    """Analyses ``data`` on the cluster and writes the tables into the folder ``path``, the workers
    writing their partitions' parts directly (``path`` must be on storage every worker and the
    client see): ``path/articles/part-00000.parquet``, ... (articles always), one part per input
    partition, in input order; read a table back with ``pandas.read_parquet(path/"entities")`` or
    ``dask.dataframe.read_parquet``. Returns the run's :class:`dateline.corpus.RunSummary`.

    The single-machine writer's safety rules (:meth:`dateline.Corpus.to_parquet`): an output that
    is an input (or inside an input folder) is refused, and so is a non-empty folder unless
    ``overwrite=True``. Parts go to ``path/_partial`` first; only when every partition is written do
    they become the tables (the earlier run's removed first, its manifest before anything) and
    ``_SUCCESS.json`` is written last, with the counts, dateline version, model hashes and the
    parameters. A failed or interrupted run leaves no ``_SUCCESS.json`` and nothing under the final
    names (with ``overwrite``, the earlier run as it was).

    ``resume=True`` keeps the finished partitions of a failed or interrupted run in ``_partial``
    and, run again with the same input and parameters, computes only the partitions not finished:
    the tables come out as those of an uninterrupted run. Files are checked to be the same by path,
    size and modification time; a Dask DataFrame or Bag by its partition count (and columns) only,
    so it must be the same data, partitioned the same way. Resuming a run that finished returns its
    summary and does nothing.

    ``dedupe`` (default): after the last partition, one task decides ``duplicate_of`` over every
    partition's story signatures (kept in ``_partial/identity``) and each part is rewritten with
    the column, so the tables equal those of ``Corpus.to_parquet``.

    >>> ddl.to_parquet(["news/*.jsonl"], "out/", resume=True)   # doctest: +SKIP
    """
    bad = [t for t in tables if t not in TABLES]
    if bad:
        raise InputError(f"unknown table(s) {bad}; choose from {list(TABLES)}")
    tasks, names, inputs, o = _graph(data, tuple(tables), text, id, date, source, headline, format,
                                     blocksize, files_per_partition, max_bytes, errors, threads, entities,
                                     reading, batch_size, dedupe)
    path = Path(os.path.abspath(path))
    staging = path / PARTIAL
    manifest = path / MANIFEST
    params = {"inputs": [str(p) for p in inputs], "partitions": len(tasks), "tables": list(names),
              "compression": compression, "entities": entities, "reading": reading,
              "max_bytes": max_bytes, "errors": errors, "blocksize": blocksize, "dedupe": dedupe,
              "files_per_partition": files_per_partition,
              "fields": {"text": text, "id": id, "date": date, "source": source, "headline": headline}}
    provenance = {"dateline_version": _version(), "models": model_hashes()}
    check = {**params, "input_fingerprint": _input_fingerprint(inputs, data)}
    finished: dict[int, dict[str, int]] = {}
    if resume:
        summary = _finished_run(manifest, params, provenance)
        if summary is not None:
            return summary
        if staging.is_dir():
            finished = _finished_parts(staging, check, provenance, names)
    # A matching interrupted run may replace the earlier tables it was started to replace.
    _check_folder(path, names, inputs, overwrite or bool(finished), resume)
    if staging.exists() and not finished:
        shutil.rmtree(staging)
    staging.mkdir(parents=True, exist_ok=True)
    _write_text_atomic(staging / _PROGRESS, json.dumps({"complete": False, "parameters": check, **provenance},
                                                       indent=1, ensure_ascii=False) + "\n")
    t0 = time.perf_counter()
    done = False
    try:
        todo = [k for k in range(len(tasks)) if k not in finished]
        writes = [delayed(_write_part, pure=False)(tasks[k], str(staging), k, compression) for k in todo]
        counts = dict(finished)
        counts.update(zip(todo, dask.compute(*writes)))
        counts_list = [counts[k] for k in range(len(tasks))]
        if dedupe and tasks:
            # The reduce step: one task decides the versions, each part is rewritten with them.
            marks = delayed(_read_marks, pure=False)(str(staging), len(tasks))
            dask.compute(*[delayed(_fill_part, pure=False)(str(staging), k, names, marks, compression)
                           for k in range(len(tasks))])
        if not counts_list:  # no input partition: the tables are empty, but they exist
            counts_list = [_write_part({t: _empty(t) for t in names}, str(staging), 0, compression)]
        summary = RunSummary(**{c: sum(x[c] for x in counts_list) for c in ("stories", "errors", "entities",
                                                                            "quotes", "events")},
                             seconds=time.perf_counter() - t0)
        manifest.unlink(missing_ok=True)
        for t in TABLES:
            if (path / t).exists():
                shutil.rmtree(path / t)
        for t in names:
            os.replace(staging / t, path / t)
        body = {
            "complete": True,
            **provenance,
            "finished": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "seconds": round(summary.seconds, 3),
            "counts": {c: getattr(summary, c) for c in ("stories", "errors", "entities", "quotes", "events")},
            "tables": {t: {"folder": t, "parts": len(counts_list), "rows": sum(x[f"rows:{t}"] for x in counts_list)}
                       for t in names},
            "parameters": params,
            "resumed_partitions": len(finished),
        }
        _write_text_atomic(manifest, json.dumps(body, indent=2, ensure_ascii=False) + "\n")
        done = True
    finally:
        if done or not resume:
            # Finished, or failed without resume: the parts go; a failed run never touched the earlier tables.
            shutil.rmtree(staging, ignore_errors=True)
    return summary
