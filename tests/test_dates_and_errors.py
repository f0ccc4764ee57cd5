"""One rule for bad input: `parse` and every corpus reader accept and reject the same story dates with
the same message, and everything dateline raises is a `DatelineError`. Stories written for these tests."""
from __future__ import annotations

import datetime
import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import dateline
from dateline import Corpus

STORY = "PARIS, Dec 17 (AFP) -- Trains stopped across France on Tuesday, the rail operator said."
PLAIN = "Trains stopped across France on Tuesday, the rail operator said."
BAD_DATES = ["yesterday", "2023-02-30", "16/05/2024"]
GOOD_DATES = ["2023-07-27", "2023-07", "2023", "2023-07-27T09:30:00"]


def parse_message(date) -> str:
    with pytest.raises(dateline.InputError) as info:
        dateline.parse(STORY, date=date)
    return str(info.value)


def test_parse_rejects_bad_dates_naming_the_value():
    for bad in BAD_DATES:
        msg = parse_message(bad)
        assert repr(bad) in msg.replace('"', "'"), msg
    assert parse_message("2023-02-30") == 'date "2023-02-30" does not exist: 2023-02 has 28 days'
    assert parse_message("yesterday") == "date must be ISO 'YYYY-MM-DD' (or 'YYYY-MM', 'YYYY'), got \"yesterday\""


def test_parse_keeps_accepting_the_date_forms_it_accepted():
    assert dateline.parse(PLAIN, date="2023-07-27").date == "2023-07-27"
    assert dateline.parse(PLAIN, date=" 2024-02-29 ").date == "2024-02-29"
    assert dateline.parse(PLAIN, date="2023-07").date == "2023-07"
    assert dateline.parse(PLAIN, date=datetime.date(2023, 12, 16)).date == "2023-12-16"
    assert dateline.parse(PLAIN, date=datetime.datetime(2023, 12, 16, 9, 30)).date == "2023-12-16"
    assert dateline.parse(PLAIN, date=pd.Timestamp("2023-12-16 09:30")).date == "2023-12-16"
    # A month or a year is enough to give the dateline its year.
    assert dateline.parse(STORY, date="2023-12").dateline.date == "2023-12-17"
    assert dateline.parse(STORY, date="2023").dateline.date == "2023-12-17"


def _records(dates, text=STORY):
    return [{"id": f"d{i}", "text": text, "date": d} for i, d in enumerate(dates)]


def _check(arts: pd.DataFrame, dates, prefix=lambda i: ""):
    """Bad dates are their story's error row with exactly parse's message; good ones parse."""
    for i, d in enumerate(dates):
        row = arts.iloc[i]
        if d in BAD_DATES:
            assert row["error"] == prefix(i) + parse_message(d), row["error"]
            assert pd.isna(row["n_entities"])
        else:
            assert pd.isna(row["error"]), row["error"]
            assert row["date"] == dateline.parse(STORY, date=d).date


ALL_DATES = BAD_DATES + GOOD_DATES


def test_records_reader():
    _check(Corpus.from_records(_records(ALL_DATES)).articles(threads=2, progress=False), ALL_DATES)


def test_records_reader_takes_date_objects():
    dates = [datetime.date(2023, 7, 27), datetime.datetime(2023, 7, 27, 8)]
    arts = Corpus.from_records(_records(dates, PLAIN)).articles(progress=False)
    assert arts["error"].isna().all() and list(arts["date"]) == ["2023-07-27", "2023-07-27"]


def test_pandas_reader_and_accessor():
    df = pd.DataFrame({"text": [STORY] * len(ALL_DATES), "date": ALL_DATES})
    _check(Corpus.from_pandas(df, date="date").articles(progress=False), ALL_DATES)
    _check(df.dateline.articles(date="date", progress=False), ALL_DATES)
    stamped = pd.DataFrame({"text": [PLAIN, PLAIN], "date": pd.to_datetime(["2023-07-27", None])})
    arts = Corpus.from_pandas(stamped, date="date").articles(progress=False)
    assert arts["error"].isna().all() and arts["date"].iloc[0] == "2023-07-27" and pd.isna(arts["date"].iloc[1])


