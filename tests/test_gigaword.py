"""Issue 15, part 4: the NYT News Service / LDC Gigaword wire format in ``parse`` and the
``Corpus.from_gigaword`` reader. The SGML files and stories here are written for these tests (no
Gigaword data ships with the project), in the layouts LDC documents for English Gigaword and AQUAINT."""
from __future__ import annotations

import gzip

import pytest

import dateline
from dateline import Corpus, InputError, MissingFileError

SAMPLE = {s["id"]: s for s in dateline.sample_corpus()}["18-nyt-wire-citrus"]

GIGAWORD = """\
<DOC id="NYT_ENG_20000226.0001" type="story" >
<HEADLINE>
Growers count their losses
after a late freeze
</HEADLINE>
<DATELINE>
LAKELAND, Fla.
</DATELINE>
<TEXT>
<P>
Citrus growers across central Florida spent the week counting
frozen fruit, officials of the Ridge Growers Cooperative said.
</P>
<P>
``We lost about a third of the early oranges,'' said Ruth Alvarado,
who manages groves near Lake Wales for Polk Juice &amp; Packing.
</P>
</TEXT>
</DOC>
<DOC id="NYT_ENG_20000226.0002" type="multi" >
<HEADLINE>
Business briefs
</HEADLINE>
<TEXT>
Harbor Bank said on Friday it would close four branches in Tampa.
Orlando Rail raised its fares by 5 percent.
</TEXT>
</DOC>
<DOC id="NYT_ENG_20000226.0003" type="advis" >
<TEXT>
Editors: the freeze story moves again Sunday.
</TEXT>
</DOC>
"""

AQUAINT = """\
<DOC>
<DOCNO> NYT19980601.0001 </DOCNO>
<DOCTYPE> NEWS STORY </DOCTYPE>
<DATE_TIME> 1998-06-01 00:02 </DATE_TIME>
<HEADER>
A1234 &Cx1f; taf-z
u a &Cx13;  &Cx11;  BC-OBIT-MARLOWE-NYT &LR;      06-01 0290
</HEADER>
<BODY>
<SLUG> BC-OBIT-MARLOWE-NYT </SLUG>
<HEADLINE>
JUDITH MARLOWE, BOTANIST WHO CATALOGUED MOSSES,
DIES AT 81
</HEADLINE>
   (sw)
 By PETER HALVORSEN
 c.1998 N.Y. Times News Service
<TEXT>
<P>
   BOSTON _ Judith Marlowe, a botanist who catalogued the mosses of
New England, died on Sunday at her home in Concord, Mass.
</P>
<P>
   &HT; ``She knew every stone wall in the county,'' said her son,
David Marlowe.
</P>
</TEXT>
</BODY>
<TRAILER>
NYT-05-31-98 2002EDT &QL;
</TRAILER>
</DOC>
"""


def write(path, text: str) -> str:
    data = text.encode("utf-8")
    if str(path).endswith(".gz"):
        with gzip.open(path, "wb") as f:
            f.write(data)
    else:
        path.write_bytes(data)
    return str(path)


# ------------------------------------------------------------------ parse: the NYT wire format


def test_sample_story_in_nyt_wire_format():
    art = dateline.parse(SAMPLE["text"], date=SAMPLE["date"])
    assert art.slug == "BC-CITRUS-FREEZE-$ADV26-COX"
    assert art.advisory == ["For Use Sat., Feb. 26 And Thereafter."]
    assert art.headline == "GROWERS COUNT THEIR LOSSES AFTER A LATE FREEZE"
    assert art.bylines == ["Dana Kowalski"]
    assert (art.dateline.place, art.dateline.agency) == ("LAKELAND, Fla.", None)
    assert [(c.name, c.role) for c in art.credits] == [("Cox News Service", "copyright")]
    assert len(art.paragraphs) == 5
    assert "Polk Juice & Packing" in art.paragraphs[2].text
    for gone in ("&HT;", "&QL;", "NYT-02-25-00", "STORY CAN END", "BC-CITRUS"):
        assert gone not in art.body
    # Offsets are str indices into the text as given, codes and all.
    for p in art.paragraphs:
        assert art.text[p.start:p.end].startswith(p.text[:12])
    for e in art.entities:
        assert art.text[e.start:e.end] == e.text
    assert {"&HT;", "&QL;", "HT", "QL"}.isdisjoint(t.text for t in art.tokens)
    # `` '' quotes stay tokens of their own for the quotes stage.
    assert sum(t.text == "``" for t in art.tokens) == 4
    assert art.to_dict()["slug"] == art.slug


