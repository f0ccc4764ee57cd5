"""Writing a run to disk safely: each table under a temporary name and renamed when the run completes,
parts of an unfinished run kept under ``_partial/`` for ``resume=True``, and a manifest
(``_SUCCESS.json``) with counts, parameters and model hashes written last. ``Corpus.to_parquet``
and ``dateline.dask.to_parquet`` share these rules."""
from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from dateline import _native
from dateline.errors import InputError

#: The tables a run produces, in the order they are written.
TABLES = ("articles", "entities", "quotes", "events", "attributions")
#: The counts a run keeps, per part and in the manifest (the fields of ``RunSummary``).
_COUNTS = ("stories", "errors", "entities", "quotes", "events")


@dataclass
class RunSummary:
    """Counts of a run (what ``to_parquet`` returns and the CLI prints)."""

    stories: int = 0
    errors: int = 0
    entities: int = 0
    quotes: int = 0
    events: int = 0
    seconds: float = 0.0

    @property
    def stories_per_second(self) -> float:
        return self.stories / self.seconds if self.seconds > 0 else float("nan")

    def __str__(self) -> str:
        return (
            f"{self.stories:,} stories, {self.errors:,} errors, {self.entities:,} entities, "
            f"{self.quotes:,} quotes, {self.events:,} events in {self.seconds:.2f} s "
            f"({self.stories_per_second:,.0f} stories/s)"
        )


@dataclass
class _Progress:
    """What ``_partial/progress.json`` records: the run's parameters and its finished parts."""

    params: dict[str, Any]
    provenance: dict[str, Any]
    parts: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path, params: dict[str, Any], provenance: dict[str, Any]) -> _Progress | None:
        """The interrupted run's progress, or an :class:`InputError` if it cannot be continued."""
        try:
            body = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # no progress written yet: nothing finished, start over
        if body.get("parameters") != params:
            raise InputError(f"the interrupted run in {path.parent} had other parameters "
                             f"({_differences(body.get('parameters'), params)}); pass overwrite=True "
                             "(--overwrite) to start over")
        if {k: body.get(k) for k in provenance} != provenance:
            raise InputError(f"the interrupted run in {path.parent} was made by another dateline version or "
                             "other model files; pass overwrite=True (--overwrite) to start over")
        parts = body.get("parts", [])
        for k in range(len(parts)):
            for name in params["tables"]:
                if not (path.parent / f"part-{k:05d}.{name}.parquet").exists():
                    raise InputError(f"part {k} of table {name} is missing from {path.parent}; pass "
                                     "overwrite=True (--overwrite) to start over")
        return cls(params=params, provenance=provenance, parts=parts)

    def save(self, path: Path) -> None:
        body = {"complete": False, "parameters": self.params, **self.provenance, "parts": self.parts}
        _write_text_atomic(path, json.dumps(body, indent=1, ensure_ascii=False) + "\n")


def _differences(old: Any, new: dict[str, Any]) -> str:
    if not isinstance(old, dict):
        return "unreadable"
    keys = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
    return ", ".join(f"{k}: {old.get(k)!r} then, {new.get(k)!r} now" for k in keys)


def _finished_run(manifest: Path, params: dict[str, Any], provenance: dict[str, Any]) -> RunSummary | None:
    """The summary of the finished run at ``manifest`` when it is this run, else None."""
    try:
        body = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    got = {k: v for k, v in body.get("parameters", {}).items() if k not in ("threads", "resumed")}
    if not body.get("complete") or got != params or {k: body.get(k) for k in provenance} != provenance:
        return None
    return RunSummary(**body["counts"], seconds=0.0)


def _write_atomic(table: pa.Table, path: Path, compression: str) -> None:
    import pyarrow.parquet as pq

    tmp = path.with_name(f".{path.name}.{os.getpid()}{_TMP_SUFFIX}")
    pq.write_table(table, tmp, compression=compression)
    os.replace(tmp, path)


def _write_text_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}{_TMP_SUFFIX}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _join_parts(staging: Path, n_parts: int, temps: dict[str, Path], compression: str,
                row_group_rows: int, fill: Any = None) -> dict[str, int]:
    """Writes each table's parts, in order, into its temporary file; returns the row counts.
    ``fill(name, k, table)``, when given, gives the table to write for part ``k``."""
    import pyarrow.parquet as pq

    rows = {}
    for name, tmp in temps.items():
        writer = None
        rows[name] = 0
        try:
            for k in range(n_parts):
                table = pq.read_table(staging / f"part-{k:05d}.{name}.parquet")
                if fill is not None:
                    table = fill(name, k, table)
                if writer is None:
                    writer = pq.ParquetWriter(tmp, table.schema, compression=compression)
                writer.write_table(table, row_group_size=max(row_group_rows, table.num_rows))
                rows[name] += table.num_rows
        finally:
            if writer is not None:
                writer.close()
    return rows


def model_hashes() -> dict[str, str]:
    """SHA-256 of every model and data file compiled into the extension, by its path in the
    repository (``models/MANIFEST.json`` lists the same); run manifests record them."""
    import hashlib

    return {path: hashlib.sha256(data).hexdigest() for path, data in _native.model_files()}