def test_jsonl_reader(tmp_path):
    p = tmp_path / "s.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in _records(ALL_DATES)))
    _check(Corpus.from_jsonl(p).articles(progress=False), ALL_DATES, lambda i: f"{p}:{i + 1}: ")


def test_csv_reader(tmp_path):
    p = tmp_path / "s.csv"
    pd.DataFrame(_records(ALL_DATES)).to_csv(p, index=False)
    _check(Corpus.from_csv(p, id="id", date="date").articles(progress=False), ALL_DATES,
           lambda i: f"{p}:{i + 2}: ")


def test_parquet_reader(tmp_path):
    p = tmp_path / "s.parquet"
    pq.write_table(pa.Table.from_pylist(_records(ALL_DATES)), p)
    _check(Corpus.from_parquet(p, id="id", date="date").articles(progress=False), ALL_DATES,
           lambda i: f"{p}:{i + 1}: ")
    q = tmp_path / "d.parquet"
    pq.write_table(pa.table({"text": [PLAIN], "date": pa.array([datetime.date(2023, 7, 27)], pa.date32())}), q)
    arts = Corpus.from_parquet(q, date="date").articles(progress=False)
    assert arts["error"].isna().all() and arts["date"].tolist() == ["2023-07-27"]


def test_bad_dates_leave_no_rows_in_the_other_tables():
    got = Corpus.from_records(_records(["yesterday", "2023-07-27"])).tables(progress=False)
    assert set(got["entities"]["id"]) == {"d1"}


# ---------------------------------------------------------------- the error hierarchy


def test_hierarchy():
    E = dateline
    for cls, builtin in [(E.InputError, ValueError), (E.EncodingError, UnicodeError),
                         (E.MissingFileError, FileNotFoundError), (E.ModelError, RuntimeError),
                         (E.RunError, RuntimeError)]:
        assert issubclass(cls, E.DatelineError) and issubclass(cls, builtin)
    assert issubclass(E.EncodingError, E.InputError) and issubclass(E.MissingFileError, E.InputError)
    assert str(E.MissingFileError("no such file: x")) == "no such file: x"


def test_missing_files_raise_missing_file_error(tmp_path):
    missing = tmp_path / "nope"
    for make in (Corpus.from_jsonl, Corpus.from_files, Corpus.from_csv, Corpus.from_parquet):
        with pytest.raises(dateline.MissingFileError, match="nope"):
            make(missing)
    from dateline import _native

    with pytest.raises(dateline.MissingFileError):
        _native.load_reuters(str(missing))
    if hasattr(_native, "eval_conll"):
        with pytest.raises(dateline.MissingFileError):
            _native.eval_conll(str(missing))


def test_corpus_argument_errors_are_input_errors(tmp_path):
    recs = _records(["2023-07-27"])
    with pytest.raises(dateline.InputError, match="threads"):
        Corpus.from_records(recs).articles(threads=0, progress=False)
    with pytest.raises(dateline.InputError, match="errors must be"):
        Corpus.from_records(recs, errors="ignore")
    with pytest.raises(dateline.InputError, match="DataFrame or Series"):
        Corpus.from_pandas([STORY])
    with pytest.raises(dateline.InputError, match="no column 'body'"):
        Corpus.from_pandas(pd.DataFrame({"text": [STORY]}), text="body")
    p = tmp_path / "s.csv"
    p.write_text("text\nhello\n")
    with pytest.raises(dateline.InputError, match="no column 'date'"):
        Corpus.from_csv(p, date="date")
    with pytest.raises(dateline.InputError, match="unknown table"):
        Corpus.from_records(recs).to_parquet(tmp_path / "out", tables=["nope"])


def test_failed_runs_are_run_errors():
    once = Corpus.from_records(iter(_records(["2023-07-27"])))
    once.articles(progress=False)
    with pytest.raises(dateline.RunError, match="one-shot"):
        once.articles(progress=False)
    from dateline import _native

    job = _native.corpus_start([STORY], threads=1)
    job.wait()
    with pytest.raises(dateline.RunError, match="already collected"):
        job.wait()
    with pytest.raises(dateline.InputError, match="kind must be"):
        _native.corpus_start([STORY], kind="xml")
