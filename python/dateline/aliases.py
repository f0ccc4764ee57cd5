"""The user's own names: an alias table and phrase patterns, like spaCy's EntityRuler but compiled
once into Aho-Corasick automata in the Rust core.

``aliases=`` maps a surface form to the name it stands for, with an optional label and id:

- a dict: ``{"Big Blue": "IBM"}``, ``{"Big Blue": ("IBM", "ORG", "Q37156")}`` or
  ``{"Big Blue": {"name": "IBM", "label": "ORG", "id": "Q37156"}}``;
- a CSV file (path) or a pandas DataFrame with columns ``alias`` (or ``surface``/``text``),
  ``name`` and, optionally, ``label`` and ``id`` (or ``kb_id``);
- a list of such dicts or of ``(alias, name[, label[, id]])`` tuples.

``patterns=`` is a list of spaCy EntityRuler-style patterns: ``{"label": "ORG", "pattern": "Acme
Corp", "id": "acme"}`` (a phrase, matched as written) or ``{"label": "ORG", "pattern": [{"LOWER":
"acme"}, {"LOWER": "corp"}]}`` (a token pattern of ``ORTH``/``TEXT`` (as written) or ``LOWER``
(any case) per token); an optional ``"name"`` sets the canonical name. ``(phrase, label)`` tuples
work too.

A match counts on token boundaries inside one sentence; the leftmost longest match wins. A user's
entry wins over the model: it replaces the entities it overlaps, with the user's label (an alias
without a label takes the label of the model's entity it covers; with neither it is left alone),
its name as ``canonical`` and its id as ``kb_id``.
"""
from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping
from typing import Any

from dateline._native import UserNames
from dateline.errors import InputError

__all__ = ["UserNames", "compile_names"]

_Row = tuple[str, "str | None", "str | None", "str | None", bool]
_ALIAS_COLUMNS = ("alias", "surface", "text", "phrase")
_ID_COLUMNS = ("id", "kb_id")
_NO_SPACE_BEFORE = {",", ".", ")", "'s", "'", "%", ":", ";", "!", "?"}


def _opt(value: Any) -> str | None:
    if value is None:
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError, ImportError):
        pass
    s = str(value).strip()
    return s or None


def _from_mapping_row(alias: str, spec: Any) -> _Row:
    if isinstance(spec, Mapping):
        unknown = set(spec) - {"name", "label", "id", "kb_id"}
        if unknown:
            raise InputError(f"alias {alias!r}: unknown key(s) {sorted(unknown)}; use name, label, id")
        return (alias, _opt(spec.get("name")), _opt(spec.get("label")),
                _opt(spec.get("id", spec.get("kb_id"))), False)
    if isinstance(spec, (tuple, list)):
        if not 1 <= len(spec) <= 3:
            raise InputError(f"alias {alias!r}: expected (name[, label[, id]]), got {spec!r}")
        name, label, kb = (list(spec) + [None, None])[:3]
        return (alias, _opt(name), _opt(label), _opt(kb), False)
    return (alias, _opt(spec), None, None, False)


def _records_rows(records: Iterable[Mapping[str, Any]], what: str) -> list[_Row]:
    rows = []
    for i, r in enumerate(records):
        col = next((c for c in _ALIAS_COLUMNS if c in r and _opt(r[c])), None)
        if col is None:
            raise InputError(f"{what} row {i}: no alias column (one of {', '.join(_ALIAS_COLUMNS)})")
        kb = next((r[c] for c in _ID_COLUMNS if c in r and _opt(r[c])), None)
        rows.append((str(r[col]).strip(), _opt(r.get("name")), _opt(r.get("label")), _opt(kb), False))
    return rows


