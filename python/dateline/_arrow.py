"""Arrow arrays over memory the Rust core owns, shared by the corpus tables and ``link``."""
from __future__ import annotations

from typing import Any

import pyarrow as pa


def lent(buf: Any) -> pa.Buffer:
    """An Arrow buffer over memory the core owns (an ``_native.ArrowBuffer``): no copy; the Arrow
    buffer keeps the core's buffer alive."""
    return pa.foreign_buffer(buf.address, buf.size, base=buf)
