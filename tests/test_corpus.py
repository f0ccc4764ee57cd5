"""Corpus engine: readers, determinism across thread counts, accounting of bad input, accessor,
Parquet output, CLI, Ctrl-C and fork safety. Every story here was written for these tests."""
from __future__ import annotations

import argparse
import gzip
import json
import os
import queue
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dateline import Corpus, _native
from dateline._extract import add_extract_command
from dateline.corpus import parquet_paths

STORIES = [
    "Ministers meet on grain deal\nGENEVA, March 3 (Reuters) - Trade ministers from Brazil and Canada met "
    "in Geneva on Monday to discuss a grain export deal, officials said.\n\n"
    "\"We are close to an agreement,\" said Maria Santos, Brazil's trade minister.",
    "Storm closes ports\nMANILA, Oct 12 (AP) -- A typhoon forced the closure of three ports in the "
    "Philippines on Saturday, the coast guard said.\n\nMore than 4,000 passengers were stranded.",
    "Café owners protest rent rises\nPARIS, Dec 17 (AFP) -- Hundreds of café owners marched through "
    "central Paris on Tuesday against rent increases of up to 20 percent.\n\n"
    "« C'est la fin », said Élodie Marchand, who runs a café near the Seine.",
    "By Lee Minji\nSEOUL, July 27 (Yonhap) -- South Korea's exports rose 5.2 percent in July from a year "
    "earlier, data from the Ministry of Trade showed on Thursday.\n\nShipments of chips to China fell.",
    "Rail strike ends\nBERLIN (dpa) - German train drivers ended a three-day strike on Friday after the "
    "union GDL reached a pay deal with Deutsche Bahn.",
    "NAIROBI, Kenya (AP) _ Kenya's central bank held its key rate at 10.5 percent on Wednesday, "
    "citing easing inflation in Nairobi and across East Africa.",
]
DATES = ["2024-03-03", "2023-10-12", "2022-12-17", "2023-07-27", "2021-06-04", None]


def records(n: int):
    return [
        {"id": f"s{i:04d}", "text": STORIES[i % len(STORIES)] + f" Item {i}.", "date": DATES[i % len(DATES)]}
        for i in range(n)
    ]


def write_jsonl(path, rows):
    with open(path, "wb") as f:
        for r in rows:
            f.write(r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode() + b"\n")


# ---------------------------------------------------------------- determinism


def test_tables_identical_at_1_and_2_threads():
    corpus = Corpus.from_records(records(600), batch_size=97)
    one = corpus.tables(threads=1, progress=False)
    two = corpus.tables(threads=2, progress=False)
    for name in ("articles", "entities", "quotes", "events"):
        pd.testing.assert_frame_equal(one[name], two[name])
    arts = one["articles"]
    assert list(arts["id"]) == [f"s{i:04d}" for i in range(600)]  # input order
    assert arts["error"].isna().all()
    assert (arts["n_tokens"] > 10).all()
    assert (one["articles"]["n_entities"].sum()) == len(one["entities"])


def test_methods_agree_with_one_pass_tables():
    corpus = Corpus.from_records(records(40))
    t = corpus.tables(threads=2)
    pd.testing.assert_frame_equal(corpus.articles(threads=1), t["articles"])
    pd.testing.assert_frame_equal(corpus.entities(threads=1), t["entities"])
    pd.testing.assert_frame_equal(corpus.quotes(threads=2), t["quotes"])
    pd.testing.assert_frame_equal(corpus.events(threads=2), t["events"])


def test_arrow_output_on_every_table_method():
    corpus = Corpus.from_records(records(300) + [{"id": "empty", "text": ""}], batch_size=64)
    frames = corpus.tables(threads=2)
    arrow = corpus.tables(threads=1, to="arrow")
    for name, method in (("articles", corpus.articles), ("entities", corpus.entities),
                         ("quotes", corpus.quotes), ("events", corpus.events),
                         ("attributions", corpus.attributions)):
        one = method(threads=1, to="arrow")
        two = method(threads=2, to="arrow")
        assert isinstance(one, pa.Table) and one.equals(two) and one.equals(arrow[name]), name
        # The same rows and values as the DataFrame; strings are large_string, integers int64.
        assert {str(t) for t in one.schema.types} <= {"large_string", "int64", "bool"}
        assert list(one.column_names) == list(frames[name].columns)
        back = one.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get if name == "articles" else None)
        # Offsets that may be missing are pandas' nullable Int64 in every table.
        for col, typ in _native.CORPUS_COLUMNS[name]:
            if typ == "int | None":
                back[col] = back[col].astype("Int64")
        pd.testing.assert_frame_equal(back, frames[name])
    assert arrow["articles"].column("error").null_count == 300
    # The buffers are the core's, lent without a copy: they outlive the run and are not shared.
    ents = corpus.entities(threads=2, to="arrow")
    import gc

    gc.collect()
    assert ents.column("text").to_pylist() == list(frames["entities"]["text"])
    with pytest.raises(ValueError, match="to must be one of 'pandas', 'arrow'"):
        corpus.entities(to="polars")


