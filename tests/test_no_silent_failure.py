"""Issue 19, "a notebook user's day": every surprise a new user met is an error, a warning or a
documented default now. Each test names the item of the issue it covers."""
from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

import dateline
from dateline import Corpus, DatelineWarning, InputError, MissingFileError, cli, stats

REPO = Path(__file__).resolve().parents[1]
# "Tuesday" resolves only against the story date: a lost date shows as a value without a day.
STORY = "GENEVA (Reuters) - The Swiss central bank said on Tuesday it would keep rates unchanged."
DATE = "2024-03-08"


def frame(**extra) -> pd.DataFrame:
    return pd.DataFrame({"id": ["a", "b"], "text": [STORY, STORY], "date": [DATE, DATE], **extra})


def tuesday_values(ents: pd.DataFrame) -> list:
    return ents.loc[ents["text"] == "Tuesday", "value"].tolist()


# ---------------------------------------------------------------- one set of column defaults


def _readers(tmp_path: Path, df: pd.DataFrame):
    """The same stories through every reader, with their default arguments."""
    jsonl = tmp_path / "s.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in df.to_dict("records")), encoding="utf-8")
    csv = tmp_path / "s.csv"
    df.to_csv(csv, index=False)
    parquet = tmp_path / "s.parquet"
    df.to_parquet(parquet)
    return {
        "from_pandas": lambda **kw: Corpus.from_pandas(df, **kw),
        "from_jsonl": lambda **kw: Corpus.from_jsonl(jsonl, **kw),
        "from_csv": lambda **kw: Corpus.from_csv(csv, **kw),
        "from_parquet": lambda **kw: Corpus.from_parquet(parquet, **kw),
        "from_records": lambda **kw: Corpus.from_records(df.to_dict("records"), **kw),
    }


def test_every_reader_and_the_accessor_use_id_and_date_columns_by_default(tmp_path):
    # Before: from_pandas, from_csv, from_parquet and df.dateline ignored a `date` column unless
    # told, so dates came back empty and "Tuesday" lost its value, with no warning.
    df = frame()
    for name, make in _readers(tmp_path, df).items():
        arts = make().articles()
        assert list(arts["id"]) == ["a", "b"], name
        assert list(arts["date"]) == [DATE, DATE], name
        assert tuesday_values(make().entities()) == ["2024-03-05"] * 2, name
    ents = df.dateline.entities()
    assert tuesday_values(ents) == ["2024-03-05"] * 2
    assert list(df.dateline.articles()["date"]) == [DATE, DATE]


def test_inputs_without_id_or_date_columns_still_work(tmp_path):
    df = pd.DataFrame({"text": [STORY]})
    for name, make in _readers(tmp_path, df).items():
        arts = make().articles()
        assert arts["error"].isna().all(), name
        assert arts["date"].isna().all(), name
    assert df.dateline.articles()["error"].isna().all()


def test_a_named_column_that_is_missing_is_an_error_at_once_in_every_reader(tmp_path):
    # Before: from_jsonl(text="body") on records without `body` ran and gave 0 rows, no warning.
    df = frame()
    for name, make in _readers(tmp_path, df).items():
        for kw in ({"text": "body"}, {"date": "published"}, {"id": "nope"}):
            with pytest.raises(InputError, match=repr(next(iter(kw.values())))):
                make(**kw)
                pytest.fail(f"{name}({kw}) did not raise")
    with pytest.raises(InputError, match="'published'"):
        df.dateline.entities(date="published")


# ---------------------------------------------------------------- the command line


def _extract(argv, capsys):
    code = cli.main(["extract", *argv, "--no-progress"])
    return code, capsys.readouterr().err


def test_extract_exit_codes_follow_the_table(tmp_path, capsys):
    good = tmp_path / "good.csv"
    frame().to_csv(good, index=False)
    code, err = _extract([str(good), "-o", str(tmp_path / "ok")], capsys)
    assert code == cli.EXIT_OK, err
    # Every story fails (empty texts): 1, and 0 with --allow-errors.
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": ""}\n{"text": "   "}\n', encoding="utf-8")
    with pytest.warns(DatelineWarning, match="2 of 2 stories failed"):
        code, err = _extract([str(bad), "-o", str(tmp_path / "out1")], capsys)
    assert code == cli.EXIT_FAILED, err
    with pytest.warns(DatelineWarning):
        code, err = _extract([str(bad), "-o", str(tmp_path / "out2"), "--allow-errors"], capsys)
    assert code == cli.EXIT_OK, err


@pytest.mark.parametrize("flag", [["--id", "nope"], ["--date", "published"], ["--text", "body"]])
def test_extract_refuses_a_named_column_the_csv_lacks(tmp_path, capsys, flag):
    # Before: --id nope and --date published were ignored when the CSV had no such column.
    src = tmp_path / "s.csv"
    frame().to_csv(src, index=False)
    code, err = _extract([str(src), "-o", str(tmp_path / "out"), *flag], capsys)
    assert code == cli.EXIT_INPUT
    assert repr(flag[1]) in err
    assert not (tmp_path / "out").exists()


