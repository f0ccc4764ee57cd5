"""Each output record is declared once (src/records/mod.rs). This test fails, printing the fix, when
the stub `_native/__init__.pyi`, the pyclasses, `to_dict`, the corpus DataFrames or the Arrow schema disagree
with that declaration."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pyarrow as pa
import pytest

import dateline
from dateline import Corpus, _native

STUB = Path(dateline.__file__).with_name("_native") / "__init__.pyi"
RECORDS = [name for name in dir(_native) if isinstance(getattr(_native, name), type)
           and "__fields__" in vars(getattr(_native, name))]
STORY = ("Markets rally\nSEOUL, July 27 (Yonhap) -- \"It was a good day,\" said Kim Min-jun of Mirae Asset, "
         "after the Korean Central News Agency (KCNA) said North Korea met China. Stocks rose 2 percent.\n\n"
         "The won gained against the dollar in Seoul.")


def stub_fields() -> dict:
    out = {}
    for node in ast.parse(STUB.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ClassDef):
            # fields are read-only properties: `@property def name(self) -> T`
            out[node.name] = [(f.name, ast.unparse(f.returns)) for f in node.body
                              if isinstance(f, ast.FunctionDef) and f.returns is not None
                              and any(isinstance(d, ast.Name) and d.id == "property" for d in f.decorator_list)]
    return out


def _norm(annotation: str) -> str:
    # A Literal of strings is a str to the record declaration.
    return "str" if re.fullmatch(r"Literal\[.*\]", annotation) else annotation


def test_every_record_class_is_checked():
    assert set(RECORDS) >= {"Token", "Sentence", "Paragraph", "Caption", "Dateline", "Byline", "Entity", "Cluster",
                            "Quote", "Acronym", "Event"}


@pytest.mark.parametrize("name", RECORDS)
def test_stub_matches_the_declaration(name):
    declared = [tuple(f) for f in getattr(_native, name).__fields__]
    stub = stub_fields().get(name)
    fix = "\n".join(f"    @property\n    def {n}(self) -> {t}: ..." for n, t in declared)
    assert stub is not None, f"_native/__init__.pyi has no class {name}; add:\nclass {name}:\n{fix}"
    assert [(n, _norm(t)) for n, t in stub] == declared, (
        f"_native/__init__.pyi's {name} disagrees with src/records/mod.rs; its fields should read:\n{fix}")


def _instances():
    art = dateline.parse(STORY, date="2023-07-27")
    groups = {"Token": art.tokens, "Sentence": art.sentences, "Paragraph": art.paragraphs,
              "Caption": art.captions, "Dateline": [art.dateline], "Byline": art.byline_details,
              "Entity": art.entities, "Cluster": art.clusters, "Quote": art.quotes, "Acronym": art.acronyms,
              "Event": art.events}
    return {k: v for k, v in groups.items() if v and v[0] is not None}


PY_TYPES = {"str": str, "int": int, "bool": bool, "list[Entity]": list}


def test_pyclass_attributes_and_dict_keys_follow_the_declaration():
    seen = _instances()
    assert {"Token", "Sentence", "Paragraph", "Dateline", "Entity", "Cluster", "Quote"} <= set(seen)
    for name, items in seen.items():
        fields = getattr(_native, name).__fields__
        for item in items:
            assert list(item.to_dict()) == [n for n, _ in fields], name
            for n, t in fields:
                value = getattr(item, n)
                inner = t.removesuffix(" | None")
                assert (value is None and t.endswith(" | None")) or isinstance(value, PY_TYPES[inner]), (name, n)


ARROW = {"str": pa.large_string(), "int": pa.int64(), "bool": pa.bool_()}


def _base(t: str) -> str:
    return t.removesuffix(" | None")


def test_corpus_tables_follow_the_declaration():
    corpus = Corpus.from_records([{"id": "a", "text": STORY, "date": "2023-07-27"}, {"id": "b", "text": ""}])
    frames = corpus.tables(progress=False)
    for table, cols in _native.CORPUS_COLUMNS.items():
        names = [n for n, _ in cols]
        arrow = corpus.to_arrow(table, progress=False)
        assert arrow.schema.names == names, f"{table}: Arrow columns {arrow.schema.names}, declared {names}"
        for n, t in cols:
            assert arrow.schema.field(n).type == ARROW[_base(t)], (table, n)
        df = frames[table]
        assert list(df.columns) == names, f"{table}: DataFrame columns {list(df.columns)}, declared {names}"
        for n, t in cols:
            dtype = str(df[n].dtype)
            if _base(t) == "int":
                nullable = table == "articles" or t.endswith("| None")
                assert dtype == ("Int64" if nullable else "int64"), (table, n, dtype)
            elif _base(t) == "bool":
                assert dtype == "bool", (table, n, dtype)
            else:
                assert dtype in ("object", "str", "string"), (table, n, dtype)
    # A per-mention table holds the story's id and date, then every field of its record.
    for table, record in [("entities", "Entity"), ("quotes", "Quote"), ("events", "Event"),
                          ("attributions", "Attribution")]:
        cols = [tuple(c) for c in _native.CORPUS_COLUMNS[table]]
        assert cols[:2] == [("id", "str | None"), ("date", "str | None")]
        # The events table's date is the event's own (its sentence's day, else the story's).
        keys = 1 if table == "events" else 2
        # ... and last the story's duplicate_of, as in the articles table
        assert cols[-1] == ("duplicate_of", "str | None")
        assert sorted(cols[keys:-1]) == sorted(tuple(f) for f in getattr(_native, record).__fields__), table
