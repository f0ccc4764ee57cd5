"""The ``dateline`` command.

Each command is a function ``add_<name>_command(subparsers)`` that adds its sub-parser and sets
``func`` (called with the parsed args, returns the exit code). Commands of other areas live in their
own modules and are added in :func:`_add_commands`, one line each.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import signal
import sys
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import dateline
from dateline import _native
from dateline.errors import DatelineError, InputError


def _err(msg: str) -> None:
    print(f"dateline: {msg}", file=sys.stderr)


# ---------------------------------------------------------------- parse


def _read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    return Path(name).read_bytes()


def _cmd_parse(args: argparse.Namespace) -> int:
    status = 0
    out = sys.stdout
    for name in args.files:
        source = "<stdin>" if name == "-" else name
        try:
            data = _read_input(name)
            art = dateline.parse(
                data, date=args.date, source=source, errors=args.errors, entities=not args.no_entities
            )
            out.write(art.to_json(text=args.text, tokens=args.tokens))
            out.write("\n")
        except BrokenPipeError:
            raise  # the reader went away (`| head`): main() stops quietly
        except (OSError, DatelineError) as e:
            # One bad file does not stop the others; the exit code says something failed.
            _err(f"{source}: {e}")
            status = EXIT_FAILED
    out.flush()
    return status


def add_parse_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "parse",
        help="parse stories, print one JSON object per story per line",
        description="Parses each FILE as one story (UTF-8) and prints one JSON object per line. "
        "Offsets are str (code point) indices into the decoded text.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="a story file, or - for standard input")
    p.add_argument("--date", help="the stories' date, YYYY-MM-DD (for datelines without a year)")
    p.add_argument("--errors", choices=["strict", "replace"], default="strict",
                   help="strict: stop a file at invalid UTF-8 (default); replace: decode lossily")
    p.add_argument("--tokens", action="store_true", help="include the tokens")
    p.add_argument("--text", action="store_true", help="include the input text")
    p.add_argument("--no-entities", action="store_true", help="structure, sentences and tokens only")
    p.set_defaults(func=_cmd_parse)


# ---------------------------------------------------------------- demo


def _shorten(s: str | None, n: int = 90) -> str:
    if s is None:
        return "-"
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 3] + "..."


# Amounts, numbers and times: left out of the demo's "top names".
_VALUE_LABELS = ("CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "MONEY", "DATE", "TIME", "DURATION", "SET")


def _cmd_demo(args: argparse.Namespace) -> int:
    stories = dateline.sample_corpus()
    per_label: collections.Counter = collections.Counter()
    top: collections.Counter = collections.Counter()
    totals: collections.Counter[str] = collections.Counter()
    w = sys.stdout.write
    w(f"dateline {dateline.__version__}: the bundled sample corpus ({len(stories)} stories, "
      f"{dateline.sample_dir()})\n")
    for story in stories:
        art = dateline.parse(story["text"], date=story["date"], source=story["id"])
        d = art.dateline
        w(f"\n== {story['id']}  [{story['style']}]\n")
        w(f"   headline : {_shorten(art.headline)}\n")
        if d is not None:
            w(f"   dateline : {d.text.strip()!r} -> place={d.place!r} date={d.date} agency={d.agency}\n")
        else:
            w("   dateline : (none)\n")
        w(f"   date     : {art.date or '-'}")
        if art.bylines:
            w(f"   by: {', '.join(art.bylines)}")
        w("\n")
        if art.advisory:
            w(f"   advisory : {'; '.join(art.advisory)}\n")
        w(f"   parts    : {len(art.paragraphs)} paragraphs, {len(art.captions)} captions, "
          f"{len(art.sentences)} sentences, {len(art.tokens)} tokens\n")
        ents = art.entities
        seen: dict[tuple[str, str], int] = {}
        for e in ents:
            key = (e.canonical, e.label)
            seen[key] = seen.get(key, 0) + 1
            per_label[e.label] += 1
            if e.label not in _VALUE_LABELS:
                top[key] += 1
        shown = ", ".join(f"{name} ({label}{'' if n == 1 else f' x{n}'})"
                          for (name, label), n in list(seen.items())[: args.entities])
        w(f"   entities : {shown or '(none)'}{' ...' if len(seen) > args.entities else ''}\n")
        for q in art.quotes[:2]:
            who = q.speaker or q.source or "?"
            w(f"   quote    : {who}: \u201c{_shorten(q.text, 70)}\u201d\n")
        for ev in art.events[:2]:
            detail = f" ({ev.detail})" if ev.detail else ""
            w(f"   event    : {ev.subject} -{ev.predicate}-> {ev.object}{detail}\n")
        totals["stories"] += 1
        totals["paragraphs"] += len(art.paragraphs)
        totals["sentences"] += len(art.sentences)
        totals["tokens"] += len(art.tokens)
        totals["entities"] += len(ents)
        totals["quotes"] += len(art.quotes)
        totals["events"] += len(art.events)
        totals["with dateline"] += d is not None
    w("\n== totals\n   " + ", ".join(f"{k}: {v}" for k, v in totals.items()) + "\n")
    if per_label:
        w("   by label : " + ", ".join(f"{k} {v}" for k, v in per_label.most_common()) + "\n")
    if top:
        w("   top names: " + ", ".join(f"{n} ({lab}) {c}" for (n, lab), c in top.most_common(10)) + "\n")
    return 0


def add_demo_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="run the whole pipeline on the bundled sample corpus",
                       description="Parses the sample stories shipped with dateline and prints a summary.")
    p.add_argument("--entities", type=int, default=8, metavar="N", help="entities shown per story (8)")
    p.set_defaults(func=_cmd_demo)


# ---------------------------------------------------------------- eval


def _score_rows(result: Any, path: str = "") -> Iterable[tuple[str, dict[str, Any]]]:
    """Every dict in `result` that carries precision/recall/f1, with a name from its keys."""
    if isinstance(result, dict):
        if {"precision", "recall", "f1"} <= result.keys():
            yield path or "overall", result
        for k, v in result.items():
            if isinstance(v, (dict, list)):
                yield from _score_rows(v, f"{path}.{k}" if path else str(k))
    elif isinstance(result, list):
        for i, v in enumerate(result):
            name = v.get("type") or v.get("label") or v.get("name") if isinstance(v, dict) else None
            yield from _score_rows(v, f"{path}.{name or i}" if path else str(name or i))


def _fmt_pct(x: Any, scale: float) -> str:
    if not isinstance(x, (int, float)):
        return "-"
    return f"{x * scale:6.2f}"


def print_scores(result: dict[str, Any], title: str, out=None, fractions: bool = False) -> None:
    """Prints every precision/recall/F1 found in an evaluation result as one table, in percent
    (the core's reports give percentages; `fractions=True` for results in 0..1)."""
    out = out or sys.stdout
    scale = 100.0 if fractions else 1.0
    rows = list(_score_rows(result))
    width = max([len(n) for n, _ in rows] + [8])
    out.write(f"{title}\n")
    counts = [k for k in ("gold", "predicted", "correct", "true_positives", "tp", "fp", "fn")
              if any(k in r for _, r in rows)]
    head = f"{'':<{width}}  {'prec':>6}  {'recall':>6}  {'F1':>6}" + "".join(f"  {k:>7}" for k in counts)
    out.write(head + "\n")
    for name, r in rows:
        line = (f"{name:<{width}}  {_fmt_pct(r.get('precision'), scale)}  {_fmt_pct(r.get('recall'), scale)}"
                f"  {_fmt_pct(r.get('f1'), scale)}")
        line += "".join(f"  {r.get(k, ''):>7}" for k in counts)
        out.write(line + "\n")
    extra = {k: v for k, v in result.items() if not isinstance(v, (dict, list))}
    if extra:
        out.write("  ".join(f"{k}: {v}" for k, v in extra.items()) + "\n")


def _cmd_eval_events(args: argparse.Namespace) -> int:
    from dateline._eval_events import run

    path, data = Path(args.path), Path(args.data)
    for p in (path, data):
        if not p.exists():
            _err(f"{p}: no such file or directory")
            return EXIT_INPUT
    try:
        result = run(path, data, show=args.show, coverage=not args.no_coverage)
    except (OSError, json.JSONDecodeError, KeyError, ValueError) as e:
        _err(f"{path}: {e}")
        return EXIT_INPUT
    if args.json:
        json.dump(result, sys.stdout, indent=2, ensure_ascii=False, default=str)
        sys.stdout.write("\n")
        return 0
    print(f"Events on the hand-made gold {path} (precision first; a match: same sentence, subject and "
          "object name the same actor, same CAMEO root)")
    print(f"{'':<10} {'prec':>7} {'recall':>7} {'F1':>7} {'found':>6} {'correct':>7} {'gold':>5} "
          f"{'sents':>6} {'mood':>6}")
    for split in ("all", "tune", "heldout"):
        r = result[split]
        print(f"{split:<10} {r['precision']:7.1%} {r['recall']:7.1%} {r['f1']:7.1%} {r['found']:6} "
              f"{r['correct']:7} {r['gold events']:5} {r['sentences']:6} {r['mood agreement']:6.1%}")
    print("(heldout: labelled, then scored without tuning on it)")
    for name in ("coverage bbc politics", "coverage reuters"):
        if name in result:
            c = result[name]
            print(f"{name}: {c['with an event']:,} of {c['stories']:,} stories have an event "
                  f"({c['share']:.1%}); {c['events']:,} events")
    for k in ("false", "missed"):
        for line in result.get(k, []):
            print(f"  {k}: {line}")
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if not path.exists():
        _err(f"{path}: no such file or directory")
        return EXIT_INPUT
    try:
        if args.dataset == "conll":
            type_map = _type_map(args.map) if args.map else None
            result = _native.eval_conll(str(path), type_map=type_map, sentence_docs=args.sentence_docs,
                                        upper=args.upper)
            title = f"CoNLL-2003 NER, exact span and type, {args.path}"
        elif args.dataset == "polnear":
            result = _native.eval_polnear(str(path))
            title = (f"PolNeAR quotes and attributions (spans match when they overlap by half the shorter), "
                     f"{args.path}")
        else:
            result = _native.eval_timebank(str(path))
            title = f"TimeBank (TempEval-3) DATE/TIME, {args.path}"
    except (OSError, json.JSONDecodeError, InputError) as e:
        # A gold file or type map that cannot be read is the user's input: exit 2, as everywhere.
        _err(str(e))
        return EXIT_INPUT
    except DatelineError as e:
        _err(str(e))
        return EXIT_FAILED
    if args.json:
        json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print_scores(result, title)
    return 0


def _type_map(path: str) -> dict[str, str]:
    """A JSON type map: {type: type}, or an object holding one as "entity_type_map" (CrossNER's)."""
    with open(path, encoding="utf-8") as f:
        body = json.load(f)
    body = body.get("entity_type_map", body) if isinstance(body, dict) else body
    if not isinstance(body, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in body.items()):
        raise InputError(f"{path}: expected a JSON object of type -> type (or one under \"entity_type_map\")")
    return body


def add_eval_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="measure accuracy on gold data (CoNLL-2003, TimeBank, PolNeAR, events)")
    esub = p.add_subparsers(dest="dataset", required=True, metavar="DATASET")
    c = esub.add_parser("conll", help="entities on a CoNLL-2003 file (IOB1 or IOB2), per type and overall")
    c.add_argument("path", metavar="FILE")
    c.add_argument("--json", action="store_true", help="machine-readable output")
    c.add_argument("--map", metavar="JSON", help="rename the file's entity types to PER/ORG/LOC/MISC by a JSON "
                   "object of type -> type (or one under \"entity_type_map\", as CrossNER's mapping.json)")
    c.add_argument("--sentence-docs", action="store_true",
                   help="each sentence is its own document (files without -DOCSTART- lines)")
    c.add_argument("--upper", action="store_true", help="upper-case every token first (headline style)")
    c.set_defaults(func=_cmd_eval)
    t = esub.add_parser("timebank", help="DATE/TIME extents and values on a TimeBank folder (TimeML)")
    t.add_argument("path", metavar="DIR")
    t.add_argument("--json", action="store_true", help="machine-readable output")
    t.set_defaults(func=_cmd_eval)
    ev = esub.add_parser("events", help="events on a hand-made gold file (story ids and offsets into the shared "
                         "data), and how many BBC politics and Reuters stories get an event")
    ev.add_argument("path", metavar="GOLD", help="the gold JSONL (the repository's tests/gold/events.jsonl)")
    ev.add_argument("--data", metavar="DIR", default=_default_data(),
                    help="the shared data folder (default: $DATELINE_SHARED/data, else ../shared/data)")
    ev.add_argument("--show", type=int, default=0, metavar="N", help="list N false and N missed events")
    ev.add_argument("--no-coverage", action="store_true", help="skip the corpus coverage runs")
    ev.add_argument("--json", action="store_true", help="machine-readable output")
    ev.set_defaults(func=_cmd_eval_events)
    q = esub.add_parser("polnear", help="direct quotes, named speakers and attributions on a PolNeAR JSONL file")
    q.add_argument("path", metavar="FILE")
    q.add_argument("--json", action="store_true", help="machine-readable output")
    q.set_defaults(func=_cmd_eval)


