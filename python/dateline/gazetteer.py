"""The gazetteer dateline resolves places with: countries, cities and regions as DataFrames.

These are the lists compiled into the extension (the same bytes the core reads; their SHA-256 are
in ``models/MANIFEST.json`` and every run manifest), so they need no file from the repository::

    from dateline import gazetteer
    gazetteer.countries().head()                  # alpha2, alpha3, name, capital, other_names
    places = entities[entities["label"].eq("GPE")]
    places[gazetteer.is_country(places["canonical"])]   # countries only, not cities

``country_code`` in the entities table is the ``alpha2`` of these tables.
"""
from __future__ import annotations

import functools
import io
from typing import TYPE_CHECKING, Any, overload

from dateline import _native

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["countries", "cities", "regions", "is_country"]

#: The compiled-in files, by their path in the repository, and the columns of each.
_FILES = {
    "countries": ("data/gazetteer/countries.tsv", ["alpha2", "alpha3", "name", "capital", "other_names"]),
    "cities": ("data/gazetteer/cities.tsv", ["name", "country_code", "population"]),
    "regions": ("data/gazetteer/regions.tsv", ["name", "country_code", "kind"]),
    "historical": ("data/gazetteer/historical.tsv", ["alpha2", "alpha3", "name", "capital", "other_names"]),
}


@functools.cache
def _text(path: str) -> str:
    return dict(_native.model_files())[path].decode("utf-8")


def _table(which: str) -> pd.DataFrame:
    import pandas as pd

    path, names = _FILES[which]
    # keep_default_na: "NA" is Namibia's code, not a missing value.
    df = pd.read_csv(io.StringIO(_text(path)), sep="\t", comment="#", header=None, names=names,
                     keep_default_na=False, dtype=str)
    if "population" in df:
        df["population"] = pd.to_numeric(df["population"], errors="coerce").astype("Int64")
    return df


def countries(historical: bool = True) -> pd.DataFrame:
    """Every country: ``alpha2`` (ISO 3166-1, the ``country_code`` of the entities table),
    ``alpha3``, ``name`` (the short name news uses, the canonical name dateline gives),
    ``capital``, ``other_names`` (other names and spellings, ``|``-separated). With
    ``historical`` (the default) the states that no longer exist follow, with their former codes:
    Soviet Union (SU), East Germany (DD), Yugoslavia (YU), Czechoslovakia (CS).

    >>> countries().query("alpha2 == 'SU'")["name"].tolist()
    ['Soviet Union']
    """
    import pandas as pd

    today = _table("countries")
    return pd.concat([today, _table("historical")], ignore_index=True) if historical else today


def cities() -> pd.DataFrame:
    """Cities: ``name``, ``country_code`` (alpha-2), ``population``."""
    return _table("cities")


def regions() -> pd.DataFrame:
    """Regions (states, provinces): ``name``, ``country_code`` (alpha-2), ``kind``."""
    return _table("regions")


@functools.cache
def _country_names() -> frozenset[str]:
    df = countries()
    names = set(df["name"])
    for other in df["other_names"]:
        names.update(n for n in other.split("|") if n)
    return frozenset(names)


@overload
def is_country(names: str) -> bool: ...
@overload
def is_country(names: Any) -> Any: ...
def is_country(names: Any) -> Any:
    """Whether a name is a country's name or one of its other names: a ``bool`` for a ``str``, a
    boolean Series for a Series (same index, so it filters the frame it came from), else a list."""
    known = _country_names()
    if isinstance(names, str):
        return names in known
    import pandas as pd

    if isinstance(names, pd.Series):
        return names.isin(known)
    return [n in known for n in names]
