"""The seed story (../shared/seed) against ../shared/gold/seed-expectations.json, through the Python
API: the article parts, the entities and the reading: canonical names, titles,
acronyms, time values, quotes and events."""
from __future__ import annotations

import pytest

# ------------------------------------------------------------------ article


def test_seed_date(seed_article, seed_expectations):
    assert seed_article.date == seed_expectations["article"]["date"]


def test_seed_advisory(seed_article, seed_expectations):
    assert seed_article.advisory == seed_expectations["article"]["advisory"]


def test_seed_byline(seed_article, seed_expectations):
    assert seed_article.bylines == seed_expectations["article"]["byline"]


def test_seed_dateline(seed_article, seed_expectations):
    want = seed_expectations["article"]["dateline"]
    d = seed_article.dateline
    assert d is not None
    assert (d.place, d.date, d.agency) == (want["place"], want["date"], want["agency"])
    assert seed_article.text[d.start : d.end] == d.text


def test_seed_lead_and_paragraphs(seed_article, seed_expectations):
    want = seed_expectations["article"]
    paras = seed_article.paragraphs
    assert paras[0].text.startswith(want["lead_starts_with"])
    assert len(paras) == want["body_paragraphs"]
    for p in paras:
        assert want["captions"]["not_in_body"].lower() not in p.text.lower()
    assert want["captions"]["not_in_body"].lower() not in seed_article.body.lower()


def test_seed_captions(seed_article, seed_expectations):
    want = seed_expectations["article"]["captions"]
    caps = seed_article.captions
    assert len(caps) == want["count"]
    each = want["each"]
    for c in caps:
        assert c.credit == each["credit"]
        assert c.source == each["carried_by"]
        assert c.date == each["date"]
        assert c.restriction == each["restriction"]
        assert want["not_in_body"].lower() not in c.text.lower()


def test_seed_offsets(seed_article):
    text = seed_article.text
    assert seed_article.tokens and seed_article.sentences
    for t in seed_article.tokens:
        assert text[t.start : t.end] == t.text
    for s in seed_article.sentences:
        assert text[s.start : s.end] == s.text
    for e in seed_article.entities:
        assert text[e.start : e.end] == e.text


# ------------------------------------------------------------------ entities


def _same_mention(text: str, gold: str) -> bool:
    """"the North" is found as "North" or "the North" (the article is not part of the name)."""
    strip = lambda x: x.lower()[4:] if x.lower().startswith("the ") else x.lower()  # noqa: E731
    return text == gold or strip(text) == strip(gold)


def _entity_ids(seed_expectations):
    return [e["canonical"] for e in seed_expectations["entities"]]


def test_seed_entities_first_mention_found_with_label(seed_article, seed_expectations):
    found = {(e.text, e.label) for e in seed_article.entities}
    missing = [
        (want["mentions_include"][0], want["label"])
        for want in seed_expectations["entities"]
        if (want["mentions_include"][0], want["label"]) not in found
    ]
    assert not missing, f"not found as entities: {missing}"


def test_seed_attn_and_defense_alone_are_not_entities(seed_article):
    texts = {e.text for e in seed_article.entities}
    assert "ATTN" not in texts
    assert "Defense" not in texts


def test_seed_yonhap_is_an_org(seed_article):
    assert any(e.text == "Yonhap" and e.label == "ORG" for e in seed_article.entities)


# ------------------------------------------------------------------ reading


def test_seed_clusters_canonical_label_and_counts(seed_article, seed_expectations):
    clusters = {(c.canonical, c.label): c for c in seed_article.clusters}
    problems = []
    for want in seed_expectations["entities"]:
        c = clusters.get((want["canonical"], want["label"]))
        if c is None:
            problems.append(f"no cluster {want['canonical']!r} {want['label']}")
            continue
        if c.count < want.get("min_mentions", 1):
            problems.append(f"{want['canonical']!r}: {c.count} mentions < {want['min_mentions']}")
        texts = {m.text for m in c.mentions}
        for mention in want["mentions_include"]:
            if not any(_same_mention(t, mention) for t in texts):
                problems.append(f"{want['canonical']!r}: mention {mention!r} not in its cluster")
    assert not problems, "\n".join(problems)