def test_offsets_are_str_indices():
    texts = [STORIES[2], STORIES[3], "Ünïcödé prelude — " + STORIES[0]]
    corpus = Corpus.from_records(texts)
    ents = corpus.entities(threads=2)
    quotes = corpus.quotes(threads=2)
    if ents.empty and quotes.empty:
        pytest.skip("this build has no entity recogniser or quote extractor yet")
    for table in (ents, quotes):
        for row in table.itertuples():
            assert texts[int(row.id)][row.start:row.end] == row.text


def test_articles_fields_from_the_parser():
    arts = Corpus.from_records([{"text": STORIES[0], "id": "g", "date": "2024-03-03"}]).articles()
    row = arts.iloc[0]
    assert row["id"] == "g"
    assert row["dateline_place"] == "GENEVA"
    assert row["dateline_agency"] == "Reuters"
    assert row["headline"] == "Ministers meet on grain deal"
    assert row["n_chars"] == len(STORIES[0])
    assert row["n_paragraphs"] == 2
    bylined = Corpus.from_records([STORIES[3]]).articles().iloc[0]
    assert bylined["bylines"] == "Lee Minji"


def test_bad_threads_argument():
    corpus = Corpus.from_records(["x"])
    for bad in (0, -1, 1.5, "2", True):
        with pytest.raises(ValueError, match="threads"):
            corpus.articles(threads=bad)


# ---------------------------------------------------------------- readers


def test_from_jsonl_fields_gzip_and_lines(tmp_path):
    rows = [{"story_id": 7, "body": STORIES[1], "published": "2023-10-12", "hed": "Given headline", "agency": "AP"},
            {"body": STORIES[4]}]
    p = tmp_path / "a.jsonl"
    write_jsonl(p, rows[:1] + [b"\n"] + rows[1:])  # the blank line is skipped, not a story
    c = Corpus.from_jsonl(p, text="body", id="story_id", date="published", source="agency", headline="hed")
    a = c.articles()
    assert list(a["id"]) == ["7", f"{p}:3"]
    assert list(a["line"]) == [1, 3]
    assert list(a["file"]) == [str(p)] * 2
    assert a["headline"][0] == "Given headline"
    assert a["source"][0] == "AP"
    assert a["date"][0] == "2023-10-12"
    assert a["error"].isna().all()
    gz = tmp_path / "a.jsonl.gz"
    with gzip.open(gz, "wb") as f:
        f.write(p.read_bytes())
    drop = ["file", "id", "source", "headline"]
    pd.testing.assert_frame_equal(
        Corpus.from_jsonl(gz, text="body", id="story_id", date="published").articles().drop(columns=drop),
        Corpus.from_jsonl(p, text="body", id="story_id", date="published").articles().drop(columns=drop),
    )


def test_from_files_dir_glob_and_list(tmp_path):
    d = tmp_path / "news"
    (d / "asia").mkdir(parents=True)
    (d / "asia" / "seoul.txt").write_text(STORIES[3], encoding="utf-8")
    (d / "paris.txt").write_text(STORIES[2], encoding="utf-8")
    (d / "notes.md").write_text("not a story")
    by_dir = Corpus.from_files(d).articles()
    assert list(by_dir["id"]) == ["asia/seoul.txt", "paris.txt"]
    assert list(by_dir["file"]) == [str(d / "asia" / "seoul.txt"), str(d / "paris.txt")]
    assert by_dir["error"].isna().all()
    by_glob = Corpus.from_files(str(d / "**" / "*.txt")).articles()
    assert list(by_glob["id"]) == ["asia/seoul.txt", "paris.txt"]
    by_list = Corpus.from_files([d / "paris.txt"]).articles()
    assert len(by_list) == 1 and by_list["dateline_place"][0] == "PARIS"
    with pytest.raises(FileNotFoundError):
        Corpus.from_files(tmp_path / "missing")


