"""The ``dateline extract`` command: a corpus from files named on the command line (format guessed
from the name or given), its tables written atomically. Split out of :mod:`dateline.corpus` for size.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from dateline import readers as _readers
from dateline._output import TABLES, manifest_path, parquet_paths
from dateline.corpus import DEFAULT_MAX_BYTES, Corpus
from dateline.errors import InputError

_FORMATS = ("jsonl", "csv", "txt", "parquet", "gigaword")


def _guess_format(name: str) -> str:
    p = Path(name)
    low = p.name.lower()
    if p.is_dir() or any(c in name for c in "*?["):
        return "txt"
    for suffix, fmt in ((".jsonl", "jsonl"), (".jsonl.gz", "jsonl"), (".ndjson", "jsonl"), (".json", "jsonl"),
                        (".csv", "csv"), (".parquet", "parquet"), (".txt", "txt")):
        if low.endswith(suffix):
            return fmt
    raise InputError(f"{name}: cannot tell the format from the name; give --format ({'|'.join(_FORMATS)})")


def corpus_from_inputs(inputs: Sequence[str], fmt: str | None = None, *, text: str = "text",
                       id: str | None = _readers.ID, date: str | None = _readers.DATE, source: str | None = None,
                       headline: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                       errors: str = "strict") -> Corpus:
    """The corpus the ``extract`` command reads: every input in order, in the given or guessed format."""
    kw = dict(max_bytes=max_bytes, errors=errors)
    parts: list[Corpus] = []
    txt: list[str] = []

    def flush_txt() -> None:
        if txt:
            parts.append(Corpus.from_files(list(txt) if len(txt) > 1 else txt[0], **kw))
            txt.clear()

    for name in inputs:
        f = fmt or _guess_format(name)
        if f == "txt":
            txt.append(name)
            continue
        flush_txt()
        if f == "jsonl":
            parts.append(Corpus.from_jsonl(name, text=text, id=id, date=date, source=source, headline=headline, **kw))
        elif f in ("csv", "parquet"):
            # The default id/date columns are used when present; named ones must exist (the readers check).
            maker = Corpus.from_csv if f == "csv" else Corpus.from_parquet
            parts.append(maker(name, text=text, id=id, date=date, source=source, headline=headline, **kw))
        elif f == "gigaword":
            # LDC SGML: never guessed from the name (Reuters-21578's .sgm files are another markup).
            parts.append(Corpus.from_gigaword(name, **kw))
        else:
            raise InputError(f"unknown format {f!r}; choose from {', '.join(_FORMATS)}")
    flush_txt()
    return parts[0] if len(parts) == 1 else Corpus.concat(parts)


def _cmd_extract(args: argparse.Namespace) -> int:
    from dateline.cli import EXIT_FAILED, EXIT_INPUT, EXIT_OK

    tables = tuple(t.strip() for t in args.tables.split(",") if t.strip())
    # --id/--date not given: the id/date columns when present; given: they must exist.
    id_col = _readers.ID if args.id is None else args.id
    date_col = _readers.DATE if args.date is None else args.date
    try:
        corpus = corpus_from_inputs(args.inputs, args.format, text=args.text, id=id_col, date=date_col,
                                    source=args.source, headline=args.headline, max_bytes=args.max_bytes,
                                    errors=args.errors)
        progress = False if args.no_progress else None
        summary = corpus.to_parquet(args.output, tables, threads=args.threads, progress=progress,
                                    entities=not args.no_entities, overwrite=args.overwrite,
                                    resume=args.resume)
    except (ValueError, OSError) as e:
        print(f"dateline extract: {e}", file=sys.stderr)
        return EXIT_INPUT
    written = parquet_paths(args.output, tables)
    print(f"dateline extract: {summary}", file=sys.stderr)
    for name, p in written.items():
        print(f"  {name:9s} -> {p}", file=sys.stderr)
    print(f"  manifest  -> {manifest_path(args.output)}", file=sys.stderr)
    if summary.errors:
        _print_errors(written["articles"], limit=5)
        return EXIT_OK if args.allow_errors else EXIT_FAILED
    return EXIT_OK


def _print_errors(articles_path: Path, limit: int) -> None:
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    t = pq.read_table(articles_path, columns=["error"])
    errs = t.filter(pc.is_valid(t.column("error"))).column("error").to_pylist()
    print(f"  first errors ({min(limit, len(errs))} of {len(errs)}; all in the articles table's `error` column):",
          file=sys.stderr)
    for e in errs[:limit]:
        print(f"    {e[:200]}", file=sys.stderr)


def add_extract_command(sub: argparse._SubParsersAction) -> None:
    """Adds ``dateline extract`` to the ``dateline`` command's sub-parsers."""
    p = sub.add_parser(
        "extract",
        help="analyse a corpus into Parquet tables (articles, entities, quotes, events)",
        description="Reads stories from JSONL, CSV, Parquet or .txt files (one story a file; a directory "
        "or glob), analyses them on all cores and streams the tables to Parquet. OUTPUT ending in .parquet "
        "gets the articles and the other tables beside it (OUT.entities.parquet, ...); any other OUTPUT is "
        "a directory with articles.parquet, entities.parquet, ... Stories that fail keep a row in the "
        "articles table with the error, file and line. Rows are written in parts to OUT/_partial and "
        "become the tables when the run completes; _SUCCESS.json (OUT._SUCCESS.json) is written last. With "
        "--resume, an interrupted run keeps its finished parts and the same command goes on from them. An input is "
        "never overwritten. Exit status: see `dateline --help`.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="a .jsonl/.csv/.parquet file, a .txt file, a directory or a glob")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.parquet or a directory")
    p.add_argument("--threads", type=int, default=None,
                   help="worker threads (default: $DATELINE_NUM_THREADS or all cores)")
    p.add_argument("--format", choices=_FORMATS, default=None, help="input format (default: from the file name)")
    p.add_argument("--text", default="text", help="field/column holding the story text (default: text)")
    p.add_argument("--id", default=None,
                   help="field/column holding the story id (default: id, when present; a name given must exist)")
    p.add_argument("--date", default=None,
                   help="field/column holding the story date (default: date, when present; a name given must exist)")
    p.add_argument("--source", default=None, help="field/column holding the source")
    p.add_argument("--headline", default=None, help="field/column holding a headline")
    p.add_argument("--tables", default=",".join(TABLES), help=f"tables to write (default: {','.join(TABLES)})")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                   help="largest story in bytes; larger ones are error rows")
    p.add_argument("--errors", choices=["strict", "replace"], default="strict",
                   help="invalid UTF-8: strict = error row (default); replace = decode lossily")
    p.add_argument("--no-entities", action="store_true",
                   help="structure, sentences and tokens only (much faster; no entity/quote/event rows)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--overwrite", action="store_true",
                   help="replace the tables of an earlier run at OUT (else a non-empty OUT is refused)")
    p.add_argument("--resume", action="store_true",
                   help="keep finished parts if the run is interrupted (in OUT/_partial), and go on from them "
                        "when the same command runs again")
    p.add_argument("--allow-errors", action="store_true",
                   help="exit 0 even when some stories failed (they are still error rows)")
    p.set_defaults(func=_cmd_extract)
