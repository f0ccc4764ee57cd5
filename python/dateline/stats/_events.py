"""Event counts: who did what to whom, per day or week (a GDELT-style event table)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from dateline.errors import InputError

#: The moods an event can have (``Event.mood``).
MOODS = ("asserted", "planned", "negated", "hypothetical")

_FREQS = {"D": "D", "W": "W-SUN", "M": "M"}


def _events(events: Any) -> pd.DataFrame:
    if hasattr(events, "events") and not isinstance(events, pd.DataFrame):
        events = events.events(progress=False)
    if not isinstance(events, pd.DataFrame):
        raise InputError(f"events must be a DataFrame or a Corpus, not {type(events).__name__}")
    return events


def event_counts(
    events: Any,
    *,
    freq: str | None = "W",
    by: Sequence[str] = ("subject_country", "object_country", "quad_class"),
    moods: Sequence[str] | None = ("asserted",),
    reported: bool | None = None,
    dropna: bool = True,
) -> pd.DataFrame:
    """How many events each group had, per day, week or month: a "who did what to whom" table
    like GDELT's event counts.

    Parameters
    ----------
    events : DataFrame or Corpus
        The events table (``Corpus.events()``, or the same read back from Parquet): ``id, date``
        and the columns named in ``by``, plus ``mood`` and ``reported`` when filtering on them.
    freq : "D", "W", "M" or None
        Day, week (weeks end on Sunday; ``period`` is the week's Monday) or month; None gives one
        row per group over the whole table. Events without a date are left out unless ``freq`` is None.
    by : sequence of str
        The columns that make a group, by default the country pair and the CAMEO quad class
        (``("subject", "object", "code")`` counts actor pairs and event codes instead).
    moods : sequence of str or None
        Count only events of these moods (``MOODS``); by default the asserted ones, so denied,
        planned and hypothetical events do not count as things that happened. None counts all.
    reported : bool or None
        True: only events someone is said to have said; False: only the others; None (default): both.
    dropna : bool
        Leave out events where a ``by`` column is empty (an actor of no known state, by default).

    Returns
    -------
    DataFrame with columns ``period`` (a ``Timestamp``, the first day of the period; absent when
    ``freq`` is None), the ``by`` columns, ``events`` (how many) and ``stories`` (in how many stories),
    sorted by period, then events (descending).

    Example
    -------
    >>> import pandas as pd
    >>> from dateline.stats import event_counts
    >>> ev = pd.DataFrame({
    ...     "id": ["a", "a", "b", "c"],
    ...     "date": ["2023-07-24", "2023-07-25", "2023-07-26", "2023-08-02"],
    ...     "subject_country": ["KP", "KP", "KP", "RU"],
    ...     "object_country": ["RU", "RU", "RU", "KP"],
    ...     "quad_class": [1, 1, 1, 1],
    ...     "mood": ["asserted", "asserted", "planned", "asserted"],
    ...     "reported": [False, False, False, True],
    ... })
    >>> event_counts(ev)
          period subject_country object_country  quad_class  events  stories
    0 2023-07-24              KP             RU           1       2        1
    1 2023-07-31              RU             KP           1       1        1
    """
    ev = _events(events)
    by = [by] if isinstance(by, str) else list(by)
    if freq is not None and freq not in _FREQS:
        raise InputError(f"freq must be one of 'D', 'W', 'M' or None, not {freq!r}")
    want = set(by) | {"id"} | ({"date"} if freq else set())
    if moods is not None:
        bad = [m for m in moods if m not in MOODS]
        if bad:
            raise InputError(f"unknown mood {bad[0]!r}: moods are {', '.join(MOODS)}")
        want.add("mood")
    if reported is not None:
        want.add("reported")
    missing = sorted(want - set(ev.columns))
    if missing:
        raise InputError(f"the events table has no column {missing[0]!r} (columns: {', '.join(map(str, ev.columns))})")
    keep = pd.Series(True, index=ev.index)
    if moods is not None:
        keep &= ev["mood"].isin(list(moods))
    if reported is not None:
        keep &= ev["reported"].astype(bool) == reported
    ev = ev[keep]
    keys = list(by)
    if freq:
        day = pd.to_datetime(ev["date"], errors="coerce", format="%Y-%m-%d")
        period = day.dt.to_period(_FREQS[freq]).dt.start_time
        ev = ev.assign(period=period)
        ev = ev[ev["period"].notna()]
        keys = ["period", *keys]
    cols = ["events", "stories"]
    if ev.empty:
        return pd.DataFrame({k: pd.Series(dtype=ev[k].dtype if k in ev else object) for k in keys}
                            | {c: pd.Series(dtype="int64") for c in cols})
    g = ev.groupby(keys, dropna=dropna, sort=False)
    out = g.agg(events=("id", "size"), stories=("id", "nunique")).reset_index()
    out[cols] = out[cols].astype("int64")
    order = (["period"] if freq else []) + ["events"]
    out = out.sort_values(order, ascending=[True] * (len(order) - 1) + [False], kind="stable")
    return out.reset_index(drop=True)