def test_from_csv_and_parquet(tmp_path):
    df = pd.DataFrame({"uid": ["a", "b", "c"], "body": [STORIES[0], STORIES[5], STORIES[1]],
                       "day": ["2024-03-03", "2023-01-01", None]})
    p = tmp_path / "x.csv"
    df.to_csv(p, index=False)
    a = Corpus.from_csv(p, text="body", id="uid", date="day").articles()
    assert list(a["id"]) == ["a", "b", "c"]
    assert list(a["line"]) == [2, 6, 7]  # multi-line fields: the line each record starts on
    assert a["error"].isna().all()
    pq_path = tmp_path / "x.parquet"
    pq.write_table(pa.Table.from_pandas(df, preserve_index=False), pq_path, row_group_size=2)
    b = Corpus.from_parquet(pq_path, text="body", id="uid", date="day", batch_size=2).articles()
    assert list(b["id"]) == ["a", "b", "c"]
    assert list(b["line"]) == [1, 2, 3]
    cols = ["id", "date", "headline", "dateline_place", "n_tokens", "error"]
    pd.testing.assert_frame_equal(a[cols], b[cols])
    with pytest.raises(ValueError, match=r"x\.parquet: no column 'text'"):
        Corpus.from_parquet(pq_path)


def test_from_pandas_index_as_id_and_series():
    df = pd.DataFrame({"text": STORIES[:3], "when": pd.to_datetime(["2024-03-03", "2023-10-12", None])},
                      index=[10, 20, 30])
    a = Corpus.from_pandas(df, date="when").articles()
    assert list(a["id"]) == ["10", "20", "30"]
    assert a["date"].iloc[0] == "2024-03-03"
    s = pd.Series(STORIES[:2], index=["x", "y"])
    assert list(Corpus.from_pandas(s).articles()["id"]) == ["x", "y"]
    with pytest.raises(ValueError, match="no column 'body'"):
        Corpus.from_pandas(df, text="body")


def test_from_records_strings_dicts_and_one_shot():
    a = Corpus.from_records([STORIES[0], {"text": STORIES[1], "id": "ap-1"}]).articles()
    assert list(a["id"]) == ["0", "ap-1"]
    gen = Corpus.from_records(s for s in STORIES)
    assert len(gen.articles()) == len(STORIES)
    with pytest.raises(RuntimeError, match="one-shot"):
        gen.articles()


# ---------------------------------------------------------------- accounting