def test_slug_is_none_for_other_stories():
    assert dateline.parse("PARIS, Dec 17 (AFP) -- Trains stopped.").slug is None


# ------------------------------------------------------------------ Corpus.from_gigaword


def test_gigaword_documents_ids_types_dates(tmp_path):
    corpus = Corpus.from_gigaword(write(tmp_path / "nyt_eng_200002", GIGAWORD))
    arts = corpus.articles(progress=False)
    assert list(arts.id) == ["NYT_ENG_20000226.0001", "NYT_ENG_20000226.0002", "NYT_ENG_20000226.0003"]
    assert list(arts.doc_type) == ["story", "multi", "advis"]
    assert list(arts.date) == ["2000-02-26"] * 3
    assert list(arts.source) == ["NYT_ENG"] * 3
    assert list(arts.line) == [1, 20, 29]
    assert arts.error.isna().all()
    first = arts.iloc[0]
    assert first.headline == "Growers count their losses after a late freeze"
    assert (first.dateline_place, first.n_paragraphs) == ("LAKELAND, Fla.", 2)
    texts = dict(corpus.texts())
    story = texts["NYT_ENG_20000226.0001"]
    assert story.startswith("Growers count their losses after a late freeze\n\nLAKELAND, Fla. _ Citrus growers")
    assert "Polk Juice & Packing" in story  # the XML escape read
    ents = corpus.entities(progress=False)
    for row in ents.itertuples():
        assert texts[row.id][row.start:row.end] == row.text
    assert "Ruth Alvarado" in set(ents.text)


def test_gzip_folder_and_glob_give_the_same_rows(tmp_path):
    plain = Corpus.from_gigaword(write(tmp_path / "a.sgml", GIGAWORD)).articles(progress=False)
    folder = tmp_path / "gz"
    folder.mkdir()
    write(folder / "nyt_eng_200002.gz", GIGAWORD)
    for src in (folder, str(folder / "*.gz"), [folder / "nyt_eng_200002.gz"]):
        got = Corpus.from_gigaword(src).articles(progress=False)
        assert got.drop(columns="file").equals(plain.drop(columns="file"))
    with pytest.raises(MissingFileError):
        Corpus.from_gigaword(tmp_path / "missing.gz")


def test_aquaint_layout_slug_byline_credit_and_date_time(tmp_path):
    corpus = Corpus.from_gigaword(write(tmp_path / "19980601_NYT", AQUAINT))
    arts = corpus.articles(progress=False)
    row = arts.iloc[0]
    assert (row.id, row.doc_type, row.date, row.source) == ("NYT19980601.0001", "NEWS STORY", "1998-06-01", "NYT")
    assert row.headline == "JUDITH MARLOWE, BOTANIST WHO CATALOGUED MOSSES, DIES AT 81"
    assert (row.bylines, row.dateline_place, row.n_paragraphs) == ("Peter Halvorsen", "BOSTON", 2)
    (doc_id, text), = corpus.texts()
    art = dateline.parse(text, date=row.date)
    assert art.slug == "BC-OBIT-MARLOWE-NYT"
    assert art.advisory == ["(sw)"]
    assert [(c.name, c.role) for c in art.credits] == [("N.Y. Times News Service", "copyright")]
    assert art.paragraphs[1].text.startswith("``She knew every stone wall")
    assert "NYT-05-31-98" not in art.body and "A1234" not in text  # header codes are not story text


