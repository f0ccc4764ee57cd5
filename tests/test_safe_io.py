"""Nothing lost: outputs never replace inputs or mix runs, interrupted runs leave nothing under final
names, broken streams keep the rows before the break, one bounded worker pool, string arguments
checked alike. Every story here was written for these tests."""
from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import dateline
from dateline import Corpus, InputError, cli
from dateline import readers as _readers

STORY = ("Port strike ends\nROTTERDAM, May 4 (Reuters) - Dock workers in Rotterdam ended a two-day strike "
         "on Thursday after a pay deal, the union FNV said.")


def recs(n: int, prefix: str = "r"):
    return [{"id": f"{prefix}{i}", "text": f"{STORY} Item {i}.", "date": "2023-05-04"} for i in range(n)]


def write_jsonl(path, rows, end=b""):
    with open(path, "wb") as f:
        for r in rows:
            f.write(json.dumps(r).encode() + b"\n")
        f.write(end)


def names(folder):
    return sorted(p.name for p in folder.iterdir())


# ---------------------------------------------------------------- inputs are never outputs


def test_parquet_input_is_never_overwritten(tmp_path):
    src = tmp_path / "inp.parquet"
    pq.write_table(pa.Table.from_pylist(recs(5)), src)
    before = src.read_bytes()
    for overwrite in (False, True):
        with pytest.raises(InputError, match="would replace the input file"):
            Corpus.from_parquet(src, id="id").to_parquet(src, overwrite=overwrite)
    code = cli.main(["extract", str(src), "-o", str(src), "--no-progress"])
    assert code == 2
    code = cli.main(["extract", str(src), "-o", str(src), "--overwrite", "--no-progress"])
    assert code == 2
    assert src.read_bytes() == before
    assert names(tmp_path) == ["inp.parquet"]


def test_output_inside_an_input_folder_is_refused(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(STORY)
    with pytest.raises(InputError, match="inside the input folder"):
        Corpus.from_files(tmp_path / "news").to_parquet(tmp_path / "news" / "out")
    with pytest.raises(InputError, match="inside the input folder"):
        Corpus.from_files(tmp_path / "news").to_parquet(tmp_path / "news" / "out.parquet", overwrite=True)
    assert names(tmp_path / "news") == ["a.txt"]
    # A folder output named like an input file: refused, the file kept.
    src = tmp_path / "in.jsonl"
    write_jsonl(src, recs(3))
    with pytest.raises(InputError, match="would replace the input file"):
        Corpus.from_jsonl(src).to_parquet(src)
    assert src.read_bytes().count(b"\n") == 3


# ---------------------------------------------------------------- earlier runs, manifest


def test_non_empty_folder_needs_overwrite_and_earlier_tables_go(tmp_path):
    out = tmp_path / "out"
    Corpus.from_records(recs(20)).to_parquet(out)
    assert names(out) == ["_SUCCESS.json", "articles.parquet", "attributions.parquet", "entities.parquet",
                          "events.parquet", "quotes.parquet"]
    with pytest.raises(InputError, match="not empty"):
        Corpus.from_records(recs(7, "n")).to_parquet(out, ("entities",))
    assert pq.read_table(out / "articles.parquet").num_rows == 20  # untouched
    s = Corpus.from_records(recs(7, "n")).to_parquet(out, ("entities",), overwrite=True, threads=1)
    # Only this run's tables: the earlier quotes/events tables are gone, not mixed in.
    assert names(out) == ["_SUCCESS.json", "articles.parquet", "entities.parquet"]
    assert pq.read_table(out / "articles.parquet").column("id").to_pylist() == [f"n{i}" for i in range(7)]
    m = json.loads((out / "_SUCCESS.json").read_text())
    assert m["complete"] is True and m["dateline_version"] == dateline.__version__
    assert m["counts"] == {"stories": 7, "errors": 0, "entities": s.entities, "quotes": 0, "events": 0}
    assert m["tables"]["entities"] == {"file": "entities.parquet", "rows": s.entities}
    assert m["parameters"]["tables"] == ["articles", "entities"] and m["parameters"]["threads"] == 1
    # A file output keeps its manifest beside it, and an existing one is refused too.
    Corpus.from_records(recs(3)).to_parquet(tmp_path / "one.parquet", ("quotes",))
    assert (tmp_path / "one._SUCCESS.json").exists()
    with pytest.raises(InputError, match="exists already"):
        Corpus.from_records(recs(3)).to_parquet(tmp_path / "one.parquet")


def _failing(n_ok: int, exc: BaseException):
    for i, r in enumerate(recs(10_000)):
        if i == n_ok:
            raise exc
        yield r


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), OSError("disk gone")])
def test_interrupted_run_leaves_nothing_under_final_names(tmp_path, exc):
    out = tmp_path / "out"
    with pytest.raises(type(exc)):
        Corpus.from_records(_failing(250, exc), batch_size=50).to_parquet(out, row_group_rows=10)
    assert names(out) == []  # no table, no manifest, no partial file
    # Over an earlier run with overwrite: the earlier run is left as it was.
    Corpus.from_records(recs(4)).to_parquet(out)
    before = {n: (out / n).read_bytes() for n in names(out)}
    with pytest.raises(type(exc)):
        Corpus.from_records(_failing(250, exc), batch_size=50).to_parquet(out, overwrite=True, row_group_rows=10)
    assert {n: (out / n).read_bytes() for n in names(out)} == before