def test_extract_refuses_an_output_that_is_not_parquet(tmp_path, capsys):
    # Before: -o out.csv silently made a folder of Parquet files called out.csv.
    src = tmp_path / "s.csv"
    frame().to_csv(src, index=False)
    code, err = _extract([str(src), "-o", str(tmp_path / "out.csv")], capsys)
    assert code == cli.EXIT_INPUT
    assert "Parquet" in err and "out.csv" in err
    assert not (tmp_path / "out.csv").exists()
    with pytest.raises(InputError, match="Parquet"):
        Corpus.from_pandas(frame()).to_parquet(tmp_path / "tables.json")


def test_the_exit_code_table_is_one_table():
    # cli.EXIT_CODES is the one table: `dateline --help` prints it and the README shows the same codes.
    assert set(cli.EXIT_CODES) == {0, 1, 2, 130}
    help_text = cli.build_parser().format_help()
    for code in cli.EXIT_CODES:
        assert re.search(rf"^\s+{code}\s", help_text, re.M), code
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = re.search(r"`dateline` exits with:\n\n(\|.*\n)+", readme)
    assert table is not None
    assert {int(c) for c in re.findall(r"^\| (\d+) \|", table.group(0), re.M)} == set(cli.EXIT_CODES)


# ---------------------------------------------------------------- empty globs, labels, parse(path)


def test_a_glob_or_folder_with_no_stories_is_an_error(tmp_path):
    # Before: from_files("nomatch/*.txt") was an empty corpus, silently.
    with pytest.raises(MissingFileError, match="no files match"):
        Corpus.from_files(str(tmp_path / "nomatch" / "*.txt"))
    with pytest.raises(MissingFileError, match="no \\*.txt files"):
        Corpus.from_files(tmp_path)
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    assert len(Corpus.from_files(str(tmp_path / "*.txt"))) == 1


@pytest.fixture(scope="module")
def sample_tables():
    corpus = Corpus.from_records(dateline.sample_corpus())
    return corpus, corpus.tables()


def test_conll_labels_are_accepted_and_unknown_labels_raise(sample_tables):
    # Before: labels="PER" (the docstring's own example) gave an empty table: the label is PERSON.
    _, tables = sample_tables
    ents = tables["entities"]
    per = stats.entity_frequency(ents, labels="PER")
    assert len(per) > 0 and set(per["label"]) == {"PERSON"}
    assert per.equals(stats.entity_frequency(ents, labels="PERSON"))
    loc = stats.entity_frequency(ents, labels="LOC")
    assert {"GPE", "LOC"} <= set(loc["label"])
    with pytest.raises(InputError, match="PERSON"):
        stats.entity_frequency(ents, labels="PERSN")
    with pytest.raises(InputError, match="unknown label"):
        stats.cooccurrence(ents, labels=["ORG", "COMPANY"])
    # A table in another scheme may use its own labels.
    own = pd.DataFrame({"id": ["a"], "text": ["Acme"], "label": ["COMPANY"], "canonical": ["Acme"]})
    assert len(stats.entity_frequency(own, labels="COMPANY")) == 1


def test_parse_of_a_file_name_warns(tmp_path, monkeypatch):
    # Before: dateline.parse("stories/ap_rail.txt") parsed the path as the story, silently.
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "ap_rail.txt").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.warns(DatelineWarning, match="file name 'stories/ap_rail.txt'"):
        dateline.parse("stories/ap_rail.txt")
    with pytest.warns(DatelineWarning, match="file name"):
        dateline.entities("stories/ap_rail.txt")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dateline.parse(STORY)  # a story: no warning
        dateline.parse("stories/none.txt")  # no such file: a (short) story


def test_a_run_where_most_stories_fail_warns_with_the_commonest_error():
    records = [{"id": str(i), "body": STORY} for i in range(3)] + [{"id": "x", "text": STORY}]
    with pytest.warns(DatelineWarning, match=r"3 of 4 stories failed; the commonest error \(3\): no 'text'"):
        Corpus.from_records(iter(records)).articles()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Corpus.from_records([{"text": STORY}, {"text": ""}]).articles()  # half is not most


# ---------------------------------------------------------------- texts, kwic, progress


def test_kwic_takes_the_corpus_for_its_texts(sample_tables, tmp_path):
    # Before: CorpusStats.kwic said texts= could be "a Corpus", then raised TypeError.
    corpus, tables = sample_tables
    texts = dict(corpus.texts())
    assert set(texts) == set(tables["articles"]["id"])
    cs = stats.CorpusStats(tables["entities"], tables["articles"], texts=corpus)
    lines = cs.kwic("North Korea")
    assert "North Korea" in set(lines["match"])
    for row in lines.itertuples():
        assert texts[row.id][row.start:row.end] == row.match
    # The offsets of every reader's table index its texts, under the same ids.
    src = tmp_path / "s.jsonl"
    src.write_text(json.dumps({"text": STORY}) + "\n" + json.dumps({"text": STORY, "id": 7}) + "\n")
    for c in (Corpus.from_jsonl(src), Corpus.from_files(Path(dateline.sample_dir()))):
        texts = dict(c.texts())
        ents = c.entities()
        assert len(ents) > 0
        for row in ents.itertuples():
            assert texts[row.id][row.start:row.end] == row.text