def _default_data() -> str:
    env = os.environ.get("DATELINE_SHARED")
    return str(Path(env) / "data") if env else str(Path("..") / "shared" / "data")


# ---------------------------------------------------------------- main


def _add_commands(sub: argparse._SubParsersAction) -> None:
    add_parse_command(sub)
    add_demo_command(sub)
    add_eval_command(sub)
    # Other areas add their commands below (imported here: the corpus engine loads pyarrow).
    from dateline._extract import add_extract_command

    add_extract_command(sub)


#: The command's exit statuses: every command returns one of these. The one table: `dateline --help`
#: prints it and tests/test_no_silent_failure.py checks the README's table against it.
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INPUT = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_CODES: dict[int, str] = {
    EXIT_OK: "every story done",
    EXIT_FAILED: "some stories failed (they are error rows; `extract --allow-errors` exits 0 then)",
    EXIT_INPUT: "usage or input error: a bad argument, a missing file or column, an output that would "
                "replace an input or an earlier run",
    EXIT_INTERRUPTED: "interrupted by Ctrl-C (143 for SIGTERM); nothing under the final output names",
}

_EPILOG = "exit status:\n" + "\n".join(f"  {code:<4} {meaning}" for code, meaning in EXIT_CODES.items())


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so a run stops and cleans up the same way."""


def _on_sigterm(signum, frame):
    raise Terminated()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description="Turns raw news stories into structured data.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"dateline {dateline.__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        args = build_parser().parse_args(argv)
        return args.func(args)
    except Terminated:
        _err("terminated")
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `dateline parse ... | head`: stop quietly; point stdout at devnull so the interpreter's
        # final flush does not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except InputError as e:
        _err(str(e))
        return EXIT_INPUT
    except DatelineError as e:
        _err(str(e))
        return EXIT_FAILED
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
