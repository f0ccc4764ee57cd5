"""docs/reference.md documents every output: each public attribute of Article and of each record
class, each column of the four corpus tables, each label (with its CoNLL type), each shape of time
value the pipeline produces, each event predicate and each error class. A new attribute, column,
label, value format or predicate without a row here fails this test, naming what is missing."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import dateline
from dateline import Corpus, _native, errors

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO / "docs" / "reference.md"
RECORDS = ["Token", "Sentence", "Paragraph", "Caption", "Dateline", "Byline", "Entity", "Cluster", "Acronym",
           "Quote", "Event", "Attribution"]


def section(title: str) -> str:
    """The text under the heading `title` (any level), up to the next heading of the same or a higher level."""
    text = REFERENCE.read_text(encoding="utf-8")
    m = re.search(rf"^(#+) {re.escape(title)}\s*$", text, re.M)
    assert m is not None, f"docs/reference.md has no section {title!r}"
    level = len(m.group(1))
    end = re.search(rf"^#{{1,{level}}} ", text[m.end():], re.M)
    return text[m.end(): m.end() + end.start() if end else len(text)]


def rows(title: str) -> dict[str, list[str]]:
    """First cell (without backticks) -> the row's cells, for the tables of a section."""
    out = {}
    for line in section(title).splitlines():
        if line.startswith("| `"):
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            out[cells[0].strip("`")] = cells
    return out


def missing(names, documented) -> list[str]:
    return sorted(set(names) - set(documented))


def test_readme_links_the_reference():
    assert "docs/reference.md" in (REPO / "README.md").read_text(encoding="utf-8")


def test_every_article_attribute_has_a_row():
    public = [n for n in dir(dateline.Article) if not n.startswith("_")]
    documented = rows("Article")
    assert not missing(public, documented), f"Article attributes without a row: {missing(public, documented)}"
    assert "len(article)" in documented


@pytest.mark.parametrize("name", RECORDS)
def test_every_record_field_has_a_row(name):
    cls = getattr(dateline, name)
    fields = [f for f, _ in cls.__fields__]
    public = {n for n in dir(cls) if not n.startswith("_")} - {"to_dict"}
    assert set(fields) == public  # __fields__ is the whole record
    documented = rows(name)
    assert not missing(fields, documented), f"{name} fields without a row: {missing(fields, documented)}"
    # The type column says what the stub says.
    for f, typ in cls.__fields__:
        assert documented[f][1].replace("\\|", "|").strip("`") == typ, (name, f, documented[f][1], typ)


@pytest.fixture(scope="module")
def sample_tables():
    return Corpus.from_records(dateline.sample_corpus()).tables()


@pytest.mark.parametrize("table", ["articles", "entities", "quotes", "events", "attributions"])
def test_every_table_column_has_a_row(sample_tables, table):
    columns = list(sample_tables[table].columns)
    documented = rows(f"Table `{table}`")
    assert not missing(columns, documented), f"{table} columns without a row: {missing(columns, documented)}"
    assert [c for c in documented if c in columns] == columns, "rows in the table's column order"


def test_every_label_has_a_row_with_its_conll_type():
    documented = rows("Labels")
    labels = dict(_native.LABELS)
    assert not missing(labels, documented), f"labels without a row: {missing(labels, documented)}"
    for label, conll in labels.items():
        assert documented[label][-1] == (conll or "-"), (label, documented[label][-1], conll)


# Time expressions of every kind the grammar values, on top of the sample corpus.
TIME_STORY = (
    "SEOUL, May 8 (Yonhap) -- The talks held on Tuesday morning lasted three hours. Officials met every "
    "Thursday since last week. The plan, set for next summer, covers the fourth quarter of 2027 and the first "
    "half of next year. Prices rose 5 percent in the 1990s and in the 20th century. The minister said that now "
    "is the time. Last weekend, 40 people met at 3 p.m. on Monday evening. In recent years, exports grew for "
    "two years. Tonight it rains. Early this month, trading rose. In the next few days, a deal is due. "
    "The firm said it would act soon. The following month was busy. This autumn was wet."
)


def value_shape(value: str) -> str:
    if value.startswith("P"):
        return re.sub(r"\d+", "9", value)  # a duration's number has any length
    return re.sub(r"\d", "9", value)


def test_every_time_value_shape_has_a_row():
    arts = [dateline.parse(s["text"], date=s["date"]) for s in dateline.sample_corpus()]
    arts += [dateline.parse(TIME_STORY, date="2024-05-08"), dateline.parse("Kim met Putin on July 27.")]
    shapes = {value_shape(e.value): e.value for a in arts for e in a.entities if e.value}
    assert len(shapes) >= 15  # the test sees the formats, not a handful of days
    text = section("Time values")
    undocumented = {s: v for s, v in shapes.items() if f"`{s}`" not in text}
    assert not undocumented, f"value shapes without a row in 'Time values': {undocumented}"


def test_every_event_predicate_has_a_row():
    src = (REPO / "src" / "reading" / "events" / "lexicon.rs").read_text(encoding="utf-8")
    base = src[src.index("fn base(self)"): src.index("fn object_ok")]
    predicates = set(re.findall(r'=> "([a-z ]+)"', base))
    # Every predicate is a `Pred` variant named in `base` (push takes the enum; its strings are moods).
    assert "meet" in predicates and len(predicates) >= 10
    documented = rows("Event predicates")
    assert not missing(predicates, documented), f"predicates without a row: {missing(predicates, documented)}"
    arts = [dateline.parse(s["text"], date=s["date"]) for s in dateline.sample_corpus()]
    assert {e.predicate for a in arts for e in a.events} <= set(documented)


def test_every_error_class_has_a_row():
    documented = rows("Errors and warnings")
    assert not missing(errors.__all__, documented), missing(errors.__all__, documented)
