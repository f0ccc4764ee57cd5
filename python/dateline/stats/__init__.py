"""Corpus statistics over dateline's tables: who is in the news, with whom, quoted by whom, and when.

Every function takes the tables a :class:`dateline.Corpus` gives back (or the same tables read back
from Parquet), so they work on saved results too:

* ``entities``: one row per mention, columns ``id, date, text, label, canonical, start, end,
  sentence`` (and more that are ignored here);
* ``articles`` (optional): one row per story, columns ``id, date, source, ...``;
* ``quotes`` (optional): one row per quote, columns ``id, text, speaker, verb, ...``.

``labels=`` and ``exclude_labels=`` take dateline's labels (:data:`LABELS`) or the CoNLL-2003 types
``PER``, ``ORG``, ``LOC``, ``MISC`` (:data:`CONLL_TYPES`: ``"LOC"`` selects GPE, LOC and FAC, as
``dateline eval conll`` scores them); an unknown label raises :class:`dateline.InputError`.

An entity is named by its ``canonical`` form, or by its surface ``text`` where no canonical form
was found; case variants of a name across the table ("LONDON", "London") are counted under the
corpus's usual form (the most frequent one not written in capitals). A table linked by
:func:`dateline.link` (``Corpus.entities(link=True)``; columns ``entity_id`` and ``name``) is
counted by ``entity_id`` and shown under ``name``: "Reagan" and "Ronald Reagan" are one row. Where
two ids of one label share a name, the less frequent shows the first 6 digits of its id after it.

Sections: every function counts only the mentions (and quotes) in ``sections``, by default
``DEFAULT_SECTIONS`` = headline, body and caption: datelines, bylines and credit lines (reporters,
editors, contributors, agency sign-offs, copyright lines) are left out, so "Reuters" and the
reporters of a wire are not counted as news. ``sections=None`` counts every section; a table
without a ``section`` column is counted whole.

By default an entity is the pair (name, label), so "Washington" the person and "Washington" the
place are counted apart; ``by_label=False`` merges them.

Story identity: every function counts each story once by default (``dedupe=True``): rows of
near-duplicate versions of a story (a repeat, update or correction, found by
:mod:`dateline.dedupe`; their ``duplicate_of`` column names the first version) are left out, the first
version is counted. ``dedupe=False`` counts every version. The tables a ``Corpus`` returns carry the
column; :func:`mark_duplicates` adds it to a table from the articles table; a table without it is
counted whole.

Names, story ids, sentences and periods are encoded to integer codes here (pandas ``factorize``,
vectorised) and the counting runs in dateline's Rust core with the GIL released.

Instead of a DataFrame, each function also accepts anything with an ``.entities()`` method (a
``Corpus``). :class:`CorpusStats` bundles the tables and offers every statistic as a method.
"""
from __future__ import annotations

from dateline.stats._base import (
    CONLL_TYPES,
    DEFAULT_SECTIONS,
    LABELS,
    NAME_LABELS,
    SECTIONS,
    VALUE_LABELS,
    usual_forms,
)
from dateline.stats._base import NO_DAY as NO_DAY
from dateline.stats._base import Labels as Labels
from dateline.stats._base import Sections as Sections
from dateline.stats._corpus_stats import CorpusStats
from dateline.stats._counts import cooccurrence, cooccurrence_network, entity_frequency
from dateline.stats._dedupe import mark_duplicates
from dateline.stats._events import MOODS, event_counts
from dateline.stats._texts import kwic, quotes_by_speaker
from dateline.stats._trends import keyness, stories_where, timeline

__all__ = [
    "entity_frequency",
    "event_counts",
    "MOODS",
    "cooccurrence",
    "timeline",
    "keyness",
    "stories_where",
    "quotes_by_speaker",
    "kwic",
    "cooccurrence_network",
    "CorpusStats",
    "NAME_LABELS",
    "VALUE_LABELS",
    "LABELS",
    "CONLL_TYPES",
    "SECTIONS",
    "DEFAULT_SECTIONS",
    "usual_forms",
    "mark_duplicates",
]