def test_no_tqdm_warning_in_a_notebook_without_ipywidgets(monkeypatch):
    # Before: tqdm.auto in a Jupyter kernel without ipywidgets warned "TqdmWarning: IProgress not
    # found" on the first corpus run. A kernel is faked the way tqdm and dateline detect one.
    import importlib.util
    import sys

    IPython = pytest.importorskip("IPython")
    pytest.importorskip("ipykernel.zmqshell")  # tqdm takes its presence for a kernel
    if importlib.util.find_spec("ipywidgets") is not None:
        pytest.skip("ipywidgets is installed: the widget bar is used and nothing warns")

    class ZMQInteractiveShell:  # what a notebook's get_ipython() returns
        config = {"IPKernelApp": {}}

    monkeypatch.setattr(IPython, "get_ipython", lambda: ZMQInteractiveShell())
    for name in ("tqdm.auto", "tqdm.autonotebook"):  # imported afresh, as in a new kernel
        monkeypatch.delitem(sys.modules, name, raising=False)
    from dateline import corpus as corpus_mod

    assert corpus_mod._in_notebook()
    # Recorded, not raised: tqdm catches its own warning when it is raised, and hides it so.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        bar = corpus_mod._progress_bar(True, 10, "dateline")
        assert bar is not None
        bar.update(10)
        bar.close()
        Corpus.from_records([STORY]).articles(progress=True)
    assert not [str(w.message) for w in caught], [str(w.message) for w in caught]


# ---------------------------------------------------------------- small API, demo errors


def test_help_documents_every_article_attribute_and_len():
    art = dateline.parse(STORY)
    for name in dir(dateline.Article):
        if name.startswith("_"):
            continue
        doc = getattr(dateline.Article, name).__doc__
        assert doc and doc.strip(), f"Article.{name} has no docstring"
    assert "len(article)" in dateline.Article.__doc__
    assert len(art) == len(art.text)


def test_gazetteer_is_reachable_from_python():
    from dateline import gazetteer

    countries = gazetteer.countries()
    assert {"alpha2", "alpha3", "name", "capital", "other_names"} <= set(countries.columns)
    assert (countries.set_index("alpha2").loc["KP", "name"]) == "North Korea"
    assert "NA" in set(countries["alpha2"])  # Namibia is not a missing value
    assert gazetteer.is_country("South Korea") and not gazetteer.is_country("Seoul")
    mask = gazetteer.is_country(pd.Series(["Seoul", "Japan"], index=[5, 6]))
    assert mask.tolist() == [False, True] and list(mask.index) == [5, 6]
    assert len(gazetteer.cities()) > 1000 and len(gazetteer.regions()) > 50


def test_demo_story_errors_are_fixed():
    by_id = {s["id"]: s for s in dateline.sample_corpus()}
    ap = by_id["02-ap-senate-budget"]
    art = dateline.parse(ap["text"], date=ap["date"])
    assert art.bylines == ["Margaret Hollis"]
    quote = next(q for q in art.quotes if q.text.startswith("necessary"))
    assert quote.speaker == "Laura Whitcomb"
    kcna = by_id["08-kcna-pyongyang-harvest"]
    art = dateline.parse(kcna["text"], date=kcna["date"])
    headline = {e.text: e.label for e in art.entities if e.end <= len(art.headline or "")}
    assert "Autumn" not in headline and "Harvest" not in headline, headline
    assert headline.get("DPRK") == "GPE"


# ---------------------------------------------------------------- a candidate model that does not load


@pytest.mark.parametrize("content", [None, b"not a model"])
def test_a_broken_candidate_model_is_an_error_not_a_story_without_names(tmp_path: Path, content):
    """DATELINE_NER_MODEL (the evaluation hook) naming a missing or broken file fails every parse
    with a ModelError naming the variable; without the variable the shipped model is used."""
    import os
    import subprocess
    import sys

    model = tmp_path / "candidate.bin"
    if content is not None:
        model.write_bytes(content)
    code = (
        "import dateline\n"
        "try:\n"
        f"    dateline.parse({STORY!r})\n"
        "except dateline.ModelError as e:\n"
        "    print('ModelError', e)\n"
        "else:\n"
        "    print('parsed')\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DATELINE_NER_MODEL"}
    broken = subprocess.run([sys.executable, "-c", code], env={**env, "DATELINE_NER_MODEL": str(model)},
                            capture_output=True, text=True, timeout=120)
    assert broken.stdout.startswith("ModelError"), broken.stdout + broken.stderr
    assert "DATELINE_NER_MODEL=" in broken.stdout and str(model) in broken.stdout
    shipped = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert shipped.stdout.strip() == "parsed", shipped.stdout + shipped.stderr