BROKEN = """\
stray text before any document
<DOC id="NYT_ENG_20000301.0001" type="story" >
<TEXT>
<P>
The first story never closes.
</P>
<DOC id="NYT_ENG_20000301.0002" type="story" >
<TEXT>
<P>
The second story is fine, officials said.
</P>
</TEXT>
</DOC>
<DOC id="NYT_ENG_20000301.0003" type="story" >
<TEXT>
<P>
The third story loses its text tag.
</P>
</DOC>
<DOC id="NYT_ENG_20000301.0004" type="story" >
<TEXT>
</TEXT>
</DOC>
more stray text
<DOC id="NYT_ENG_20000301.0005" type="story" >
<TEXT>
<P>
The last story is cut off by the end of the file.
"""


def test_broken_markup_gives_error_rows_naming_file_line_and_id(tmp_path):
    path = write(tmp_path / "broken.sgml", BROKEN)
    with pytest.warns(dateline.DatelineWarning, match="6 of 7 stories failed"):
        arts = Corpus.from_gigaword(path).articles(progress=False)
    errors = dict(zip(arts.line, arts.error))
    assert len(arts) == 7  # every document and every run of stray text has a row
    assert "text outside any <DOC> element (line 1)" in errors[1]
    assert errors[2].startswith(f"{path}:2: <DOC id='NYT_ENG_20000301.0001'>: no </DOC> before line 7")
    assert pd_isna(errors[7])
    assert "<TEXT> opened at line 15 is not closed" in errors[14]
    assert "empty story" in errors[20]
    assert "text outside any <DOC> element (line 24)" in errors[24]
    assert "no </DOC> before the end of the file" in errors[25]
    assert list(arts.id.iloc[1:4]) == ["NYT_ENG_20000301.0001", "NYT_ENG_20000301.0002", "NYT_ENG_20000301.0003"]
    assert arts.set_index("line").loc[7, "n_sentences"] == 1


def pd_isna(v) -> bool:
    return v is None or v != v


def test_truncated_gzip_keeps_the_documents_before(tmp_path):
    import random

    rng = random.Random(3)
    words = lambda n: " ".join("".join(rng.choice("abcdefghij") for _ in range(6)) for _ in range(n))  # noqa: E731
    docs = "".join(f'<DOC id="NYT_ENG_20000226.{k:04d}" type="story" >\n<TEXT>\n<P>\nThe {words(60)}.\n</P>\n'
                   "</TEXT>\n</DOC>\n" for k in range(40))
    path = tmp_path / "cut.gz"
    write(path, docs)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    arts = Corpus.from_gigaword(path).articles(progress=False)
    ok = arts[arts.error.isna()]
    assert len(ok) >= 3
    assert arts.error.dropna().str.contains("truncated or corrupt").sum() == 1


def test_over_long_document_and_line_are_error_rows(tmp_path):
    big = GIGAWORD.replace("frozen fruit,", "frozen fruit, " + "and more fruit " * 400, 1)
    arts = Corpus.from_gigaword(write(tmp_path / "big.sgml", big), max_bytes=2000).articles(progress=False)
    assert "over the limit" in arts.error.iloc[0]
    assert arts.error.iloc[1:].isna().all()
    long_line = GIGAWORD.replace("frozen fruit,", "x" * 80_000, 1)
    arts = Corpus.from_gigaword(write(tmp_path / "line.sgml", long_line), max_bytes=1000).articles(progress=False)
    assert "over" in arts.error.iloc[0] and arts.error.iloc[1:].isna().all()


def test_bad_arguments(tmp_path):
    with pytest.raises(InputError):
        Corpus.from_gigaword(write(tmp_path / "a.sgml", GIGAWORD), max_bytes=0)


def test_extract_command_reads_gigaword(tmp_path):
    from dateline._extract import corpus_from_inputs

    path = write(tmp_path / "nyt_eng_200002", GIGAWORD)
    arts = corpus_from_inputs([path], "gigaword").articles(progress=False)
    assert list(arts.doc_type) == ["story", "multi", "advis"]
    with pytest.raises(InputError, match="cannot tell the format"):
        corpus_from_inputs([path])