def _tables(folder):
    return {t: pd.read_parquet(folder / f"{t}.parquet") for t in dateline.corpus.TABLES}


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), OSError("disk gone")])
def test_resume_goes_on_from_the_last_part_and_gives_the_uninterrupted_tables(tmp_path, exc):
    whole = tmp_path / "whole"
    Corpus.from_records(recs(600), batch_size=50).to_parquet(whole, row_group_rows=100)
    out = tmp_path / "out"
    with pytest.raises(type(exc)):
        Corpus.from_records(_failing(420, exc), batch_size=50).to_parquet(out, row_group_rows=100, resume=True)
    progress = json.loads((out / "_partial" / "progress.json").read_text())
    assert progress["complete"] is False and len(progress["parts"]) >= 2
    assert names(out) == ["_partial"]  # nothing under a final name, no manifest
    # A run without resume does not silently throw the parts away...
    with pytest.raises(InputError, match="interrupted run"):
        Corpus.from_records(recs(600), batch_size=50).to_parquet(out, row_group_rows=100)
    # ... nor mixes them with another input.
    with pytest.raises(InputError, match="not the one of the interrupted run"):
        Corpus.from_records(recs(600)[:30], batch_size=50).to_parquet(out, row_group_rows=100, resume=True)
    with pytest.raises(InputError, match="other parameters"):
        Corpus.from_records(recs(600), batch_size=50).to_parquet(out, row_group_rows=100, resume=True,
                                                                  reading=False)

    analysed = []
    real_start = dateline._native.corpus_start

    def counting_start(payloads, **kw):
        analysed.append(len(payloads))
        return real_start(payloads, **kw)

    try:
        dateline._native.corpus_start = counting_start
        summary = Corpus.from_records(recs(600), batch_size=50).to_parquet(out, row_group_rows=100, resume=True)
    finally:
        dateline._native.corpus_start = real_start
    done_before = sum(p["batches"] for p in progress["parts"]) * 50
    assert sum(analysed) == 600 - done_before  # the finished parts were not analysed again
    assert summary.stories == 600
    assert names(out) == names(whole)
    for t, df in _tables(whole).items():
        pd.testing.assert_frame_equal(_tables(out)[t], df)
    manifest = json.loads((out / "_SUCCESS.json").read_text())
    assert manifest["counts"] == json.loads((whole / "_SUCCESS.json").read_text())["counts"]
    assert manifest["parameters"]["resumed"] is True
    # Resuming a finished run does nothing and says what it holds.
    again = Corpus.from_records(recs(600), batch_size=50).to_parquet(out, row_group_rows=100, resume=True)
    assert again.stories == 600


def test_manifest_records_version_model_hashes_and_parameters(tmp_path):
    Corpus.from_records(recs(3)).to_parquet(tmp_path / "o", threads=1)
    m = json.loads((tmp_path / "o" / "_SUCCESS.json").read_text())
    assert m["complete"] is True and m["dateline_version"] == dateline.__version__
    assert m["parameters"]["threads"] == 1 and m["parameters"]["tables"] == list(dateline.corpus.TABLES)
    # The hashes are those of the files the models were built from (the repository's manifest).
    built = json.loads((Path(__file__).resolve().parents[1] / "models" / "MANIFEST.json").read_text())["artefacts"]
    assert "models/ner.bin" in m["models"] and "data/gazetteer/countries.tsv" in m["models"]
    for path, sha in m["models"].items():
        if path in built:
            assert built[path]["sha256"] == sha, path


def _cli_script(out) -> str:
    return textwrap.dedent(
        f"""
        import itertools, sys
        import dateline._extract as dc
        from dateline import Corpus, cli
        story = {STORY!r}
        dc.corpus_from_inputs = lambda *a, **k: Corpus.from_records(itertools.repeat(story, 10**9))
        to_parquet = Corpus.to_parquet  # small row groups: partial files exist when the signal comes
        Corpus.to_parquet = lambda self, *a, **k: to_parquet(self, *a, row_group_rows=50, **k)
        print("started", flush=True)
        sys.exit(cli.main(["extract", "unused.jsonl", "-o", {str(out)!r}, "--threads", "2", "--no-progress"]))
        """
    )


