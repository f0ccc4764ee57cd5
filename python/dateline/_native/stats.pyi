"""Stub of ``dateline._native.stats``, the extension's counting kernels for :mod:`dateline.stats`.

The submodule is created inside the compiled module; ``import dateline`` makes it importable as
``dateline._native.stats``.

Arrays cross as little-endian ``bytes`` (numpy ``tobytes()`` / ``frombuffer``): entity, story,
unit and period codes as u32, days as i32 (:data:`NO_DAY` for none), parts as u8; counts come back
as u64, codes as u32, days as i32 and scores as f64.
"""

from typing import Final

from dateline._native import ArrowBuffer

__all__ = ["frequency", "cooccurrence", "timeline", "keyness", "link", "NO_DAY"]

#: The day number of "no date" (i32 minimum).
NO_DAY: Final[int]

def frequency(entity: bytes, story: bytes, day: bytes | None, n_entities: int) -> list[bytes]:
    """[mentions u64, stories u64, first_day i32, last_day i32], one value per entity code."""

def cooccurrence(unit: bytes, entity: bytes, n_entities: int, n_units: int, min_count: int) -> list[bytes]:
    """[a u32, b u32, count u64, count_a u64, count_b u64, pmi f64, npmi f64, units_per_entity u64]."""

def timeline(
    entity: bytes, period: bytes, story: bytes, stories: bool, n_entities: int, n_periods: int
) -> bytes:
    """Counts (u64), row-major ``n_entities`` x ``n_periods``."""

def keyness(
    entity: bytes,
    story: bytes,
    part: bytes,
    stories: bool,
    n_entities: int,
    target_size: float,
    reference_size: float,
) -> list[bytes]:
    """[target u64, reference u64, g2 f64, log_ratio f64, pct_diff f64], one value per entity code."""

def link(
    text: tuple[bytes, bytes],
    canonical: tuple[bytes, bytes],
    label: tuple[bytes, bytes],
    title: tuple[bytes, bytes],
    country_code: tuple[bytes, bytes],
    kb_id: tuple[bytes, bytes],
    day: bytes,
    story: bytes,
    whole_table: bool = False,
) -> tuple[bytes, tuple[ArrowBuffer, ArrowBuffer], tuple[ArrowBuffer, ArrowBuffer], tuple[ArrowBuffer, ArrowBuffer]]:
    """Corpus-level identity (:func:`dateline.link`). Each string column is ``(offsets, data)`` as
    Arrow lays out a ``string`` array (n + 1 i32 offsets into UTF-8 data; "" for null); ``day`` i32
    (:data:`NO_DAY` for none), ``story`` u32, one per mention. Returns the entity code of each
    mention (u32) and, per entity code, its id, display name and historical country code ("" for
    none), each as lent ``(offsets, data)`` buffers of an Arrow ``large_string`` array (i64 offsets),
    as the corpus tables' string columns are."""
