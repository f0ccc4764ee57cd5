"""Plots of dateline's statistics (matplotlib; ``pip install 'dateline[plot]'``).

Each function takes the table a :mod:`dateline.stats` function returns (or the entities table
itself, computing the statistic with default settings), draws on ``ax`` if given (else on a new
figure) and returns the matplotlib ``Axes``, so it can be styled further or saved with
``ax.figure.savefig(...)``.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from dateline import stats as _stats
from dateline.errors import InputError

__all__ = ["timeline", "top_entities", "network", "LABEL_COLORS"]

# One colour per entity label, readable on white and for common colour-vision deficiencies
# (Okabe-Ito palette).
LABEL_COLORS = {
    "PER": "#0072B2",
    "PERSON": "#0072B2",
    "ORG": "#E69F00",
    "LOC": "#009E73",
    "GPE": "#009E73",
    "MISC": "#CC79A7",
    "NORP": "#CC79A7",
}
_OTHER = "#999999"


def _plt():
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - only without matplotlib
        raise ImportError("dateline.plot needs matplotlib: pip install 'dateline[plot]'") from exc
    return plt


def _axes(ax, figsize):
    if ax is not None:
        return ax
    fig, ax = _plt().subplots(figsize=figsize, layout="constrained")
    return ax


def timeline(
    data: pd.DataFrame,
    names: Any = None,
    *,
    ax=None,
    freq: str = "W",
    count: str = "mentions",
    top: int = 5,
    title: str | None = None,
    marker: str = "o",
    figsize=(8, 4),
):
    """Line per entity over time.

    ``data`` is a table from :func:`dateline.stats.timeline` (periods as rows, entities as
    columns) or an entities table (then the timeline of ``names`` or of the ``top`` entities is
    computed with ``freq`` and ``count``). Returns the Axes.
    """
    if isinstance(data.index, pd.PeriodIndex):
        tl = data
    else:
        tl = _stats.timeline(data, names, freq=freq, count=count, top=top,
                             labels=None if names is not None else _stats.NAME_LABELS)
    ax = _axes(ax, figsize)
    x = tl.index.to_timestamp(how="start") if len(tl) else []
    for name in tl.columns:
        ax.plot(x, tl[name].to_numpy(), marker=marker if len(tl) <= 60 else None, markersize=3, linewidth=1.6,
                label=str(name))
    unit = tl.attrs.get("count", count)
    freq_alias = str(tl.attrs.get("freq", freq))
    freq_name = {"D": "day", "W": "week", "M": "month"}.get(freq_alias, freq_alias)
    ax.set_ylabel(f"{unit} per {freq_name}")
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", alpha=0.3)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if len(tl.columns):
        ax.legend(frameon=False, fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    if title:
        ax.set_title(title)
    ax.figure.autofmt_xdate()
    return ax


def top_entities(
    data: pd.DataFrame,
    n: int = 15,
    *,
    ax=None,
    column: str = "mentions",
    labels=None,
    title: str | None = None,
    figsize=None,
):
    """Horizontal bars of the ``n`` most frequent entities, the largest on top, coloured by label.

    ``data`` is a table from :func:`dateline.stats.entity_frequency` (or a keyness table with
    ``column="g2"``), or an entities table (then the frequency is computed, with ``labels``;
    by default :data:`dateline.stats.NAME_LABELS`, leaving dates and amounts out).
    Returns the Axes.
    """
    if column not in data.columns and "mentions" not in data.columns:
        data = _stats.entity_frequency(data, labels=labels if labels is not None else _stats.NAME_LABELS)
    elif labels is not None and "label" in data.columns:
        keep = [labels] if isinstance(labels, str) else list(labels)
        data = data[data["label"].isin(keep)]
    if column not in data.columns:
        raise InputError(f"column {column!r} is not in the table ({', '.join(map(str, data.columns))})")
    top = data.sort_values(column, ascending=False, kind="stable").head(n).iloc[::-1]
    ax = _axes(ax, figsize or (7, 0.32 * max(len(top), 3) + 1.0))
    has_label = "label" in top.columns
    colors = [LABEL_COLORS.get(lab, _OTHER) for lab in top["label"]] if has_label else "#0072B2"
    ax.barh(np.arange(len(top)), top[column].to_numpy(dtype=float), color=colors, height=0.7)
    ax.set_yticks(np.arange(len(top)), [str(e) for e in top["entity"]])
    ax.set_xlabel(column.replace("_", " "))
    ax.grid(axis="x", alpha=0.3)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if has_label and len(top):
        from matplotlib.patches import Patch

        seen = list(dict.fromkeys(top["label"].iloc[::-1]))
        ax.legend(handles=[Patch(color=LABEL_COLORS.get(lab, _OTHER), label=str(lab)) for lab in seen],
                  frameon=False, fontsize="small", loc="lower right")
    if title:
        ax.set_title(title)
    return ax


def network(
    data: Any,
    *,
    ax=None,
    top: int = 40,
    weight: str = "count",
    layout: str = "spring",
    seed: int = 7,
    title: str | None = None,
    figsize=(8, 7),
    **cooccurrence_args: Any,
):
    """Draw a co-occurrence network: node size by units (or mentions), edge width by weight.

    ``data`` is a networkx graph from :func:`dateline.stats.cooccurrence_network`, a co-occurrence
    table or an entities table (``cooccurrence_args`` such as ``unit="story", min_count=3`` are
    passed on; ``labels`` defaults to :data:`dateline.stats.NAME_LABELS`). Only the ``top``
    heaviest edges are drawn. Layouts: "spring" (seeded, so the picture is reproducible),
    "kamada_kawai" or "circular". Returns the Axes.
    """
    import networkx as nx

    if not isinstance(data, nx.Graph) and not (isinstance(data, pd.DataFrame) and "count_a" in data.columns):
        cooccurrence_args.setdefault("labels", _stats.NAME_LABELS)
    if isinstance(data, nx.Graph):
        g = data
    else:
        g = _stats.cooccurrence_network(data, weight=weight, top=top, **cooccurrence_args)
    if isinstance(data, nx.Graph) and g.number_of_edges() > top:
        keep = sorted(g.edges(data=True), key=lambda e: -e[2].get("weight", 1.0))[:top]
        g = g.edge_subgraph([(u, v) for u, v, _ in keep]).copy()
    ax = _axes(ax, figsize)
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    if g.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no co-occurring pairs", ha="center", va="center", transform=ax.transAxes)
        return ax
    if layout == "spring":
        pos = nx.spring_layout(g, seed=seed, weight="weight", k=1.5 / np.sqrt(g.number_of_nodes()))
    elif layout == "kamada_kawai":
        pos = nx.kamada_kawai_layout(g)
    elif layout == "circular":
        pos = nx.circular_layout(g)
    else:
        raise InputError(f"layout must be 'spring', 'kamada_kawai' or 'circular', not {layout!r}")
    size_of = np.array([g.nodes[v].get("mentions", g.nodes[v].get("units", 1)) for v in g], dtype=float)
    sizes = 80 + 900 * np.sqrt(size_of / size_of.max())
    colors = [LABEL_COLORS.get(g.nodes[v].get("label"), _OTHER) for v in g]
    w = np.array([abs(d.get("weight", 1.0)) for _, _, d in g.edges(data=True)], dtype=float)
    widths = 0.5 + 4.5 * (w / w.max() if len(w) and w.max() > 0 else w)
    nx.draw_networkx_edges(g, pos, ax=ax, width=widths, edge_color="#555555", alpha=0.45)
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=sizes, node_color=colors, alpha=0.9, linewidths=0.5,
                           edgecolors="white")
    nx.draw_networkx_labels(g, pos, ax=ax, font_size=8)
    labels_present = list(dict.fromkeys(g.nodes[v].get("label") for v in g if g.nodes[v].get("label")))
    if labels_present:
        from matplotlib.lines import Line2D

        ax.legend(handles=[Line2D([], [], marker="o", linestyle="", color=LABEL_COLORS.get(lab, _OTHER), label=lab)
                           for lab in labels_present], frameon=False, fontsize="small", loc="lower left")
    return ax