@pytest.mark.parametrize("sig, code, word", [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")])
def test_cli_stops_on_a_signal_with_one_line_and_its_exit_code(tmp_path, sig, code, word):
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", _cli_script(out)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "started"
        deadline = time.monotonic() + 30
        while not (out.exists() and any(out.iterdir())) and time.monotonic() < deadline:
            time.sleep(0.1)  # until the run is writing
        assert (out / "_partial").is_dir()
        proc.send_signal(sig)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    err = proc.stderr.read()
    assert proc.returncode == code, err
    assert err.strip() == f"dateline: {word}"
    assert names(out) == []


def test_cli_exit_codes_and_help(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, recs(3), end=b"{broken\n")
    assert cli.main(["extract", str(src), "-o", str(tmp_path / "a"), "--no-progress"]) == 1
    assert cli.main(["extract", str(src), "-o", str(tmp_path / "b"), "--allow-errors", "--no-progress"]) == 0
    assert cli.main(["extract", str(src), "-o", str(tmp_path / "b"), "--no-progress"]) == 2  # not empty
    assert cli.main(["extract", str(src), "-o", str(tmp_path / "b"), "--overwrite", "--no-progress"]) == 1
    assert cli.main(["extract", str(tmp_path / "none.jsonl"), "-o", str(tmp_path / "c")]) == 2
    capsys.readouterr()
    with pytest.raises(SystemExit) as ex:
        cli.main(["--help"])
    assert ex.value.code == 0
    text = capsys.readouterr().out
    assert "exit status" in text and "130" in text and "--allow-errors" in text


# ---------------------------------------------------------------- streams that fail midway


def test_truncated_gzip_keeps_the_rows_before_and_names_the_file(tmp_path):
    plain = tmp_path / "x.jsonl"
    write_jsonl(plain, recs(400))
    data = gzip.compress(plain.read_bytes())
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])
    good = tmp_path / "good.jsonl.gz"
    good.write_bytes(gzip.compress(b"\n".join(json.dumps(r).encode() for r in recs(5, "g")) + b"\n"))
    a = Corpus.from_jsonl([cut, good]).articles(threads=2)
    errs = a[a["error"].notna()]
    assert len(errs) == 1
    msg = errs["error"].iloc[0]
    line = int(errs["line"].iloc[0])
    assert msg.startswith(f"{cut}:{line}: compressed file is truncated or corrupt"), msg
    assert 1 < line <= 400 and list(a["id"][: line - 1]) == [f"r{i}" for i in range(line - 1)]
    assert list(a["id"][-5:]) == [f"g{i}" for i in range(5)]  # the next file is still read
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00" + os.urandom(64))
    a = Corpus.from_jsonl(bad).articles()
    assert len(a) == 1 and a["error"].iloc[0].startswith(f"{bad}:1: compressed file is truncated or corrupt")