def test_seed_mentions_resolve_to_canonical(seed_article, seed_expectations):
    problems = []
    for want in seed_expectations["entities"]:
        for mention in want["mentions_include"]:
            hits = [e for e in seed_article.entities if _same_mention(e.text, mention) and e.label == want["label"]]
            if not any(e.canonical == want["canonical"] for e in hits):
                problems.append(f"{mention!r} -> {[e.canonical for e in hits]}, want {want['canonical']!r}")
    assert not problems, "\n".join(problems)


def test_seed_titles(seed_article, seed_expectations):
    problems = []
    for want in seed_expectations["titles"]:
        titles = {e.title for e in seed_article.entities if e.label == "PERSON" and e.canonical == want["person"]}
        if want["title"] not in titles:
            problems.append(f"{want['person']}: titles {sorted(t for t in titles if t)}, want {want['title']!r}")
    assert not problems, "\n".join(problems)


def test_seed_acronyms(seed_article, seed_expectations):
    have = {a.short: a for a in seed_article.acronyms}
    problems = []
    for want in seed_expectations["acronyms"]:
        a = have.get(want["short"])
        if a is None:
            problems.append(f"{want['short']!r} not among the story's acronyms {sorted(have)}")
            continue
        if "long" in want and a.long != want["long"]:
            problems.append(f"{want['short']!r}: long {a.long!r}, want {want['long']!r}")
        if "refers_to" in want and a.refers_to != want["refers_to"]:
            problems.append(f"{want['short']!r}: refers_to {a.refers_to!r}, want {want['refers_to']!r}")
        if seed_article.text[a.start : a.end] != a.short:
            problems.append(f"{want['short']!r}: offsets do not give the short form")
    # As entities, the acronyms resolve to their long forms too.
    for short, canonical in (("KCNA", "Korean Central News Agency"), ("DPRK", "North Korea")):
        canon = {e.canonical for e in seed_article.entities if e.text == short}
        if canonical not in canon:
            problems.append(f"entity {short!r} -> {sorted(canon)}, want {canonical!r}")
    assert not problems, "\n".join(problems)


def test_seed_country_codes(seed_article):
    codes = {e.canonical: e.country_code for e in seed_article.entities if e.label == "GPE" and e.country_code}
    assert codes.get("North Korea") == "KP"
    assert codes.get("United States") == "US"
    assert codes.get("Russia") == "RU"


@pytest.mark.parametrize("index", range(7))
def test_seed_dates(seed_article, seed_expectations, index):
    dates = seed_expectations["dates"]
    if index >= len(dates):
        pytest.skip("fewer dates listed")
    want = dates[index]
    values = [e.value for e in seed_article.entities if e.text == want["text"] and e.label in ("DATE", "TIME")]
    assert want["value"] in values, f"{want['text']!r}: values {values}, want {want['value']!r}"


def test_seed_quotes(seed_article, seed_expectations):
    problems = []
    for want in seed_expectations["quotes"]:
        hits = [q for q in seed_article.quotes if q.text.startswith(want["starts_with"])]
        if not hits:
            problems.append(f"no quote starting {want['starts_with']!r}")
            continue
        q = hits[0]
        if "speaker" in want and q.speaker != want["speaker"]:
            problems.append(f"{want['starts_with']!r}: speaker {q.speaker!r}, want {want['speaker']!r}")
        if "source" in want and q.source != want["source"]:
            problems.append(f"{want['starts_with']!r}: source {q.source!r}, want {want['source']!r}")
        if seed_article.text[q.start : q.end] != q.text:
            problems.append(f"{want['starts_with']!r}: offsets do not give the text")
    assert not problems, "\n".join(problems)


def test_seed_not_quotes(seed_article, seed_expectations):
    for text in seed_expectations["not_quotes"]:
        assert not any(q.text.strip() == text for q in seed_article.quotes), text


def test_seed_events(seed_article, seed_expectations):
    have = [(e.subject, e.predicate, e.object, e.detail) for e in seed_article.events]
    problems = []
    for want in seed_expectations["events"]:
        ok = any(
            s == want["subject"] and p == want["predicate"] and o == want["object"]
            and ("detail" not in want or d == want["detail"])
            for s, p, o, d in have
        )
        if not ok:
            problems.append(str(want))
    assert not problems, f"missing events {problems}; have {have}"
