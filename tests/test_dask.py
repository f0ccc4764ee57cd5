"""dateline.dask on a real cluster: two worker processes of one thread each (distributed.LocalCluster),
started once for the module. The tables must equal the single-machine Corpus tables on the same
stories, error rows included, whatever the input kind and partitioning, also when a worker is killed
in the middle of a run."""
from __future__ import annotations

import gzip
import json
import os
import signal
import time

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pyarrow.parquet as pq
import pytest
from distributed import Client, LocalCluster, wait
from test_corpus import STORIES, records, write_jsonl

import dateline.dask as ddl
from dateline import Corpus
from dateline.corpus import TABLES


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      memory_limit="1GiB") as cluster, Client(cluster) as c:
        c.register_plugin(ddl.Preload())
        yield c


def same(got, want: pd.DataFrame) -> None:
    """A Dask table computed equals the Corpus table (the index restarts per partition: dropped)."""
    pd.testing.assert_frame_equal(got.compute().reset_index(drop=True), want)


def bad_jsonl_rows(n: int) -> list:
    rows: list = records(n)
    rows.insert(3, b'{"id": "cut", "text": "line ends ea\n')   # malformed JSON: an error row
    rows.insert(7, b"\n")                                        # blank: skipped, but counted as a line
    rows.insert(11, {"id": "empty", "text": ""})                  # empty story: an error row
    rows.insert(20, {"text": STORIES[1]})                         # no id: named file:line
    return rows


def test_meta_is_the_corpus_dtypes_and_nothing_is_computed(tmp_path):
    p = tmp_path / "a.jsonl"
    write_jsonl(p, records(30))
    want = Corpus.from_jsonl(p).tables(threads=1)
    got = ddl.tables([str(p)])  # no client: building the graph computes nothing
    for t in TABLES:
        assert list(got[t].columns) == list(want[t].columns)
        assert got[t].dtypes.to_dict() == want[t].dtypes.to_dict(), t
        assert ddl.meta(t).dtypes.to_dict() == want[t].dtypes.to_dict()


def test_named_columns_must_exist_default_ones_are_used_when_present():
    frame = dd.from_pandas(pd.DataFrame(records(4)).drop(columns="date"), npartitions=2)
    with pytest.raises(ValueError, match="no column 'story' for the id"):
        ddl.articles(frame, id="story")
    with pytest.raises(ValueError, match="no column 'body' for the text"):
        ddl.entities(frame, text="body")
    with pytest.raises(ValueError, match="takes a Dask DataFrame, a Dask Bag or file paths, not int"):
        ddl.tables(42)
    ddl.articles(frame)  # no date column: fine, as in Corpus