def partial_path(path: str | os.PathLike) -> Path:
    """Where :meth:`Corpus.to_parquet` keeps the parts of a run until it completes."""
    path = Path(path)
    if path.suffix == ".parquet":
        return path.with_name(f"{path.stem}.{PARTIAL}")
    return path / PARTIAL


#: Ends the temporary name a table is written under until its run completes.
_TMP_SUFFIX = ".partial"
#: The manifest a completed run writes last.
MANIFEST = "_SUCCESS.json"
#: The folder a run keeps its finished parts in until it completes.
PARTIAL = "_partial"


def manifest_path(path: str | os.PathLike) -> Path:
    """Where :meth:`Corpus.to_parquet` writes its ``_SUCCESS.json`` for output ``path``."""
    path = Path(path)
    if path.suffix == ".parquet":
        return path.with_name(f"{path.stem}.{MANIFEST}")
    return path / MANIFEST


def _same_or_inside(p: Path, folder: Path) -> bool:
    p, folder = Path(os.path.realpath(p)), Path(os.path.realpath(folder))
    return p == folder or folder in p.parents


def _check_output(path: Path, targets: dict[str, Path], manifest: Path, inputs: Sequence[Path],
                  overwrite: bool, keep: Path | None = None) -> list[Path]:
    """Refuses outputs that would replace an input or an earlier run (unless ``overwrite``);
    returns the earlier run's files to remove once the new run is complete, manifest first.
    ``keep``: this run's own parts folder, which does not make the output folder an earlier run's."""
    every = parquet_paths(path, TABLES)  # an earlier run may have had other tables
    ours = [manifest, *every.values()]
    for inp in inputs:
        if inp.is_dir():
            for t in targets.values():
                if _same_or_inside(t.parent, inp):
                    raise InputError(f"output {t} would be inside the input folder {inp}: "
                                     "write the tables somewhere else")
        elif inp.exists():
            for t in ours:
                if _same_or_inside(t, inp):
                    raise InputError(f"output {t} would replace the input file {inp}; choose another output")
    if path.suffix != ".parquet":
        if path.exists() and not path.is_dir():
            raise InputError(f"output folder {path} is a file; give a folder or a name ending in .parquet")
        if path.is_dir() and any(p != keep for p in path.iterdir()) and not overwrite:
            raise InputError(f"output folder {path} is not empty (an earlier run?); pass overwrite=True "
                             "(--overwrite) to replace the tables there, or choose an empty folder")
        stale = sorted(path.glob(f".*{_TMP_SUFFIX}")) if path.is_dir() else []
    else:
        existing = [p for p in ours if p.exists()]
        if existing and not overwrite:
            raise InputError(f"{existing[0]} exists already (an earlier run?); pass overwrite=True "
                             "(--overwrite) to replace it")
        stale = sorted(path.parent.glob(f".{path.stem}.*{_TMP_SUFFIX}")) if path.parent.is_dir() else []
    return [p for p in ours if p.exists()] + stale


def _write_manifest(manifest: Path, summary: RunSummary, targets: dict[str, Path], rows: dict[str, int],
                    params: dict[str, Any], provenance: dict[str, Any]) -> None:
    import datetime

    body = {
        "complete": True,
        **provenance,
        "finished": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(summary.seconds, 3),
        "counts": {k: getattr(summary, k) for k in _COUNTS},
        "tables": {t: {"file": p.name, "rows": rows[t]} for t, p in targets.items()},
        "parameters": params,
    }
    _write_text_atomic(manifest, json.dumps(body, indent=2, ensure_ascii=False) + "\n")


def _version() -> str:
    from dateline import __version__

    return __version__


def _count(summary: RunSummary, out: dict[str, pa.Table]) -> None:
    arts = out["articles"]
    summary.stories += arts.num_rows
    summary.errors += arts.num_rows - arts.column("error").null_count
    summary.entities += _sum(arts, "n_entities")
    summary.quotes += _sum(arts, "n_quotes")
    summary.events += _sum(arts, "n_events")


def _sum(table: pa.Table, column: str) -> int:
    import pyarrow.compute as pc

    v = pc.sum(table.column(column)).as_py()
    return int(v or 0)


def parquet_paths(path: str | os.PathLike, tables: Sequence[str] = TABLES) -> dict[str, Path]:
    """Where :meth:`Corpus.to_parquet` writes each table (see there)."""
    bad = [t for t in tables if t not in TABLES]
    if bad:
        raise InputError(f"unknown table(s) {bad}; choose from {list(TABLES)}")
    path = Path(path)
    order = [t for t in TABLES if t in tables or t == "articles"]
    if path.suffix == ".parquet":
        stem = path.with_suffix("")
        return {t: (path if t == "articles" else stem.with_name(f"{stem.name}.{t}.parquet")) for t in order}
    return {t: path / f"{t}.parquet" for t in order}


# ---------------------------------------------------------------------- CLI: dateline extract