def test_jsonl_bad_lines_all_accounted(tmp_path):
    p = tmp_path / "bad.jsonl"
    big = "Big story. " * (50 * 1024 * 1024 // 11 + 1)  # just over 50 MB
    lines = [
        json.dumps({"id": "ok1", "text": STORIES[0]}).encode() + b"\n",
        b'{"id": "latin1", "text": "caf\xe9 cr\xe8me"}\n',  # invalid UTF-8
        b'{"id": "broken", "text": "no closing\n',  # bad JSON
        json.dumps({"id": "empty", "text": ""}).encode() + b"\n",
        json.dumps({"id": "blank", "text": "   \n  "}).encode() + b"\n",
        json.dumps({"id": "big", "text": big}).encode() + b"\n",
        json.dumps({"id": "notext", "body": "x"}).encode() + b"\n",
        b"[1, 2, 3]\n",
        json.dumps({"id": "ok2", "text": STORIES[1]}).encode() + b"\n",
        b'{"id": "trunc", "text": "The last line was cut sh',  # truncated, no newline
    ]
    write_jsonl(p, lines)
    a = Corpus.from_jsonl(p).articles(threads=2)
    assert len(a) == len(lines)  # every record yields a row
    assert list(a["line"]) == list(range(1, 11))
    # The 50 MB line is over the JSON line limit (4 x max_bytes + 64 KiB): never read, so named by
    # file and line.
    assert list(a["id"]) == ["ok1", "latin1", f"{p}:3", "empty", "blank", f"{p}:6", "notext", f"{p}:8", "ok2",
                             f"{p}:10"]
    err = dict(zip(a["id"], a["error"]))
    assert pd.isna(err["ok1"]) and pd.isna(err["ok2"])
    assert err["latin1"].startswith(f"{p}:2: invalid UTF-8 at byte offset 29 of the line")
    assert err[f"{p}:3"].startswith(f"{p}:3: malformed JSON")
    assert err["empty"] == f"{p}:4: empty story"
    assert "empty story" in err["blank"]
    assert "over the limit" in err[f"{p}:6"] and f"{p}:6:" in err[f"{p}:6"]
    assert "no field \"text\"" in err["notext"]
    assert "not a JSON object" in err[f"{p}:8"]
    assert err[f"{p}:10"].startswith(f"{p}:10: malformed JSON (line ends early, truncated?)")
    assert a["n_tokens"].isna().sum() == 8


def test_lossy_decoding_on_request(tmp_path):
    p = tmp_path / "l.jsonl"
    write_jsonl(p, [b'{"id": "latin1", "text": "Prices rose in caf\xe9s across the city."}\n'])
    a = Corpus.from_jsonl(p, errors="replace").articles()
    assert pd.isna(a["error"][0]) and a["n_tokens"][0] > 3


def test_csv_without_text_column_is_a_clear_error(tmp_path):
    p = tmp_path / "wrong.csv"
    p.write_text("id,body\n1,Some story.\n")
    with pytest.raises(ValueError) as e:
        Corpus.from_csv(p, text="text")
    assert str(p) in str(e.value) and "'text'" in str(e.value) and "'body'" in str(e.value)


def test_csv_bad_rows_accounted(tmp_path):
    p = tmp_path / "rows.csv"
    big = "Long story. " * (50 * 1024 * 1024 // 12 + 1)
    with open(p, "wb") as f:
        f.write(b"id,text\n")
        f.write(b'a,"' + STORIES[0].replace('"', '""').encode() + b'"\n')
        f.write(b"b,caf\xe9 au lait\n")  # invalid UTF-8
        f.write(b"c,\n")  # empty story
        f.write(b"d\n")  # too few fields
        f.write(b"e," + big.encode() + b"\n")
        f.write(b"f,A short final story about markets.\n")
    a = Corpus.from_csv(p, id="id").articles()
    assert list(a["id"]) == ["a", "b", "c", "d", "e", "f"]
    err = dict(zip(a["id"], a["error"]))
    assert pd.isna(err["a"]) and pd.isna(err["f"])
    assert "invalid UTF-8 at byte offset 3" in err["b"] and err["b"].startswith(f"{p}:6:")
    assert err["c"] == f"{p}:7: empty story"
    assert err["d"].startswith(f"{p}:8: row has 1 fields")
    assert "over the limit" in err["e"]


def test_files_bad_input_accounted(tmp_path):
    (tmp_path / "a_ok.txt").write_text(STORIES[4])
    (tmp_path / "b_latin1.txt").write_bytes(b"Caf\xe9 prices rose.")
    (tmp_path / "c_empty.txt").write_bytes(b"")
    (tmp_path / "d_big.txt").write_bytes(b"word " * 300)
    a = Corpus.from_files(tmp_path, max_bytes=1000).articles()
    err = dict(zip(a["id"], a["error"]))
    assert len(a) == 4 and pd.isna(err["a_ok.txt"])
    assert "invalid UTF-8 at byte offset 3" in err["b_latin1.txt"]
    assert err["c_empty.txt"].endswith("empty story")
    assert "1500 bytes is over the limit of 1000" in err["d_big.txt"]


# ---------------------------------------------------------------- accessor


def test_accessor_keeps_index():
    idx = pd.Index([101, 205, 309], name="story")
    df = pd.DataFrame({"body": [STORIES[0], STORIES[1], ""], "day": ["2024-03-03", "2023-10-12", None]}, index=idx)
    a = df.dateline.articles(text="body", date="day")
    assert a.index.equals(idx)
    assert "id" not in a.columns
    assert a.loc[309, "error"] == "row 2: empty story" or "empty story" in a.loc[309, "error"]
    ents = df.dateline.entities(text="body", date="day", threads=2)
    assert set(ents.index) <= set(idx) and ents.index.name == "story"
    ref = Corpus.from_pandas(df, text="body", date="day").entities()
    assert len(ents) == len(ref)
    s = pd.Series([STORIES[2], STORIES[3]], index=["p", "q"])
    assert list(s.dateline.articles().index) == ["p", "q"]


# ---------------------------------------------------------------- parquet and CLI


def test_to_parquet_directory_and_file(tmp_path):
    corpus = Corpus.from_records(records(250), batch_size=60)
    s = corpus.to_parquet(tmp_path / "out", threads=2)
    assert s.stories == 250 and s.errors == 0
    got = pq.read_table(tmp_path / "out" / "articles.parquet").to_pandas(
        types_mapper={pa.int64(): pd.Int64Dtype()}.get)
    pd.testing.assert_frame_equal(got, corpus.articles(threads=1))
    ents = pq.read_table(tmp_path / "out" / "entities.parquet")
    assert ents.num_rows == s.entities
    paths = parquet_paths(tmp_path / "one.parquet", ("articles", "entities"))
    assert paths == {"articles": tmp_path / "one.parquet", "entities": tmp_path / "one.entities.parquet"}
    corpus.to_parquet(tmp_path / "one.parquet", ("entities",))
    assert pq.read_table(tmp_path / "one.parquet").num_rows == 250
    # An empty corpus still writes readable tables.
    Corpus.from_records([]).to_parquet(tmp_path / "empty")
    assert pq.read_table(tmp_path / "empty" / "quotes.parquet").num_rows == 0


def test_extract_command(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, records(30) + [b"{broken\n"])
    parser = argparse.ArgumentParser(prog="dateline")
    add_extract_command(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["extract", str(src), "-o", str(tmp_path / "o.parquet"), "--threads", "2"])
    assert args.func(args) == 1  # a story failed
    err = capsys.readouterr().err
    assert "31 stories, 1 errors" in err and "stories/s" in err and f"{src}:31: malformed JSON" in err
    assert pq.read_table(tmp_path / "o.parquet").num_rows == 31
    assert (tmp_path / "o.entities.parquet").exists()
    missing = tmp_path / "m.csv"
    missing.write_text("id,body\n1,x\n")
    args = parser.parse_args(["extract", str(missing), "-o", str(tmp_path / "m")])
    assert args.func(args) == 2
    assert "no column 'text'" in capsys.readouterr().err


# ---------------------------------------------------------------- Ctrl-C and fork


def test_ctrl_c_stops_a_long_run_quickly(tmp_path):
    script = textwrap.dedent(
        f"""
        import itertools, sys
        from dateline import Corpus
        story = {STORIES[0]!r}
        corpus = Corpus.from_records(itertools.repeat(story, 10**9))
        print("started", flush=True)
        try:
            corpus.to_parquet({str(tmp_path / 'never')!r}, threads=2, progress=False)
        except KeyboardInterrupt:
            print("interrupted", flush=True)
            raise
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Lines are read on a thread so that a run which never stops fails the test instead of hanging it.
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line.strip()) for line in proc.stdout], daemon=True).start()
    try:
        assert lines.get(timeout=120) == "started"
        time.sleep(1.5)  # well into the run
        assert proc.poll() is None
        t0 = time.monotonic()
        proc.send_signal(signal.SIGINT)
        # Stopping is the run raising KeyboardInterrupt; the interpreter's exit after it is not timed
        # (on a loaded machine tearing down pandas and pyarrow alone can take a second).
        assert lines.get(timeout=60) == "interrupted"
        elapsed = time.monotonic() - t0
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    err = proc.stderr.read()
    assert proc.returncode != 0
    assert "KeyboardInterrupt" in err
    assert elapsed < 1.5, f"took {elapsed:.2f} s to stop"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_fork_child_can_run_an_extraction():
    corpus = Corpus.from_records(records(50))
    before = corpus.articles(threads=2)  # the parent's pool exists now
    pid = os.fork()
    if pid == 0:  # child: must not hang on the parent's (absent) worker threads
        code = 1
        try:
            again = Corpus.from_records(records(50)).articles(threads=2)
            code = 0 if again.equals(before) else 3
        finally:
            os._exit(code)
    deadline = time.monotonic() + 60
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            pytest.fail("the forked child hung")
        time.sleep(0.05)
    assert os.waitstatus_to_exitcode(status) == 0
    assert corpus.articles(threads=2).equals(before)  # the parent's pool still works


def test_default_threads_from_environment():
    code = "from dateline.corpus import default_threads; print(default_threads())"
    env = dict(os.environ, DATELINE_NUM_THREADS="3")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "3"
    env.pop("DATELINE_NUM_THREADS")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert out.stdout.strip() == str(cores)


def test_structure_only_run():
    corpus = Corpus.from_records(records(20))
    quick = corpus.articles(threads=2, entities=False)
    full = corpus.articles(threads=2)
    assert (quick["n_entities"] == 0).all() and (quick["n_tokens"] == full["n_tokens"]).all()
    assert full["n_entities"].sum() > 0
