"""Entity frequency, co-occurrence (PMI, NPMI) and the co-occurrence network."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from dateline._native import stats as _core
from dateline.errors import InputError
from dateline.stats._base import (
    DEFAULT_SECTIONS,
    Labels,
    Sections,
    _dates,
    _days,
    _entities,
    _i32,
    _Keys,
    _label_mask,
    _require,
    _u32,
)
from dateline.stats._dedupe import _once

# ---------------------------------------------------------------------------------------------
# Frequency


def entity_frequency(
    entities: Any,
    *,
    labels: Labels = None,
    exclude_labels: Labels = None,
    by_label: bool = True,
    min_mentions: int = 1,
    top: int | None = None,
    sections: Sections = DEFAULT_SECTIONS,
    dedupe: bool = True,
) -> pd.DataFrame:
    """How often each entity is mentioned, in how many stories, and first and last seen.

    Parameters
    ----------
    entities : DataFrame or Corpus
        The entities table (``id, date, text, label, canonical``; ``date`` is optional).
    labels, exclude_labels : str or list of str
        Keep only mentions with (without) these labels, e.g. ``labels=["ORG", "PER"]``.
    by_label : bool
        Count (name, label) pairs apart (default); with False, one row per name, labelled with its
        most frequent label.
    min_mentions, top : int
        Drop entities with fewer mentions; keep only the ``top`` rows.
    sections : str or list of str, optional
        Count only mentions in these sections (the ``section`` column); by default
        ``DEFAULT_SECTIONS`` = headline, body and caption, so datelines, bylines and credit lines
        (reporters, editors, agency sign-offs) are left out. ``None`` counts every section.
    dedupe : bool
        Count each story once (default): mentions in near-duplicate versions of a story (rows
        whose ``duplicate_of`` is set: repeats, updates, corrections) are left out. ``False``
        counts every version. A table without the column is counted whole.

    Returns
    -------
    DataFrame with columns ``entity, label, mentions, stories, first_date, last_date``, sorted by
    mentions, then stories (both descending), then name. ``first_date``/``last_date`` are the
    dates (day precision) of the earliest and latest dated stories mentioning the entity.
    """
    ents = _once(_entities(entities, sections=sections), dedupe)
    mask = _label_mask(ents, labels, exclude_labels)
    keys = _Keys(ents, by_label, mask)
    story_codes, _ = pd.factorize(ents["id"])
    story_codes = story_codes[mask]
    days = _days(ents["date"])[mask] if "date" in ents.columns else None
    mentions, stories, first, last = _core.frequency(
        _u32(keys.codes), _u32(story_codes), None if days is None else _i32(days), keys.n
    )
    out = pd.DataFrame(
        {
            "entity": keys.names(),
            "label": keys.labels(),
            "mentions": np.frombuffer(mentions, "<u8").astype(np.int64),
            "stories": np.frombuffer(stories, "<u8").astype(np.int64),
            "first_date": _dates(np.frombuffer(first, "<i4")),
            "last_date": _dates(np.frombuffer(last, "<i4")),
        }
    )
    # Codes follow (name, label) order, so sorting on them breaks ties alphabetically.
    order = np.lexsort((np.arange(len(out)), -out["stories"].to_numpy(), -out["mentions"].to_numpy()))
    out = out.iloc[order]
    out = out[out["mentions"] >= max(min_mentions, 1)]
    if top is not None:
        out = out.head(top)
    return out.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Co-occurrence


def _dense(values: np.ndarray) -> tuple[np.ndarray, int]:
    """Dense codes 0..k-1 of non-negative ints (in value order) and k."""
    if len(values) == 0:
        return values.astype(np.int64), 0
    top = int(values.max()) + 1
    if top <= 64 * len(values) + 1024:
        present = np.zeros(top, dtype=bool)
        present[values] = True
        return (np.cumsum(present) - 1)[values], int(present.sum())
    codes, uniq = pd.factorize(values, sort=True)
    return codes.astype(np.int64), len(uniq)


def _unit_codes(ents: pd.DataFrame, unit: str) -> tuple[np.ndarray, np.ndarray, int]:
    """Unit code per mention, a mask of the mentions that have a unit, and the number of units."""
    story_codes, _ = pd.factorize(ents["id"])
    story_codes = story_codes.astype(np.int64)
    if unit == "story":
        return story_codes, np.ones(len(ents), dtype=bool), int(story_codes.max()) + 1 if len(story_codes) else 0
    if unit != "sentence":
        raise InputError(f"unit must be 'sentence' or 'story', not {unit!r}")
    _require(ents, ["sentence"], "the entities table (for unit='sentence')")
    sent = pd.to_numeric(ents["sentence"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    ok = ~np.isnan(sent) & (sent >= 0)
    sent_i = np.where(ok, sent, 0).astype(np.int64)
    width = int(sent_i.max()) + 1 if len(sent_i) else 1
    codes = np.zeros(len(ents), dtype=np.int64)
    codes[ok], n = _dense(story_codes[ok] * width + sent_i[ok])
    return codes, ok, n


def cooccurrence(
    entities: Any,
    *,
    unit: str = "sentence",
    labels: Labels = None,
    exclude_labels: Labels = None,
    by_label: bool = True,
    min_count: int = 1,
    n_units: int | None = None,
    sections: Sections = DEFAULT_SECTIONS,
    dedupe: bool = True,
) -> pd.DataFrame:
    """Pairs of entities mentioned in the same sentence or story, with PMI and NPMI.

    Definitions (``unit`` is a sentence, i.e. a (story id, sentence index) pair, or a story):

    * N = the number of units in the entities table, i.e. units with at least one mention of any
      entity (before the label filters, so filtering labels does not change the probabilities);
      pass ``n_units`` to use another N, e.g. all sentences of the corpus
      (``articles["n_sentences"].sum()``) or all stories (``len(articles)``);
    * p(x) = units containing x / N; an entity mentioned twice in a unit counts once;
    * p(x, y) = units containing both x and y / N;
    * PMI(x, y) = ln( p(x, y) / (p(x) p(y)) ) (natural log);
    * NPMI(x, y) = PMI(x, y) / -ln p(x, y), in [-1, 1]; 1 when p(x, y) = 1.

    Parameters
    ----------
    unit : "sentence" or "story"
    labels, exclude_labels : keep only entities with (without) these labels.
    by_label : count (name, label) pairs apart (default) or merge labels per name.
    min_count : drop pairs found in fewer units.
    n_units : N, if not the number of units in the table (must not be smaller).
    sections : count only mentions in these sections (default headline, body, caption; None: all).
    dedupe : count each story once: leave out near-duplicate versions (rows whose story has a
      ``duplicate_of``); False counts every version.

    Returns
    -------
    DataFrame with columns ``entity_a, label_a, entity_b, label_b, count, count_a, count_b, pmi,
    npmi`` (``count_a`` = units containing a), one row per unordered pair with ``(entity_a,
    label_a) < (entity_b, label_b)``, sorted by count (descending) then names. ``attrs`` holds
    ``unit`` and ``n_units``.
    """
    ents = _once(_entities(entities, sections=sections), dedupe)
    units, has_unit, n_all = _unit_codes(ents, unit)
    if n_units is None:
        n_units = n_all
    elif n_units < n_all:
        raise InputError(f"n_units = {n_units} is smaller than the {n_all} {unit}s with entities in the table")
    keep = has_unit & _label_mask(ents, labels, exclude_labels)
    keys = _Keys(ents, by_label, keep)
    a, b, c, ca, cb, pmi, npmi, _ = _core.cooccurrence(
        _u32(units[keep]), _u32(keys.codes), keys.n, int(n_units), max(int(min_count), 1)
    )
    a = np.frombuffer(a, "<u4").astype(np.int64)
    b = np.frombuffer(b, "<u4").astype(np.int64)
    cols = {"entity_a": keys.names(a)}
    if by_label:
        cols["label_a"] = keys.labels(a)
    cols["entity_b"] = keys.names(b)
    if by_label:
        cols["label_b"] = keys.labels(b)
    cols.update(
        count=np.frombuffer(c, "<u8").astype(np.int64),
        count_a=np.frombuffer(ca, "<u8").astype(np.int64),
        count_b=np.frombuffer(cb, "<u8").astype(np.int64),
        pmi=np.frombuffer(pmi, "<f8").copy(),
        npmi=np.frombuffer(npmi, "<f8").copy(),
    )
    out = pd.DataFrame(cols)
    out.attrs.update(unit=unit, n_units=int(n_units))
    return out



# ---------------------------------------------------------------------------------------------
# Network


def cooccurrence_network(
    data: Any,
    *,
    weight: str = "count",
    top: int | None = None,
    frequency: pd.DataFrame | None = None,
    **cooccurrence_args: Any,
):
    """A networkx graph of co-occurring entities.

    ``data`` is a table from :func:`cooccurrence`, or an entities table (then
    ``cooccurrence(data, **cooccurrence_args)`` is computed, e.g. ``unit="story", min_count=3``).
    Nodes are entity names with attributes ``label`` and ``units`` (units containing the entity)
    and, given a :func:`entity_frequency` table, ``mentions``; edges carry ``count``, ``pmi``,
    ``npmi`` and ``weight`` (the ``weight`` column). ``top`` keeps the heaviest edges only.
    Needs networkx (``pip install dateline[plot]``).
    """
    try:
        import networkx as nx
    except ImportError as exc:  # pragma: no cover - exercised only without networkx
        raise ImportError("cooccurrence_network needs networkx: pip install 'dateline[plot]'") from exc
    if isinstance(data, pd.DataFrame) and "count_a" in data.columns:
        co = data
    else:
        co = cooccurrence(data, **cooccurrence_args)
    if weight not in co.columns:
        raise InputError(
            f"weight must be a column of the co-occurrence table ({', '.join(co.columns)}), not {weight!r}"
        )
    if top is not None:
        co = co.sort_values(weight, ascending=False, kind="stable").head(top)
    g = nx.Graph()
    g.graph.update(unit=co.attrs.get("unit"), n_units=co.attrs.get("n_units"), weight=weight)
    has_labels = "label_a" in co.columns
    mentions = None
    if frequency is not None:
        mentions = frequency.groupby("entity")["mentions"].sum().to_dict()
    for row in co.itertuples(index=False):
        for name, units, lab in (
            (row.entity_a, row.count_a, row.label_a if has_labels else None),
            (row.entity_b, row.count_b, row.label_b if has_labels else None),
        ):
            if name not in g:
                attrs = {"units": int(units)}
                if lab is not None:
                    attrs["label"] = lab
                if mentions is not None:
                    attrs["mentions"] = int(mentions.get(name, 0))
                g.add_node(name, **attrs)
        w = float(getattr(row, weight))
        if g.has_edge(row.entity_a, row.entity_b):
            # Same names under different labels: merge the edges.
            e = g.edges[row.entity_a, row.entity_b]
            e["count"] += int(row.count)
            e["weight"] = max(e["weight"], w)
        else:
            g.add_edge(row.entity_a, row.entity_b, count=int(row.count), pmi=float(row.pmi), npmi=float(row.npmi),
                       weight=w)
    return g