def _alias_rows(aliases: Any) -> list[_Row]:
    if isinstance(aliases, (str, os.PathLike)):
        path = os.fspath(aliases)
        if not os.path.exists(path):
            from dateline.errors import MissingFileError

            raise MissingFileError(f"alias table {path!r} does not exist")
        with open(path, newline="", encoding="utf-8") as f:
            return _records_rows(csv.DictReader(f), f"alias table {path!r}")
    if isinstance(aliases, Mapping):
        return [_from_mapping_row(str(k), v) for k, v in aliases.items()]
    if hasattr(aliases, "to_dict") and hasattr(aliases, "columns"):
        return _records_rows(aliases.to_dict("records"), "alias DataFrame")
    if isinstance(aliases, Iterable):
        rows = []
        for item in aliases:
            if isinstance(item, Mapping):
                rows.extend(_records_rows([item], "alias"))
            elif isinstance(item, (tuple, list)) and len(item) >= 2:
                rows.append(_from_mapping_row(str(item[0]), tuple(item[1:])))
            else:
                raise InputError(f"alias entries are dicts or (alias, name[, label[, id]]) tuples, got {item!r}")
        return rows
    raise InputError(f"aliases must be a dict, a CSV path, a DataFrame or a list, got {type(aliases).__name__}")


def _token_phrase(tokens: list[Any], where: str) -> tuple[str, bool]:
    words, cased = [], set()
    for t in tokens:
        if not isinstance(t, Mapping) or len(t) != 1:
            raise InputError(f"{where}: each token is a dict with one of ORTH, TEXT, LOWER; got {t!r}")
        (key, value), = t.items()
        key = str(key).upper()
        if key not in ("ORTH", "TEXT", "LOWER"):
            raise InputError(f"{where}: token key {key!r} is not supported; use ORTH, TEXT or LOWER")
        cased.add(key == "LOWER")
        words.append(str(value))
    if not words:
        raise InputError(f"{where}: an empty token pattern")
    if len(cased) > 1:
        raise InputError(f"{where}: mixes LOWER with ORTH/TEXT; use one kind per pattern")
    phrase = words[0]
    for w in words[1:]:
        phrase += w if w in _NO_SPACE_BEFORE or w.startswith("'") else " " + w
    return phrase, cased.pop()


def _pattern_rows(patterns: Any) -> list[_Row]:
    if isinstance(patterns, (str, Mapping)) or not isinstance(patterns, Iterable):
        raise InputError("patterns must be a list of {'label': ..., 'pattern': ...} dicts or (phrase, label) tuples")
    rows = []
    for i, p in enumerate(patterns):
        where = f"pattern {i}"
        if isinstance(p, (tuple, list)):
            if len(p) != 2:
                raise InputError(f"{where}: expected (phrase, label), got {p!r}")
            rows.append((str(p[0]), None, _opt(p[1]), None, False))
            continue
        if not isinstance(p, Mapping) or "pattern" not in p or "label" not in p:
            raise InputError(f"{where}: a pattern is a dict with 'label' and 'pattern' (and optional 'id', 'name')")
        pat = p["pattern"]
        if isinstance(pat, str):
            phrase, lower = pat, False
        else:
            phrase, lower = _token_phrase(list(pat), where)
        rows.append((phrase, _opt(p.get("name")), _opt(p["label"]), _opt(p.get("id", p.get("kb_id"))), lower))
    return rows


def compile_names(aliases: Any = None, patterns: Any = None) -> UserNames | None:
    """Compiles ``aliases`` and ``patterns`` (see the module doc) into one :class:`UserNames`, or
    returns None when both are empty. An already compiled ``UserNames`` passed as ``aliases`` is
    returned as it is (with ``patterns`` None). Raises :class:`InputError` for a malformed entry or
    an unknown label."""
    if isinstance(aliases, UserNames):
        if patterns is not None:
            raise InputError("pass patterns together with aliases to compile_names, not with a compiled UserNames")
        return aliases
    rows: list[_Row] = []
    if aliases is not None:
        rows.extend(_alias_rows(aliases))
    if patterns is not None:
        rows.extend(_pattern_rows(patterns))
    if not rows:
        return None
    for r in rows:
        if not r[0].strip():
            raise InputError(f"an empty alias or pattern phrase: {r!r}")
    return UserNames(rows)