def test_jsonl_line_limit_is_enforced_while_reading(tmp_path):
    p = tmp_path / "huge.jsonl"
    with open(p, "wb") as f:
        f.write(json.dumps(recs(1)[0]).encode() + b"\n")
        f.write(b'{"id": "huge", "text": "' + b"x" * (20 << 20))  # 20 MB, no newline until the end
        f.write(b'"}\n')
        f.write(json.dumps(recs(1, "after")[0]).encode() + b"\n")
    tracemalloc.start()
    try:
        batches = list(_readers.iter_jsonl(p, max_bytes=1000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 << 20, f"reading held {peak:,} bytes"
    a = Corpus.from_jsonl(p, max_bytes=1000).articles()
    assert list(a["id"]) == ["r0", f"{p}:2", "after0"]
    assert "over the limit" in a["error"].iloc[1] and a["error"].iloc[1].startswith(f"{p}:2:")
    assert sum(len(b) for b in batches) == 3


def test_blank_jsonl_lines_are_not_stories(tmp_path):
    p = tmp_path / "b.jsonl"
    with open(p, "wb") as f:
        f.write(b"\n   \n")
        for r in recs(3):
            f.write(json.dumps(r).encode() + b"\n\r\n\n")
        f.write(b"  ")
    c = Corpus.from_jsonl(p)
    assert len(c) == 3 == len(c.articles())


def test_jsonl_cut_mid_string_reads_as_truncated(tmp_path):
    p = tmp_path / "t.jsonl"
    write_jsonl(p, recs(1), end=b'{"id": "t", "text": "cut sh\n' + json.dumps(recs(1, "z")[0]).encode() + b"\n")
    a = Corpus.from_jsonl(p).articles()
    assert a["error"].iloc[1].startswith(f"{p}:2: malformed JSON (line ends early, truncated?)")
    assert a["id"].iloc[2] == "z0"


def test_csv_stray_quote_is_an_error_row_naming_the_lines(tmp_path):
    p = tmp_path / "q.csv"
    p.write_text('id,text,date\n1,"oops, a stray quote\n2,second story,2023-01-01\n3,third story,2023-01-02\n')
    a = Corpus.from_csv(p, id="id").articles()
    assert len(a) == 1 and a["error"].iloc[0].startswith(f"{p}:2: malformed CSV")
    assert "from line 2 to line 4" in a["error"].iloc[0]
    p.write_text('id,text\n1,"swallows, delimiters\n2,"second",x\n3,"Third story here."\n')
    a = Corpus.from_csv(p, id="id").articles()
    assert a["error"].iloc[0].startswith(f"{p}:2: malformed CSV") and "from line 2 to line 3" in a["error"].iloc[0]
    assert a["id"].iloc[-1] == "3" and pd.isna(a["error"].iloc[-1])  # reading goes on after it


# ---------------------------------------------------------------- one bounded pool


def _os_threads() -> int:
    return len(os.listdir("/proc/self/task"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs /proc")
def test_thread_counts_share_one_pool():
    c = Corpus.from_records(recs(4))
    c.articles(threads=1, entities=False)
    base = _os_threads()
    for n in range(1, 25):
        c.articles(threads=n, entities=False)
    # Replaced pools end their threads once idle. One pool of 24 stays; one pool per count would
    # leave 300.
    deadline = time.monotonic() + 10
    while _os_threads() - base > 24 + 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _os_threads() - base <= 24 + 2, _os_threads()
    from dateline import _native

    cap = _native.corpus_max_threads()
    with pytest.raises(InputError, match=f"limit of {cap} worker threads"):
        c.articles(threads=cap + 1)


# ---------------------------------------------------------------- string arguments


def test_lone_surrogates_in_arguments_are_input_errors_or_replaced():
    for kw in ({"source": "feed\ud800"}, {"date": "2023-05-04\udc00"}):
        with pytest.raises(InputError, match=f"{next(iter(kw))} is not valid Unicode: lone surrogate"):
            dateline.parse(STORY, **kw)
    with pytest.raises(InputError, match="text is not valid Unicode"):
        dateline.parse(STORY + "\ud800")
    art = dateline.parse(STORY + " \ud800.", source="feed\ud800", errors="replace")
    assert art.source == "feed\ufffd" and art.text.endswith(" \ufffd.")
    assert len(art.text) == len(STORY) + 3


def test_other_string_arguments_are_checked_alike(tmp_path):
    with pytest.raises(InputError, match="errors must be 'strict' or 'replace'"):
        dateline.parse(STORY, errors="\ud800")
    with pytest.raises(InputError, match="errors must be 'strict' or 'replace'"):
        dateline.entities(STORY, errors="strict\udc00")
    p = tmp_path / "f.jsonl"
    write_jsonl(p, recs(2))
    with pytest.raises(InputError, match=r"text \(a field name\) is not valid Unicode: lone surrogate U\+D800"):
        Corpus.from_jsonl(p, text="body\ud800")
    assert dateline.parse(STORY, errors="replace").date is None


def test_lone_surrogates_in_corpus_records():
    rows = [{"id": "a\ud800", "text": STORY}, {"id": "b", "text": STORY + "\udfff"}, {"id": "c", "text": STORY}]
    a = Corpus.from_records(rows).articles()
    assert a["id"].tolist() == ["a\ufffd", "b", "c"]
    assert a["error"].iloc[0].endswith("id is not valid Unicode: lone surrogate U+D800 at index 1 "
                                       "(errors=\"replace\" replaces it)")
    assert "text is not valid Unicode" in a["error"].iloc[1] and pd.isna(a["error"].iloc[2])
    b = Corpus.from_records(rows, errors="replace").articles()
    assert b["error"].isna().all() and b["id"].iloc[0] == "a\ufffd"


def test_jsonl_lone_surrogate_escape(tmp_path):
    p = tmp_path / "s.jsonl"
    p.write_bytes(b'{"id": "s", "text": "Storm hits \\ud800 coast."}\n')
    strict = Corpus.from_jsonl(p).articles()
    assert "lone surrogate escape" in strict["error"].iloc[0] and strict["id"].iloc[0] == f"{p}:1"
    lossy = Corpus.from_jsonl(p, errors="replace").articles()
    assert pd.isna(lossy["error"].iloc[0]) and lossy["id"].iloc[0] == "s"
    assert lossy["n_chars"].iloc[0] == len("Storm hits \ufffd coast.")
