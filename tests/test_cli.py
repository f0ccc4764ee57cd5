"""The `dateline` command: parse, demo, eval (argument handling and errors)."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import dateline
from dateline import cli

STORY = "Rail strike goes on\n\nPARIS, Dec 17 (AFP) -- Trains stopped across France on Sunday.\n"


def run(argv, capsys, stdin: bytes = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_prints_one_json_object_per_story(tmp_path, capsys):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(STORY, encoding="utf-8")
    b.write_text("BERLIN (dpa) - Züge fielen aus.\n", encoding="utf-8")
    code, out, err = run(["parse", str(a), str(b), "--date", "2023-12-17"], capsys)
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["source"] == str(a)
    assert first["date"] == "2023-12-17"
    assert first["dateline"]["place"] == "PARIS"
    assert first["dateline"]["agency"] == "AFP"
    assert "tokens" not in first and "text" not in first
    second = json.loads(lines[1])
    assert second["dateline"]["agency"] == "dpa"


def test_parse_tokens_and_text_flags(tmp_path, capsys):
    a = tmp_path / "a.txt"
    a.write_text(STORY, encoding="utf-8")
    code, out, _ = run(["parse", "--tokens", "--text", str(a)], capsys)
    assert code == 0
    d = json.loads(out)
    assert d["text"] == STORY
    assert d["tokens"] and all(STORY[t["start"] : t["end"]] == t["text"] for t in d["tokens"])


def test_parse_reads_stdin(capsys, monkeypatch):
    code, out, err = run(["parse", "-"], capsys, stdin=STORY.encode(), monkeypatch=monkeypatch)
    assert code == 0, err
    d = json.loads(out)
    assert d["source"] == "<stdin>"
    assert d["headline"] == "Rail strike goes on"


def test_parse_bad_files_are_reported_and_others_still_parsed(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"PARIS (AFP) - caf\xe9\n")
    missing = tmp_path / "missing.txt"
    code, out, err = run(["parse", str(bad), str(missing), str(good)], capsys)
    assert code == 1
    assert len(out.splitlines()) == 1
    assert "bad.txt" in err and "byte offset 17" in err
    assert "missing.txt" in err
    code, out, err = run(["parse", "--errors", "replace", str(bad)], capsys)
    assert code == 0 and len(out.splitlines()) == 1


def test_parse_rejects_a_bad_date(tmp_path, capsys):
    a = tmp_path / "a.txt"
    a.write_text(STORY, encoding="utf-8")
    code, out, err = run(["parse", "--date", "17.12.2023", str(a)], capsys)
    assert code == 1 and "date" in err and out == ""


def test_demo_summarises_every_sample_story(capsys):
    code, out, err = run(["demo"], capsys)
    assert code == 0, err
    for story in dateline.sample_corpus():
        assert story["id"] in out
    assert "== totals" in out
    assert "dateline : 'SEOUL, March 14 (Yonhap) --' -> place='SEOUL'" in out


def test_eval_missing_file_is_a_clear_error(tmp_path, capsys):
    code, out, err = run(["eval", "conll", str(tmp_path / "nope.txt")], capsys)
    assert code == 2  # an input error
    assert "nope.txt" in err


def test_print_scores_table():
    result = {
        "overall": {"precision": 0.9, "recall": 0.8, "f1": 0.847, "tp": 8, "fp": 1, "fn": 2},
        "per_type": {"PER": {"precision": 1.0, "recall": 0.5, "f1": 0.667, "tp": 1, "fp": 0, "fn": 1}},
        "documents": 3,
    }
    buf = io.StringIO()
    cli.print_scores(result, "t", out=buf, fractions=True)
    text = buf.getvalue()
    assert "overall" in text and "per_type.PER" in text and " 84.70" in text and "documents: 3" in text
    listed = {"per_type": [{"type": "LOC", "precision": 91.0, "recall": 89.5, "f1": 90.24, "gold": 10}],
              "overall": {"type": "overall", "precision": 91.0, "recall": 89.5, "f1": 90.24, "gold": 10}}
    buf = io.StringIO()
    cli.print_scores(listed, "t", out=buf)
    assert "per_type.LOC" in buf.getvalue() and " 90.24" in buf.getvalue()


def test_console_script_runs_as_a_module():
    proc = subprocess.run(
        [sys.executable, "-m", "dateline", "--version"], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"dateline {dateline.__version__}"
    proc = subprocess.run([sys.executable, "-m", "dateline"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "usage" in proc.stderr


def test_eval_conll_reads_iob1_and_iob2_gold_spans(tmp_path, capsys):
    # IOB1: a run of I- tags is one entity (a new type starts another); IOB2: every entity opens
    # with B-. Gold counts per type show how the spans were read.
    rows = [("-DOCSTART-", "O"), None,
            ("Kim", "I-PER"), ("Jong-un", "I-PER"), ("met", "O"), ("Li", "I-PER"), ("Hongzhong", "I-PER"), None,
            ("In", "O"), ("New", "I-LOC"), ("York", "I-LOC"), ("Acme", "I-ORG"), None,
            ("-DOCSTART-", "O"), None,
            ("Acme", "B-ORG"), ("Corp", "I-ORG"), ("Beta", "B-ORG"), ("rose", "O")]
    f = tmp_path / "iob.txt"
    f.write_text("".join("\n" if r is None else f"{r[0]} X X {r[1]}\n" for r in rows), encoding="utf-8")
    code, out, err = run(["eval", "conll", str(f), "--json"], capsys)
    assert code == 0, err
    result = json.loads(out)
    gold = {t["type"]: t["gold"] for t in result["per_type"]}
    assert gold == {"PER": 2, "LOC": 1, "ORG": 3, "MISC": 0}
    assert result["documents"] == 2 and result["overall"]["gold"] == 6


def test_eval_conll_on_a_small_file(tmp_path, capsys):
    f = tmp_path / "mini.txt"
    f.write_text(
        "-DOCSTART- -X- -X- O\n\nRussia NNP B-NP I-LOC\nsaid VBD B-VP O\nit PRP B-NP O\n"
        "would MD B-VP O\nsell VB I-VP O\nwheat NN B-NP O\nto TO B-PP O\nJapan NNP B-NP I-LOC\n. . O O\n",
        encoding="utf-8",
    )
    code, out, err = run(["eval", "conll", str(f), "--json"], capsys)
    assert code == 0, err
    result = json.loads(out)
    assert result["overall"]["gold"] == 2
    assert result["documents"] == 1


def test_eval_conll_maps_types_splits_sentences_and_upper_cases(tmp_path, capsys):
    # CrossNER-style files: fine types renamed by a mapping.json, no -DOCSTART- lines.
    f = tmp_path / "fine.txt"
    f.write_text("Angela\tB-politician\nMerkel\tI-politician\nvisited\tO\nParis\tB-country\n\n"
                 "The\tO\nGreens\tB-politicalparty\nwon\tO\n", encoding="utf-8")
    m = tmp_path / "mapping.json"
    m.write_text(json.dumps({"entity_type_map": {"politician": "PER", "country": "LOC",
                                                 "politicalparty": "ORG"}}), encoding="utf-8")
    code, out, err = run(["eval", "conll", str(f), "--json", "--map", str(m), "--sentence-docs"], capsys)
    assert code == 0, err
    result = json.loads(out)
    gold = {t["type"]: t["gold"] for t in result["per_type"]}
    assert gold == {"PER": 1, "LOC": 1, "ORG": 1, "MISC": 0}
    assert result["documents"] == 2
    code, out, err = run(["eval", "conll", str(f), "--json", "--map", str(m), "--upper"], capsys)
    assert code == 0, err
    assert "upper" in json.loads(out)["mode"]
    # A type the map does not rename is an input error naming it.
    m.write_text(json.dumps({"politician": "PER"}), encoding="utf-8")
    code, out, err = run(["eval", "conll", str(f), "--map", str(m)], capsys)
    assert code == 2 and "country" in err
