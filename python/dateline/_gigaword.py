"""Reader for LDC Gigaword / AQUAINT SGML files (the NYT News Service and other wires), split out of
:mod:`dateline.readers` for size; ``readers.iter_gigaword`` is the entry point :class:`dateline.Corpus` uses.
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from dateline.readers import DEFAULT_BATCH_SIZE, Batch, _Builder, _clean, _open_binary, _skip_rest_of_line

#: A tag: ``<DOC id="..." type="story">``, ``</P>``.
_SGML_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9_]*)((?:\s[^<>]*)?)>")
_SGML_ATTR = re.compile(rb"""([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
#: Elements whose text is metadata, by the field it fills (None: read past, e.g. AQUAINT's ``<HEADER>``).
_GIGA_META = {
    b"DOCNO": "id", b"DOCID": "id", b"DOCTYPE": "type", b"DATE_TIME": "date", b"DATE": "date",
    b"HEADLINE": "headline", b"DATELINE": "dateline", b"SLUG": "slug", b"TRAILER": "trailer",
    b"HEADER": None, b"END_TIME": None, b"KEYWORD": None, b"STORYID": None, b"NWORDS": None,
}
#: Elements that must be closed inside their ``<DOC>`` (a text cut short is an error row).
_GIGA_CONTAINERS = {b"TEXT", b"BODY", b"P", b"HEADLINE", b"DATELINE"} | set(_GIGA_META)
_GIGA_DASHES = ("_", "-", "--", "\u2014", "\u2013")
_ENTITIES = ((b"&lt;", b"<"), (b"&gt;", b">"), (b"&quot;", b'"'), (b"&apos;", b"'"), (b"&amp;", b"&"))


def _unescape(b: bytes) -> bytes:
    """The XML escapes LDC Gigaword uses (``&amp;`` ``&lt;`` ``&gt;``), as written in lower case; the
    upper-case typesetting codes of older corpora (``&AMP;``, ``&HT;``) stay for :func:`dateline.parse`."""
    if b"&" not in b:
        return b
    for k, v in _ENTITIES:
        b = b.replace(k, v)
    return b


def _id_date(doc_id: str) -> str | None:
    """The date in an LDC document id: ``NYT_ENG_20000226.0001`` or ``NYT19980601.0001`` (YYYYMMDD),
    ``nyt960102.0001`` (YYMMDD); None when the digits are no date."""
    import datetime as _dt

    m = re.search(r"(?<!\d)(\d{8})(?!\d)", doc_id)
    if m:
        y, mo, d = int(m[1][:4]), int(m[1][4:6]), int(m[1][6:])
    else:
        m = re.match(r"[A-Za-z_]+(\d{6})(?!\d)", doc_id)
        if not m:
            return None
        yy, mo, d = int(m[1][:2]), int(m[1][2:4]), int(m[1][4:])
        y = 1900 + yy if yy >= 50 else 2000 + yy
    try:
        return _dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def _element_date(s: str) -> str | None:
    """``<DATE_TIME>`` as ISO: ``2000-02-26 00:02``, ``20000226``, ``02/26/2000 00:02``; None otherwise."""
    import datetime as _dt

    s = s.strip()
    for pat, order in ((r"(\d{4})-(\d{2})-(\d{2})", "ymd"), (r"(\d{4})(\d{2})(\d{2})", "ymd"),
                       (r"(\d{1,2})/(\d{1,2})/(\d{4})", "mdy")):
        m = re.match(pat, s)
        if m:
            a, b, c = (int(g) for g in m.groups())
            y, mo, d = (a, b, c) if order == "ymd" else (c, a, b)
            try:
                return _dt.date(y, mo, d).isoformat()
            except ValueError:
                return None
    return None


class _GigaDoc:
    """One ``<DOC>`` being read: its metadata and the lines of its story."""

    def __init__(self, line: int, attrs: bytes, max_bytes: int):
        self.line = line
        self.max_bytes = max_bytes
        self.attrs = {m[1].lower(): (m[2] or m[3] or m[4] or b"") for m in _SGML_ATTR.finditer(attrs)}
        self.meta: dict[str, list[bytes]] = {}
        self.body: list[bytes] = []
        self.pending: dict[str | None, bytes] = {}
        self.stack: list[tuple[bytes, int]] = []
        self.size = 0
        self.error: str | None = None

    def fail(self, msg: str) -> None:
        if self.error is None:
            self.error = msg

    def target(self) -> str | None:
        """Where text goes now: a metadata field, ``"-"`` (read past) or None (the story)."""
        for name, _ in reversed(self.stack):
            if name in _GIGA_META:
                return _GIGA_META[name] or "-"
        return None

    def add(self, text: bytes) -> None:
        if text:
            key = self.target()
            self.pending[key] = self.pending.get(key, b"") + text

    def end_line(self) -> None:
        for key, text in self.pending.items():
            if key is None:
                self.size += len(text) + 1
                if self.size > self.max_bytes:
                    self.fail(f"story of more than {self.max_bytes} bytes is over the limit (max_bytes)")
                elif text.strip() or not self.body or self.body[-1]:
                    self.body.append(text.rstrip(b"\r"))
            elif key != "-":
                self.size += len(text) + 1
                if self.size > self.max_bytes:
                    self.fail(f"story of more than {self.max_bytes} bytes is over the limit (max_bytes)")
                else:
                    self.meta.setdefault(key, []).append(text)
        self.pending = {}

    def block_break(self) -> None:
        """A paragraph starts or ends: the story gets a blank line."""
        text = self.pending.pop(None, b"")
        if text.strip():
            self.pending[None] = text
            self.end_line()
        if self.body and self.body[-1].strip():
            self.body.append(b"")

    def open(self, name: bytes, lineno: int) -> None:
        if name in (b"P", b"TEXT", b"BODY"):
            self.block_break()
        self.stack.append((name, lineno))

    def close(self, name: bytes, lineno: int) -> None:
        if not any(n == name for n, _ in self.stack):
            if name in _GIGA_CONTAINERS:
                self.fail(f"</{name.decode()}> at line {lineno} closes no open <{name.decode()}>")
            return
        while self.stack:
            top, at = self.stack.pop()
            if top == name:
                break
            if top in _GIGA_CONTAINERS:
                self.fail(f"<{top.decode()}> opened at line {at} is not closed before "
                          f"</{name.decode()}> at line {lineno}")
        if name in (b"P", b"TEXT", b"BODY"):
            self.block_break()

    def field(self, key: str) -> str | None:
        parts = [p.strip() for p in self.meta.get(key, [])]
        s = b" ".join(p for p in parts if p)
        return _clean(_unescape(s).decode("utf-8", "replace")) if s else None

    def finish(self, file: str) -> tuple[bytes | None, dict[str, Any]]:
        """(payload, metadata) for the builder; the payload is None (and ``errors`` set) when broken."""
        self.end_line()
        doc_id, doc_type = (_clean(self.attrs[k].decode("utf-8", "replace")) if k in self.attrs else self.field(f)
                            for k, f in ((b"id", "id"), (b"type", "type")))
        raw_date = self.field("date")
        date = (_element_date(raw_date) if raw_date else None) or (_id_date(doc_id) if doc_id else None)
        headline = self.field("headline")
        # The source code the id opens with: "NYT_ENG" of "NYT_ENG_20000226.0001", "NYT" of "NYT19980601.0001".
        code = re.match(r"[A-Za-z]+(?:_[A-Za-z]+)?", doc_id) if doc_id else None
        source = code[0] if code else None
        for name, at in self.stack:
            if name in _GIGA_CONTAINERS:
                self.fail(f"<{name.decode()}> opened at line {at} is not closed before </DOC>")
        meta: dict[str, Any] = {"ids": doc_id, "dates": date, "sources": source, "headlines": headline,
                                "doc_types": doc_type, "files": file, "lines": self.line}
        if self.error is not None:
            where = f"<DOC id={doc_id!r}>" if doc_id else "<DOC>"
            meta["errors"] = f"{where}: {self.error}; not read"
            return None, meta
        return self.story(), meta

    def story(self) -> bytes:
        """The story as the wire sent it: slug, headline, the lines before the text (bylines), then
        the paragraphs with the dateline running into the first, the trailer last."""
        head: list[bytes] = []
        for key in ("slug", "headline"):
            value = b" ".join(p.strip() for p in self.meta.get(key, []) if p.strip())
            if value:
                head.append(_unescape(value))
        body = [_unescape(line) for line in self.body]
        while body and not body[0].strip():
            body.pop(0)
        while body and not body[-1].strip():
            body.pop()
        dateline = b" ".join(p.strip() for p in self.meta.get("dateline", []) if p.strip())
        if dateline and body:
            dl = _unescape(dateline)
            # The paragraph that opens with it, or the first paragraph: LDC set the dateline apart.
            k = next(i for i, line in enumerate(body) if line.strip())
            first = body[k].lstrip()
            if not first.startswith(dl):
                sep = b" " if dl.decode("utf-8", "replace").endswith(_GIGA_DASHES) else b" _ "
                body[k] = dl + sep + first
        elif dateline:
            body = [_unescape(dateline)]
        trailer = [p.strip() for p in self.meta.get("trailer", []) if p.strip()]
        parts = [b"\n".join(head), b"\n".join(body), b"\n".join(trailer)]
        story = b"\n\n".join(p for p in parts if p)
        return story + b"\n" if story else b""


def iter_gigaword(paths: Sequence[Path], max_bytes: int, batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[Batch]:
    """LDC Gigaword and AQUAINT SGML files (``.gz`` too): one story per ``<DOC>``, with its id, type and
    date from the markup. Text outside any ``<DOC>``, a ``<DOC>`` left open and an element left open in
    it are error rows naming the file and line (one per document, so nothing is silently dropped); a
    truncated or corrupt file ends with an error row, the documents before it kept. Each line is read
    once: linear in the input."""
    for path in paths:
        yield from _iter_gigaword_file(path, max_bytes, batch_size)


def _iter_gigaword_file(path: Path, max_bytes: int, batch_size: int) -> Iterator[Batch]:
    limit = max_bytes + 65536
    cols = ("ids", "dates", "sources", "headlines", "doc_types", "files", "lines", "errors")
    name = str(path)
    b = _Builder(batch_size, "text", cols)
    doc: _GigaDoc | None = None
    stray: int | None = None  # first line of a run of text outside any <DOC>
    lineno = 0

    def emit_stray(end: int) -> Batch | None:
        nonlocal stray
        if stray is None:
            return None
        where = f"line {stray}" if end <= stray else f"lines {stray}-{end}"
        out = b.add(None, 0, files=name, lines=stray,
                    errors=f"text outside any <DOC> element ({where}); not read")
        stray = None
        return out

    def emit_doc(d: _GigaDoc) -> Batch | None:
        payload, meta = d.finish(name)
        return b.add(payload, len(payload) if payload else 0, **meta)

    try:
        with _open_binary(path) as f:
            while True:
                raw = f.readline(limit)
                if not raw:
                    break
                lineno += 1
                if len(raw) >= limit and not raw.endswith(b"\n"):
                    _skip_rest_of_line(f)
                    if doc is not None:
                        doc.fail(f"line {lineno} is over {limit} bytes")
                    elif stray is None:
                        stray = lineno
                    continue
                line = raw.rstrip(b"\n")
                pos = 0
                for m in _SGML_TAG.finditer(line):
                    closing, tag = m[1] == b"/", m[2].upper()
                    if doc is not None:
                        doc.add(line[pos:m.start()])
                    elif line[pos:m.start()].strip() and stray is None:
                        stray = lineno
                    pos = m.end()
                    if tag == b"DOC" and not closing:
                        out = emit_stray(lineno - 1)
                        if out is not None:
                            yield out
                        if doc is not None:
                            doc.fail(f"no </DOC> before line {lineno}, where the next <DOC> opens")
                            out = emit_doc(doc)
                            if out is not None:
                                yield out
                        doc = _GigaDoc(lineno, m[3], max_bytes)
                    elif tag == b"DOC":
                        if doc is None:
                            if stray is None:
                                stray = lineno
                            continue
                        doc.end_line()
                        out = emit_doc(doc)
                        doc = None
                        if out is not None:
                            yield out
                    elif doc is not None:
                        if closing:
                            doc.close(tag, lineno)
                        else:
                            doc.open(tag, lineno)
                rest = line[pos:]
                if doc is not None:
                    doc.add(rest)
                    doc.end_line()
                elif rest.strip() and stray is None:
                    stray = lineno
    except (OSError, EOFError, zlib.error) as e:
        what = "compressed file is truncated or corrupt" if path.suffix == ".gz" else "cannot read the file"
        reason = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
        msg = f"{what}: reading stopped after line {lineno} ({reason})"
        if doc is not None:
            doc.fail(msg)
        else:
            out = b.add(None, 0, files=name, lines=lineno + 1, errors=f"{msg}; later documents are lost")
            if out is not None:
                yield out
    out = emit_stray(lineno)
    if out is not None:
        yield out
    if doc is not None:
        doc.fail("no </DOC> before the end of the file")
        out = emit_doc(doc)
        if out is not None:
            yield out
    last = b.take()
    if last is not None:
        yield last
