"""Streaming readers for :class:`dateline.Corpus`.

Each reader is a generator of :class:`Batch` es of at most ``batch_size`` documents (and a bounded
number of bytes), so a corpus larger than memory goes through in constant memory. Readers do the
least work they can in Python: JSON Lines records and ``.txt`` files are handed over as raw bytes
and decoded, parsed and checked in the Rust core, on the worker threads.

A record that cannot be read still becomes a document: its payload is ``None`` and ``errors`` says
why (without the file and line: the core puts them in front), so it shows up as an ``articles()``
row with that error, its file and line.
"""
from __future__ import annotations

import csv
import glob as _glob
import gzip
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.errors import InputError, MissingFileError

#: Documents per batch handed to the core: big enough to keep every core busy, small enough that a
#: progress bar moves and Ctrl-C is checked often.
DEFAULT_BATCH_SIZE = 2000
#: A batch is closed early once its texts hold this many bytes, which bounds memory per batch.
BATCH_BYTES = 32 * 1024 * 1024

PathLike = str | os.PathLike


class IfPresent(str):
    """A default column name that is used only when the input has that column.

    Every reader and the ``df.dateline`` accessor default to ``id=IfPresent("id")`` and
    ``date=IfPresent("date")``: a table with an ``id`` or ``date`` column gets its ids and dates
    without being told, one without them is fine. A name the caller gives (a plain ``str``) must
    exist: a missing one is an :class:`InputError` at once, never a silently empty column.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return str.__repr__(str(self))


ID = IfPresent("id")
DATE = IfPresent("date")
SOURCE = IfPresent("source")
HEADLINE = IfPresent("headline")


def pick_columns(fields: dict[str, str | None], columns: Sequence[str], where: str) -> dict[str, str | None]:
    """``fields`` (role -> column) with defaults the input lacks dropped; a named column that is
    missing raises an :class:`InputError` naming ``where`` and the columns there are."""
    out: dict[str, str | None] = {}
    for role, col in fields.items():
        if col is not None and col not in columns:
            if isinstance(col, IfPresent) and role != "text":
                col = None
            else:
                have = ", ".join(map(repr, columns))
                raise InputError(f"{where}no column {col!r} for the {role} (columns: {have})")
        out[role] = None if col is None else str(col)
    return out


@dataclass
class Batch:
    """Documents for one call into the core; list fields are None or one item per payload."""

    payloads: list[Any] = field(default_factory=list)
    kind: str = "text"  # "text": str/bytes story text; "jsonl": raw JSON Lines records
    ids: list[str | None] | None = None
    dates: list[str | None] | None = None
    sources: list[str | None] | None = None
    headlines: list[str | None] | None = None
    files: list[str | None] | None = None
    lines: list[int | None] | None = None
    errors: list[str | None] | None = None
    doc_types: list[str | None] | None = None

    def __len__(self) -> int:
        return len(self.payloads)


class _Builder:
    """Collects documents column by column and cuts batches by count and bytes."""

    def __init__(self, batch_size: int, kind: str, cols: Sequence[str]):
        self.batch_size = batch_size
        self.kind = kind
        self.cols = cols
        self._new()

    def _new(self) -> None:
        self.payloads: list[Any] = []
        self.data: dict[str, list[Any]] = {c: [] for c in self.cols}
        self.nbytes = 0

    def add(self, payload: Any, size: int = 0, **meta: Any) -> Batch | None:
        self.payloads.append(payload)
        for c in self.cols:
            self.data[c].append(meta.get(c))
        self.nbytes += size
        if len(self.payloads) >= self.batch_size or self.nbytes >= BATCH_BYTES:
            return self.take()
        return None

    def take(self) -> Batch | None:
        if not self.payloads:
            return None
        b = Batch(payloads=self.payloads, kind=self.kind, **{c: self.data[c] for c in self.cols})
        self._new()
        return b


def _open_binary(path: Path):
    if path.suffix == ".gz":
        return gzip.open(path, "rb")
    return open(path, "rb")


def _as_paths(paths: PathLike | Iterable[PathLike]) -> list[Path]:
    if isinstance(paths, (str, os.PathLike)):
        return [Path(paths)]
    return [Path(p) for p in paths]


def require_file(path: Path) -> None:
    """A :class:`MissingFileError` unless ``path`` is an existing file."""
    if not path.is_file():
        raise MissingFileError(f"no such file: {path}")


def count_lines(paths: Sequence[Path]) -> int | None:
    """Count of non-blank lines of plain files (the records of a JSON Lines corpus, for ``len`` and a
    progress bar's total), None if unknown. Reads in fixed chunks, so a huge line costs no memory."""
    total = 0
    for p in paths:
        if p.suffix == ".gz":
            return None
        content = False  # whether the line being read so far holds anything but whitespace
        with open(p, "rb") as f:
            while True:
                chunk = f.read(1 << 22)
                if not chunk:
                    break
                pieces = chunk.split(b"\n")
                for piece in pieces[:-1]:
                    total += content or bool(piece.strip())
                    content = False
                content = content or bool(pieces[-1].strip())
        total += content
    return total


#: A JSON Lines record may be this many times ``max_bytes`` long (JSON escapes and metadata make a
#: record longer than its text); a longer line is reported without being held in memory.
JSONL_LINE_FACTOR = 4
_SKIP_CHUNK = 1 << 20


def jsonl_line_limit(max_bytes: int) -> int:
    """Longest JSON Lines record read for a story limit of ``max_bytes``."""
    return JSONL_LINE_FACTOR * max_bytes + 65536


def _skip_rest_of_line(f) -> int:
    """Reads past the end of the current line in bounded pieces; returns the bytes skipped."""
    skipped = 0
    while True:
        piece = f.readline(_SKIP_CHUNK)
        skipped += len(piece)
        if not piece or piece.endswith(b"\n"):
            return skipped


def _jsonl_line(b: _Builder, f, raw: bytes, limit: int | None, name: str, lineno: int) -> tuple[Batch | None, int]:
    """Adds one line read by ``f.readline(limit)`` to ``b``: an over-long line becomes an error row
    and the rest of it is skipped unread, a blank line is no story. Returns the batch ``b`` handed
    back (if full) and the bytes skipped past ``raw``."""
    if limit is not None and len(raw) >= limit and not raw.endswith(b"\n"):
        rest = _skip_rest_of_line(f)
        err = (f"record of {len(raw) + rest} bytes is over the limit of {limit} bytes for a JSON line "
               f"({JSONL_LINE_FACTOR} x max_bytes + 64 KiB); not read")
        return b.add(None, 0, files=name, lines=lineno, errors=err), rest
    if not raw.strip():
        return None, 0
    return b.add(raw, len(raw), files=name, lines=lineno), 0


def iter_jsonl(paths: PathLike | Iterable[PathLike], batch_size: int = DEFAULT_BATCH_SIZE,
               max_bytes: int | None = None) -> Iterator[Batch]:
    """JSON Lines (``.jsonl``, ``.jsonl.gz``): one record a line, blank lines skipped. Records are
    parsed in the core with the field names the corpus was given.

    A line longer than :func:`jsonl_line_limit` is an error row and is never held whole. A
    compressed file that is truncated or corrupt (or any read error) ends that file with an error
    row naming it and the line where it broke; the records before it are kept and the next file is
    read."""
    limit = jsonl_line_limit(max_bytes) if max_bytes is not None else None
    for path in _as_paths(paths):
        name = str(path)
        b = _Builder(batch_size, "jsonl", ("files", "lines", "errors"))
        lineno = 0
        try:
            with _open_binary(path) as f:
                while True:
                    raw = f.readline(limit) if limit is not None else f.readline()
                    if not raw:
                        break
                    lineno += 1
                    out, _ = _jsonl_line(b, f, raw, limit, name, lineno)
                    if out is not None:
                        yield out
        except (OSError, EOFError, zlib.error) as e:
            what = "compressed file is truncated or corrupt" if path.suffix == ".gz" else "cannot read the file"
            where = f"after line {lineno}" if lineno else "before its first line"
            reason = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
            out = b.add(None, 0, files=name, lines=lineno + 1,
                        errors=f"{what}: reading stopped {where} ({reason}); later records are lost")
            if out is not None:
                yield out
        last = b.take()
        if last is not None:
            yield last


def check_first_record(path: Path, fields: dict[str, str | None], max_bytes: int) -> None:
    """Checks the named fields against the first record of a JSON Lines file, so a misnamed
    ``text=`` or ``date=`` is an :class:`InputError` at once instead of a run of error rows or
    silently missing dates. A first line that is not a JSON object is left to the run (an error row)."""
    import json

    try:
        with _open_binary(path) as f:
            while True:
                raw = f.readline(jsonl_line_limit(max_bytes))
                if not raw or raw.strip():
                    break
    except (OSError, EOFError, zlib.error):
        return  # the run reports it as an error row, with the file and line
    try:
        record = json.loads(raw) if raw else None
    except ValueError:
        return
    if isinstance(record, dict):
        pick_columns(fields, list(record), f"{path}: the first record has ")


_GLOB_CHARS = set("*?[")


def resolve_files(paths_or_glob: PathLike | Iterable[PathLike], pattern: str = "*.txt") -> list[tuple]:
    """(path, id) pairs, sorted: a directory gives its ``pattern`` files (recursively), a glob its
    matches; the id is the path relative to the directory or to the glob's fixed part."""
    out = []
    for p in _as_paths(paths_or_glob):
        s = str(p)
        if any(c in _GLOB_CHARS for c in s):
            parts = Path(s).parts
            fixed = []
            for part in parts:
                if any(c in _GLOB_CHARS for c in part):
                    break
                fixed.append(part)
            root = Path(*fixed) if fixed else Path(".")
            matches = sorted(m for m in _glob.glob(s, recursive=True) if os.path.isfile(m))
            if not matches:
                raise MissingFileError(f"no files match {s}")
            out.extend((Path(m), Path(os.path.relpath(m, root)).as_posix()) for m in matches)
        elif p.is_dir():
            found = [(m, m.relative_to(p).as_posix()) for m in sorted(p.rglob(pattern)) if m.is_file()]
            if not found:
                raise MissingFileError(f"no {pattern} files in the folder {s}")
            out.extend(found)
        elif p.is_file():
            out.append((p, p.as_posix()))
        else:
            raise MissingFileError(f"no such file or directory: {s}")
    return out


def iter_files(files: Sequence[tuple], max_bytes: int, batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[Batch]:
    """One story per file, read as bytes (decoded in the core)."""
    b = _Builder(batch_size, "text", ("ids", "files", "errors"))
    for path, ident in files:
        payload, err, size = None, None, 0
        try:
            size = path.stat().st_size
            if size > max_bytes:
                # Not read at all: the limit is there so a stray huge file costs nothing.
                err = f"story of {size} bytes is over the limit of {max_bytes} bytes (max_bytes)"
                size = 0
            else:
                payload = path.read_bytes()
        except OSError as e:
            err = f"cannot read: {e.strerror or e}"
        out = b.add(payload, size, ids=ident, files=str(path), errors=err)
        if out is not None:
            yield out
    last = b.take()
    if last is not None:
        yield last


def _clean(s: str | None) -> str | None:
    """Metadata with undecodable bytes (surrogate escapes) made printable instead of fatal."""
    if s is None:
        return None
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return s.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def csv_header(path: Path, fields: dict[str, str | None], delimiter: str = ",") -> list[str]:
    """Reads the header and checks every named field is a column: the one whole-file error.
    ``fields`` is updated in place: defaults (:class:`IfPresent`) the header lacks become None."""
    require_file(path)
    with open(path, newline="", encoding="utf-8-sig", errors="surrogateescape") as f:
        header = next(csv.reader(f, delimiter=delimiter), None)
    if header is None:
        raise InputError(f"{path}: empty CSV file, no header row")
    fields.update(pick_columns(fields, header, f"{path}: "))
    return header


def iter_csv(path: PathLike, fields: dict[str, str | None], batch_size: int = DEFAULT_BATCH_SIZE,
             delimiter: str = ",") -> Iterator[Batch]:
    """CSV with a header row; ``fields`` maps text/id/date/source/headline to column names."""
    path = Path(path)
    header = csv_header(path, fields, delimiter)
    idx = {role: header.index(col) for role, col in fields.items() if col is not None}
    need = max(idx.values()) + 1
    # Stories are long; the csv module's default field limit (128 KiB) would fail on real ones.
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    name = str(path)
    b = _Builder(batch_size, "text", ("ids", "dates", "sources", "headlines", "files", "lines", "errors"))
    with open(path, newline="", encoding="utf-8-sig", errors="surrogateescape") as f:
        reader = csv.reader(f, delimiter=delimiter, strict=True)
        next(reader)
        start = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as e:
                # Strict quoting: a quote left open is an error here (at the end of the file or at the
                # next quoted field), not a story that silently swallows the records after it.
                row, err = None, f"malformed CSV: {e}"
                if reader.line_num > start:
                    err += (f" (the record runs from line {start} to line {reader.line_num}: a quote left "
                            "open? The records in those lines are not analysed)")
            else:
                err = None
            meta = {"files": name, "lines": start}
            end, start = reader.line_num, reader.line_num + 1
            if row is not None and not any(row):
                continue  # a blank line is not a record
            payload = None
            if row is not None:
                # Metadata the row has is kept even when the row is short, so its error row is named.
                for role, col in (("id", "ids"), ("date", "dates"), ("source", "sources"), ("headline", "headlines")):
                    if role in idx and idx[role] < len(row):
                        meta[col] = _clean(row[idx[role]]) or None
                if end > meta["lines"] and len(row) != len(header):
                    # A quote left open swallows the records after it into one field.
                    err = (f"record runs from line {meta['lines']} to line {end} and has {len(row)} fields, "
                           f"the header {len(header)}: a quote left open? (the lines it holds are not analysed)")
                elif len(row) < need:
                    err = f"row has {len(row)} fields, the header {len(header)}"
                else:
                    payload = row[idx["text"]]
            if meta.get("ids") is None:
                meta["ids"] = f"{name}:{meta['lines']}"
            out = b.add(payload, len(payload) if payload else 0, errors=err, **meta)
            if out is not None:
                yield out
    last = b.take()
    if last is not None:
        yield last


def _missing(v: Any) -> bool:
    """None, NaN, pandas.NA or NaT: a missing value in any pandas dtype (``string[pyarrow]`` columns,
    which Dask makes by default, hold pandas.NA)."""
    return v is None or (isinstance(v, float) and v != v) or type(v).__name__ in ("NAType", "NaTType")


def _to_str_list(values: Sequence[Any]) -> list[str | None]:
    out: list[str | None] = []
    for v in values:
        if _missing(v):
            out.append(None)
        elif hasattr(v, "isoformat") and not isinstance(v, str):
            out.append(v.isoformat()[:10] if hasattr(v, "year") else v.isoformat())
        else:
            out.append(str(v))
    return out


def parquet_check(path: Path, fields: dict[str, str | None]) -> int:
    """Checks the named columns exist; returns the row count (from the footer, no data read)."""
    import pyarrow.parquet as pq

    require_file(path)
    pf = pq.ParquetFile(path)
    fields.update(pick_columns(fields, pf.schema_arrow.names, f"{path}: "))
    return pf.metadata.num_rows


def iter_parquet(path: PathLike, fields: dict[str, str | None],
                 batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[Batch]:
    """Parquet, read batch by batch (row groups are never loaded whole)."""
    import pyarrow.parquet as pq

    path = Path(path)
    parquet_check(path, fields)
    cols = [c for c in fields.values() if c is not None]
    pf = pq.ParquetFile(path)
    row = 0
    name = str(path)
    for rb in pf.iter_batches(batch_size=batch_size, columns=sorted(set(cols))):
        n = rb.num_rows
        get = {role: rb.column(col).to_pylist() for role, col in fields.items() if col is not None}
        lines = list(range(row + 1, row + n + 1))
        ids = _to_str_list(get["id"]) if "id" in get else [f"{name}:{i}" for i in lines]
        yield Batch(
            payloads=get["text"],
            ids=ids,
            dates=_to_str_list(get["date"]) if "date" in get else None,
            sources=_to_str_list(get["source"]) if "source" in get else None,
            headlines=_to_str_list(get["headline"]) if "headline" in get else None,
            files=[name] * n,
            lines=lines,
            errors=[None if t is not None else "no text (null)" for t in get["text"]],
        )
        row += n


def _date_strings(values) -> list[str | None]:
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return [None if s is pd.NaT or s != s else s for s in values.dt.strftime("%Y-%m-%d").tolist()]
    return _to_str_list(values.tolist())


def iter_pandas(obj, text: str | None, id: str | None, date: str | None, source: str | None,
                headline: str | None, batch_size: int = DEFAULT_BATCH_SIZE,
                positional_ids: bool = False, row_offset: int = 0) -> Iterator[Batch]:
    """A DataFrame (columns named by ``text`` etc.) or a Series of texts. The id is the ``id`` column,
    else the index (``positional_ids``: the row position, for the accessor to map back).
    ``row_offset``: the position of the first row (a part of a longer frame), for error messages."""
    import pandas as pd

    if isinstance(obj, pd.Series):
        frame = obj.to_frame(name="__text__")
        text = "__text__"
    else:
        frame = obj
    n = len(frame)
    for lo in range(0, n, batch_size):
        part = frame.iloc[lo: lo + batch_size]
        texts = [None if not isinstance(t, (str, bytes)) else t for t in part[text].tolist()]
        if positional_ids:
            ids = [str(i) for i in range(lo, lo + len(part))]
        elif id is not None:
            ids = _to_str_list(part[id].tolist())
        else:
            ids = _to_str_list(part.index.tolist())
        errors = [None if t is not None else
                  f"row {row_offset + lo + k}: no text" + ("" if _missing(v) else f" ({type(v).__name__})")
                  for k, (t, v) in enumerate(zip(texts, part[text].tolist()))]
        yield Batch(
            payloads=texts,
            ids=ids,
            dates=_date_strings(part[date]) if date is not None else None,
            sources=_to_str_list(part[source].tolist()) if source is not None else None,
            headlines=_to_str_list(part[headline].tolist()) if headline is not None else None,
            errors=errors,
        )


def iter_records(items: Iterable[Any], text: str = "text", id: str = "id", date: str = "date",
                 source: str | None = "source", headline: str | None = "headline",
                 batch_size: int = DEFAULT_BATCH_SIZE, start: int = 0) -> Iterator[Batch]:
    """Strings (one story each; id = position) or dicts (fields by name; missing id = position).
    ``start``: the position of the first item (a part of a longer sequence)."""
    b = _Builder(batch_size, "text", ("ids", "dates", "sources", "headlines", "errors"))
    for i, item in enumerate(items, start):
        meta: dict[str, Any] = {}
        if isinstance(item, (str, bytes)):
            payload = item
        elif isinstance(item, dict):
            payload = item.get(text)
            if payload is None:
                meta["errors"] = f"record {i}: no {text!r}"
            elif not isinstance(payload, (str, bytes)):
                meta["errors"] = f"record {i}: {text!r} is a {type(payload).__name__}, not a str"
                payload = None
            rid = item.get(id)
            meta["ids"] = None if rid is None else str(rid)
            meta["dates"] = _to_str_list([item.get(date)])[0] if date else None
            meta["sources"] = _to_str_list([item.get(source)])[0] if source else None
            meta["headlines"] = _to_str_list([item.get(headline)])[0] if headline else None
        else:
            payload = None
            meta["errors"] = f"record {i}: a {type(item).__name__}, not a str or dict"
        if meta.get("ids") is None:
            meta["ids"] = str(i)
        out = b.add(payload, len(payload) if payload else 0, **meta)
        if out is not None:
            yield out
    last = b.take()
    if last is not None:
        yield last


def count_newlines(path: PathLike, start: int, end: int) -> int:
    """How many ``\\n`` bytes the file holds in ``[start, end)`` (read in bounded pieces)."""
    n = 0
    with open(path, "rb") as f:
        f.seek(start)
        left = end - start
        while left > 0:
            piece = f.read(min(left, _RANGE_CHUNK))
            if not piece:
                break
            n += piece.count(b"\n")
            left -= len(piece)
    return n


_RANGE_CHUNK = 16 << 20


def iter_jsonl_range(path: PathLike, start: int, end: int, lines_before: int,
                     batch_size: int = DEFAULT_BATCH_SIZE, max_bytes: int | None = None) -> Iterator[Batch]:
    """The records of an uncompressed JSON Lines file whose lines *start* in bytes ``[start, end)``,
    read as :func:`iter_jsonl` reads a whole file (same rows, errors and line numbers), so that
    ranges that tile the file give the file's records once each. ``lines_before``: the count of
    newlines in ``[0, start)`` (:func:`count_newlines`), for the line numbers."""
    limit = jsonl_line_limit(max_bytes) if max_bytes is not None else None
    path = Path(path)
    name = str(path)
    b = _Builder(batch_size, "jsonl", ("files", "lines", "errors"))
    lineno = lines_before
    try:
        with open(path, "rb") as f:
            pos = start
            if start > 0:
                # The line running through byte start - 1 belongs to the range before.
                f.seek(start - 1)
                skipped = _skip_rest_of_line(f)
                pos = start - 1 + skipped
                lineno += 1 if skipped > 1 else 0  # its newline lies in this range
            while pos < end:
                raw = f.readline(limit) if limit is not None else f.readline()
                if not raw:
                    break
                pos += len(raw)
                lineno += 1
                out, rest = _jsonl_line(b, f, raw, limit, name, lineno)
                pos += rest
                if out is not None:
                    yield out
    except OSError as e:
        reason = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
        out = b.add(None, 0, files=name, lines=lineno + 1,
                    errors=f"cannot read the file: reading stopped after line {lineno} ({reason}); "
                           "later records are lost")
        if out is not None:
            yield out
    last = b.take()
    if last is not None:
        yield last


def decoded(payload: Any, errors: str) -> str | None:
    """A story text as the core decodes it (None where the core makes it an error row)."""
    if isinstance(payload, str):
        return payload
    try:
        return bytes(payload).decode("utf-8", "replace" if errors == "replace" else "strict")
    except UnicodeDecodeError:
        return None


def jsonl_text(raw: bytes, fields: dict[str, str | None], batch: Batch, k: int,
                errors: str) -> tuple[str, str] | None:
    """(id, text) of one JSON Lines record, named as the core names it (``file:line`` without an id)."""
    line = decoded(raw, errors)
    try:
        record = json.loads(line) if line is not None else None
    except ValueError:
        return None
    if not isinstance(record, dict):
        return None
    text = record.get(fields.get("json_text") or "text")
    if not isinstance(text, str):
        return None
    id_field = fields.get("json_id")
    rid = record.get(id_field) if id_field else None
    if rid is None:
        rid = f"{batch.files[k]}:{batch.lines[k]}" if batch.files is not None and batch.lines is not None else str(k)
    # A non-string id is its JSON text, as the core writes it (5 -> "5", true -> "true").
    return (rid if isinstance(rid, str) else json.dumps(rid, separators=(",", ":"))), text


from dateline._gigaword import iter_gigaword  # noqa: E402,F401  (re-exported: Corpus.from_gigaword reads through readers)