def test_jsonl_byte_ranges_and_other_files_equal_corpus(client, tmp_path):
    p = tmp_path / "wire.jsonl"
    write_jsonl(p, bad_jsonl_rows(400))
    want = Corpus.from_jsonl(p).tables(threads=2)
    for blocksize in (None, 1000, 7777):
        got = ddl.tables(str(p), blocksize=blocksize)
        if blocksize:
            assert got["articles"].npartitions == -(-p.stat().st_size // blocksize)
        for t in TABLES:
            same(got[t], want[t])
    arts = want["articles"]
    assert arts["error"].notna().sum() == 2 and f"{p}:21" in set(arts["id"])
    # The same stories repeat across partitions: their later versions point at the first, as in Corpus.
    assert arts["duplicate_of"].notna().sum() > 10
    # A .gz file is one partition; CSV, Parquet and .txt files are read as Corpus reads them.
    gz = tmp_path / "more.jsonl.gz"
    with gzip.open(gz, "wb") as f:
        for r in records(50):
            f.write(json.dumps(r).encode() + b"\n")
    csv = tmp_path / "t.csv"
    pd.DataFrame(records(40)).to_csv(csv, index=False)
    (tmp_path / "txt").mkdir()
    for i in range(5):
        (tmp_path / "txt" / f"s{i}.txt").write_text(STORIES[i], encoding="utf-8")
    inputs = [str(p), str(gz), str(csv), str(tmp_path / "txt" / "*.txt")]
    from dateline._extract import corpus_from_inputs

    want = corpus_from_inputs(inputs).tables(threads=2)
    got = ddl.tables(inputs, blocksize=3000, files_per_partition=2)
    for t in TABLES:
        same(got[t], want[t])


def test_dedupe_false_leaves_duplicate_of_none_as_corpus_does(client, tmp_path):
    p = tmp_path / "wire.jsonl"
    write_jsonl(p, records(120))
    want = Corpus.from_jsonl(p).tables(threads=2, dedupe=False)
    got = ddl.tables(str(p), blocksize=3000, dedupe=False)
    for t in TABLES:
        same(got[t], want[t])
        assert want[t]["duplicate_of"].isna().all()
    with pytest.raises(ValueError, match="dedupe must be True or False"):
        ddl.entities(str(p), dedupe="yes")


def test_dask_dataframe_and_bag_equal_corpus(client):
    rows = records(300)
    rows[17]["text"] = None   # no text: an error row naming its row in the whole frame
    df = pd.DataFrame(rows)
    want = Corpus.from_pandas(df, id="id", date="date").tables(threads=2)
    assert want["articles"]["error"].str.startswith("row 17: no text").sum() == 1
    got = ddl.tables(dd.from_pandas(df, npartitions=4))
    for t in TABLES:
        same(got[t], want[t])
    assert ddl.entities(dd.from_pandas(df, npartitions=3)).npartitions == 3
    # Records without an id are named by their position in the whole bag, as Corpus names them.
    recs = [{k: v for k, v in r.items() if not (k == "id" and i % 5 == 0)} for i, r in enumerate(records(120))]
    recs[33] = {"id": "no-text"}
    want = Corpus.from_records(recs).tables(threads=2)
    got = ddl.tables(db.from_sequence(recs, npartitions=5))
    for t in TABLES:
        same(got[t], want[t])


def test_to_parquet_writes_partitioned_tables_with_the_writers_rules(client, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    p = src / "wire.jsonl"
    write_jsonl(p, bad_jsonl_rows(200))
    want = Corpus.from_jsonl(p).tables(threads=2)
    out = tmp_path / "out"
    summary = ddl.to_parquet(str(p), out, blocksize=4000)
    assert summary.stories == len(want["articles"]) and summary.errors == 2
    assert summary.entities == len(want["entities"])
    manifest = json.loads((out / "_SUCCESS.json").read_text())
    assert manifest["complete"] and manifest["tables"]["entities"]["rows"] == len(want["entities"])
    assert not (out / "_partial").exists()
    for t in TABLES:
        parts = sorted((out / t).glob("part-*.parquet"))
        assert len(parts) == manifest["tables"][t]["parts"] > 1
        got = pd.concat([pq.read_table(x).to_pandas() for x in parts], ignore_index=True)
        if t == "articles":
            got = got.astype({c: "Int64" for c in got.columns if str(got[c].dtype) == "int64"})
        pd.testing.assert_frame_equal(got, want[t], check_dtype=False)
    with pytest.raises(ValueError, match="not empty"):
        ddl.to_parquet(str(p), out)
    (src / "a.txt").write_text(STORIES[0], encoding="utf-8")
    with pytest.raises(ValueError, match="inside the input folder"):
        ddl.to_parquet(str(src), src / "tables", overwrite=True)
    with pytest.raises(ValueError, match="writes a folder"):
        ddl.to_parquet(str(p), p, overwrite=True)
    with pytest.raises(ValueError, match="writes a folder"):
        ddl.to_parquet(str(p), tmp_path / "x.parquet")
    again = ddl.to_parquet(str(p), out, tables=("entities",), overwrite=True)
    assert again.stories == summary.stories
    assert sorted(x.name for x in out.iterdir()) == ["_SUCCESS.json", "articles", "entities"]


def _fail_while(frame: pd.DataFrame, flag: str) -> pd.DataFrame:
    """A partition that fails while the file ``flag`` exists (when it holds story "s-150"), after
    the other partitions had time to finish."""
    if os.path.exists(flag) and (frame["id"] == "s-150").any():
        time.sleep(1.5)
        raise RuntimeError("interrupted")
    return frame


@pytest.mark.parametrize("dedupe", [True, False])
def test_to_parquet_resume_computes_only_unfinished_partitions(client, tmp_path, dedupe):
    rows = pd.DataFrame([dict(r, id=f"s-{k}") for k, r in enumerate(records(160))])
    want = Corpus.from_records(rows.to_dict("records")).tables(threads=2, dedupe=dedupe)
    flag = tmp_path / "fail"
    flag.write_text("")
    frame = dd.from_pandas(rows, npartitions=4).map_partitions(_fail_while, str(flag), meta=rows.iloc[:0])
    out = tmp_path / "out"
    with pytest.raises(RuntimeError, match="interrupted"):
        ddl.to_parquet(frame, out, resume=True, dedupe=dedupe)
    deadline = time.monotonic() + 30
    while any(client.processing().values()) and time.monotonic() < deadline:
        time.sleep(0.05)  # a partition still running would write its part after we look
    staging = out / "_partial"
    finished = sorted((staging / "done").glob("part-*.json"))
    assert 1 <= len(finished) < 4 and not (out / "_SUCCESS.json").exists()
    kept = {x: x.stat().st_mtime_ns for x in staging.rglob("part-*.parquet")}
    with pytest.raises(ValueError, match="resume=True"):
        ddl.to_parquet(frame, out, dedupe=dedupe)
    with pytest.raises(ValueError, match="other parameters"):
        ddl.to_parquet(frame, out, resume=True, tables=("entities",), dedupe=dedupe)
    flag.unlink()
    summary = ddl.to_parquet(frame, out, resume=True, dedupe=dedupe)
    manifest = json.loads((out / "_SUCCESS.json").read_text())
    assert manifest["resumed_partitions"] == len(finished) and not staging.exists()
    assert summary.stories == len(want["articles"]) and summary.entities == len(want["entities"])
    for t in TABLES:
        got = pd.concat([pq.read_table(x).to_pandas() for x in sorted((out / t).glob("part-*.parquet"))],
                        ignore_index=True)
        if t == "articles":
            got = got.astype({c: "Int64" for c in got.columns if str(got[c].dtype) == "int64"})
        pd.testing.assert_frame_equal(got, want[t], check_dtype=False)
    if dedupe:
        # the versions were decided over all partitions, the resumed ones' kept signatures included
        assert want["articles"]["duplicate_of"].notna().sum() > 10
    else:
        # the finished partitions were not run again: their files are the first run's (with
        # dedupe every part is rewritten with its duplicate_of column at the end)
        moved = {out / x.relative_to(staging): m for x, m in kept.items() if x.parent.name != "identity"}
        assert all(p.stat().st_mtime_ns == m for p, m in moved.items())
    # resuming a finished run does nothing and returns its summary
    again = ddl.to_parquet(frame, out, resume=True, dedupe=dedupe)
    assert again.stories == summary.stories and again.seconds == 0.0


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(client, tmp_path):
    paths = []
    for k in range(4):
        p = tmp_path / f"part{k}.jsonl"
        rows = [dict(r, id=f"{k}-{r['id']}") for r in records(1500)]
        write_jsonl(p, rows)
        paths.append(str(p))
    corpus = Corpus.from_jsonl(paths)
    want = {"articles": corpus.articles(threads=2), "entities": corpus.entities(threads=2)}
    got = ddl.tables(paths, tables=("articles", "entities"), blocksize=80_000)
    parts = got["entities"].to_delayed()
    arts = got["articles"].to_delayed()
    assert len(parts) >= 8
    futures = client.compute(parts + arts)
    pids = client.run(os.getpid)
    # Kill a worker once it is busy with a partition and at least one partition is done.
    deadline = time.monotonic() + 60
    victim = None
    while time.monotonic() < deadline:
        busy = {w: ts for w, ts in client.processing().items() if ts}
        if busy and any(f.done() for f in futures):
            victim = next(iter(busy))
            break
        time.sleep(0.05)
    assert victim is not None, "no partition was running"
    os.kill(pids[victim], signal.SIGKILL)
    wait(futures, timeout=120)
    results = client.gather(futures)
    ents = pd.concat(results[: len(parts)], ignore_index=True)
    art = pd.concat(results[len(parts):], ignore_index=True)
    pd.testing.assert_frame_equal(ents, want["entities"])
    pd.testing.assert_frame_equal(art, want["articles"])
    # The killed worker is gone (its nanny started a new one, at another address).
    assert victim not in client.scheduler_info()["workers"]


def test_byte_ranges_tile_a_jsonl_file_for_any_block_size(tmp_path, monkeypatch):
    """Ranges that tile the file give iter_jsonl's records once each, with the same lines and errors:
    lines cut anywhere, blank lines, an over-long line crossing blocks, no newline at the end."""
    from dateline import readers

    p = tmp_path / "x.jsonl"
    lines = [b'{"id": 1, "text": "a"}\n', b"\n", b"  \n", b'{"id": 2, "text": "' + b"b" * 300 + b'"}\n',
             b'{"id": 3, "text": "c"}\n', b"\n", b'{"id": 4, "text": "d"}']
    p.write_bytes(b"".join(lines))
    size = p.stat().st_size
    monkeypatch.setattr(readers, "jsonl_line_limit", lambda max_bytes: 100)  # record 2 is over-long

    def flat(batches):
        return [(x, b.lines[i], b.errors[i]) for b in batches for i, x in enumerate(b.payloads)]

    want = flat(readers.iter_jsonl([p], 2, max_bytes=10))
    assert [w[1] for w in want] == [1, 4, 5, 7] and want[1][0] is None and "over the limit" in want[1][2]
    for block in (1, 2, 3, 5, 8, 13, 24, 25, 26, 100, 101, size, size + 5):
        got = []
        for a in range(0, size, block):
            b = min(a + block, size)
            got += flat(readers.iter_jsonl_range(p, a, b, readers.count_newlines(p, 0, a), 2, max_bytes=10))
        assert got == want, block
