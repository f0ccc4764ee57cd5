"""Bad input never panics or hangs: a result or a clear exception naming what and where."""
from __future__ import annotations

import pytest

import dateline

LEAD = "SEOUL, July 27 (Yonhap) -- "


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \n", b"", b"   "])
def test_empty_and_whitespace_give_an_empty_article(text):
    art = dateline.parse(text)
    assert art.paragraphs == [] and art.tokens == [] and art.entities == []
    assert art.dateline is None and art.headline is None


def test_twenty_megabyte_story():
    para = (
        "Officials in Pyongyang said on Wednesday that Defense Minister Sergei Shoigu met "
        "leader Kim Jong-un, according to the Korean Central News Agency. "
    )
    text = LEAD + "\n\n".join([para * 4] * (20_000_000 // (len(para) * 4)))
    assert len(text) >= 19_000_000
    art = dateline.parse(text, date="2023-07-27")
    assert len(art.paragraphs) > 10_000
    last = art.tokens[-1]
    assert text[last.start : last.end] == last.text


def test_story_over_the_size_limit_is_an_input_error():
    text = "a" * (64 * 1024 * 1024 + 1)
    with pytest.raises(dateline.InputError, match="bytes"):
        dateline.parse(text)


def test_nul_bytes():
    text = LEAD + "North Korea\x00 said\x00\x00 on Thursday it would hold a parade.\n\x00\n"
    art = dateline.parse(text)
    for t in art.tokens:
        assert text[t.start : t.end] == t.text
        assert "\x00" not in t.text
    art_b = dateline.parse(text.encode())
    assert art_b.text == text


def test_one_megabyte_lines():
    line = ("word " * 200_000).strip()
    text = LEAD + line + "\n" + ("x" * 1_000_000) + "\n"
    art = dateline.parse(text)
    assert art.tokens
    for t in art.tokens[:: max(1, len(art.tokens) // 1000)]:
        assert text[t.start : t.end] == t.text


def test_story_that_is_all_captions():
    cap = (
        "view larger image This photo, carried by North Korea's Korean Central News Agency on July 27, "
        "2023, shows a parade in Pyongyang the previous day. (For Use Only in the Republic of Korea. "
        "No Redistribution) (Yonhap)\n\n"
    )
    art = dateline.parse(cap * 3, date="2023-07-27")
    assert len(art.captions) == 3
    assert art.paragraphs == []
    assert all(c.credit == "Yonhap" for c in art.captions)


def test_long_all_caps_story_with_thousands_of_names():
    # Every name in capitals asks for its usual form: looked up once for the whole story, not
    # once per name (which took minutes at this size). One name is also written in mixed case.
    names = [f"ALBERT {chr(65 + i % 26)}{chr(65 + i // 26 % 26)}{chr(65 + i // 676)}SON" for i in range(6000)]
    body = "\n\n".join(f"{n} MET OFFICIALS IN PARIS ON TUESDAY, THE MINISTRY SAID." for n in names)
    text = LEAD.upper() + body + "\n\nLater Albert Aabson said he was pleased."
    art = dateline.parse(text, date="2023-07-27")
    canon = {e.text: e.canonical for e in art.entities if e.label == "PERSON"}
    assert len(canon) > 1000
    assert canon.get("ALBERT AABSON") == "Albert Aabson"


def test_invalid_utf8_names_the_byte_offset():
    data = "SEOUL, July 27 (Yonhap) -- Zürich ".encode() + b"\xff\xfe more"
    bad_at = len("SEOUL, July 27 (Yonhap) -- Zürich ".encode())
    with pytest.raises(dateline.EncodingError) as info:
        dateline.parse(data)
    assert info.value.offset == bad_at
    assert str(bad_at) in str(info.value)
    assert isinstance(info.value, ValueError) and isinstance(info.value, UnicodeError)


def test_truncated_multibyte_sequence_at_the_end():
    data = "Zürich".encode()[:2]
    with pytest.raises(dateline.EncodingError) as info:
        dateline.parse(data)
    assert info.value.offset == 1


def test_errors_replace_decodes_lossily():
    data = b"BERLIN (dpa) - Caf\xe9 owners protested.\n"
    art = dateline.parse(data, errors="replace")
    assert "\ufffd" in art.text
    assert art.text == data.decode("utf-8", errors="replace")
    for t in art.tokens:
        assert art.text[t.start : t.end] == t.text


def test_lone_surrogate_in_str_is_an_input_error_not_a_crash():
    with pytest.raises((dateline.InputError, UnicodeError)):
        dateline.parse("bad \udc80 surrogate")


def test_binary_noise_with_replace():
    import random

    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(200_000))
    art = dateline.parse(data, errors="replace")
    for t in art.tokens[:2000]:
        assert art.text[t.start : t.end] == t.text
