"""Type stubs for the compiled extension ``dateline._native`` (see ``dateline.parse``).

The extension is one module (``_native.abi3.so``); the stubs are a package only so that its
submodule ``stats`` has a stub of its own (Python imports the extension, not this folder).

Every class is built by the extension only (no constructor), read-only and final. Offsets
(``start``/``end``) are ``str`` indices into ``Article.text``.
"""

import builtins
import datetime
import os
from collections.abc import Sequence
from typing import Any, ClassVar, Final, Literal, TypedDict, final

from dateline._native import stats as stats

__all__ = [
    "__version__",
    "LABELS",
    "parse",
    "entities",
    "Article",
    "Token",
    "Sentence",
    "Paragraph",
    "Caption",
    "Dateline",
    "Byline",
    "Credit",
    "Entity",
    "Cluster",
    "Quote",
    "Acronym",
    "Event",
    "Attribution",
    "UserNames",
    "eval_conll",
    "eval_timebank",
    "eval_polnear",
    "load_reuters",
    "CorpusJob",
    "ArrowBuffer",
    "corpus_start",
    "corpus_parallel_seconds",
    "corpus_default_threads",
    "corpus_max_threads",
    "corpus_after_fork_in_child",
    "model_files",
    "CORPUS_DEFAULT_MAX_BYTES",
    "CORPUS_COLUMNS",
    "stats",
    "dedupe_signatures",
    "dedupe_groups",
    "dedupe_pairs",
    "dedupe_compare",
    "DEDUPE_THRESHOLD",
    "DEDUPE_CONTAINMENT",
    "DEDUPE_NUMBERS",
    "DEDUPE_WINDOW_DAYS",
    "DEDUPE_SIGNATURE_BYTES",
]

__version__: Final[str]

_Date = str | datetime.date | None

# ---------------------------------------------------------------- records of an article

@final
class Token:
    __fields__: ClassVar[list[tuple[str, str]]]
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict."""
    def __eq__(self, value: builtins.object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Sentence:
    __fields__: ClassVar[list[tuple[str, str]]]
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def section(self) -> Literal["headline", "dateline", "body", "caption"]: ...
    @property
    def section_index(self) -> int | None: ...
    @property
    def token_start(self) -> int: ...
    @property
    def token_end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict."""
    def __eq__(self, value: builtins.object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Paragraph:
    __fields__: ClassVar[list[tuple[str, str]]]
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict."""
    def __eq__(self, value: builtins.object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Caption:
    __fields__: ClassVar[list[tuple[str, str]]]
    @property
    def text(self) -> str: ...
    @property
    def credit(self) -> str | None: ...
    @property
    def source(self) -> str | None: ...
    @property
    def date(self) -> str | None: ...
    @property
    def restriction(self) -> str | None: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict."""
    def __eq__(self, value: builtins.object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Dateline:
    __fields__: ClassVar[list[tuple[str, str]]]
    @property
    def place(self) -> str: ...
    @property
    def date(self) -> str | None: ...
    @property
    def agency(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict."""
    def __eq__(self, value: builtins.object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Byline:
    __fields__: ClassVar[list[tuple[str, str]]]
    @property
    def name(self) -> str: ...
    @property
    def raw(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict."""
    def __eq__(self, value: builtins.object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Credit:
    __fields__: ClassVar[list[tuple[str, str]]]
    @property
    def name(self) -> str: ...
    # role: reporting, writing, editing, contributing, copyright, signoff
    @property
    def role(self) -> str: ...
    @property
    def line(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict."""
    def __eq__(self, value: builtins.object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Entity:
    __fields__: ClassVar[list[tuple[str, str]]]
    # label: PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE, MISC, DATE,
    # TIME, DURATION ("three years", value "P3Y"), SET ("every Thursday"), MONEY, PERCENT, QUANTITY, ...
    @property
    def text(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def sentence(self) -> int: ...
    # section: headline, dateline, body, caption, credit
    @property
    def section(self) -> str: ...
    @property
    def canonical(self) -> str: ...
    @property
    def title(self) -> str | None: ...
    @property
    def value(self) -> str | None: ...
    @property
    def country_code(self) -> str | None: ...
    @property
    def kb_id(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict."""
    def __eq__(self, value: builtins.object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Cluster:
    __fields__: ClassVar[list[tuple[str, str]]]
    @property
    def canonical(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def country_code(self) -> str | None: ...
    @property
    def count(self) -> int: ...
    @property
    def mentions(self) -> list[Entity]: ...
    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict."""
    def __eq__(self, value: builtins.object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Quote:
    __fields__: ClassVar[list[tuple[str, str]]]
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def source(self) -> str | None: ...
    @property
    def verb(self) -> str | None: ...
    @property
    def sentence(self) -> int: ...
    @property
    def section(self) -> str: ...
    @property
    def speaker_start(self) -> int | None: ...
    @property
    def speaker_end(self) -> int | None: ...
    @property
    def cue_start(self) -> int | None: ...
    @property
    def cue_end(self) -> int | None: ...
    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict."""
    def __eq__(self, value: builtins.object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Attribution:
    __fields__: ClassVar[list[tuple[str, str]]]
    @property
    def speaker(self) -> str | None: ...
    @property
    def speaker_start(self) -> int | None: ...
    @property
    def speaker_end(self) -> int | None: ...
    @property
    def verb(self) -> str | None: ...
    @property
    def cue_start(self) -> int | None: ...
    @property
    def cue_end(self) -> int | None: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def direct(self) -> bool: ...
    @property
    def sentence(self) -> int: ...
    @property
    def section(self) -> str: ...
    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict."""
    def __eq__(self, value: builtins.object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Event:
    __fields__: ClassVar[list[tuple[str, str]]]
    @property
    def subject(self) -> str: ...
    @property
    def predicate(self) -> str: ...
    @property
    def object(self) -> str: ...
    @property
    def detail(self) -> str | None: ...
    @property
    def sentence(self) -> int: ...
    @property
    def section(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def code(self) -> str: ...
    @property
    def quad_class(self) -> int: ...
    @property
    def subject_country(self) -> str | None: ...
    @property
    def object_country(self) -> str | None: ...
    @property
    def date(self) -> str | None: ...
    @property
    def place(self) -> str | None: ...
    @property
    def mood(self) -> str: ...
    @property
    def reported(self) -> bool: ...
    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict."""
    def __eq__(self, value: builtins.object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Acronym:
    __fields__: ClassVar[list[tuple[str, str]]]
    @property
    def short(self) -> str: ...
    @property
    def long(self) -> str: ...
    @property
    def refers_to(self) -> str | None: ...
    @property
    def defined(self) -> bool: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict."""
    def __eq__(self, value: builtins.object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Article:
    @property
    def text(self) -> str: ...
    @property
    def source(self) -> str | None: ...
    @property
    def date(self) -> str | None: ...
    @property
    def advisory(self) -> list[str]: ...
    @property
    def slug(self) -> str | None: ...
    @property
    def bylines(self) -> list[str]: ...
    @property
    def byline_details(self) -> list[Byline]: ...
    @property
    def headline(self) -> str | None: ...
    @property
    def dateline(self) -> Dateline | None: ...
    @property
    def paragraphs(self) -> list[Paragraph]: ...
    @property
    def captions(self) -> list[Caption]: ...
    @property
    def credits(self) -> list[Credit]:
        """Names on the credit lines (reporters, editors, contributors, copyright holders, sign-offs)."""
    @property
    def body(self) -> str: ...
    @property
    def sentences(self) -> list[Sentence]: ...
    @property
    def tokens(self) -> list[Token]: ...
    @property
    def entities(self) -> list[Entity]: ...
    @property
    def clusters(self) -> list[Cluster]: ...
    @property
    def acronyms(self) -> list[Acronym]: ...
    @property
    def quotes(self) -> list[Quote]: ...
    @property
    def events(self) -> list[Event]: ...
    @property
    def attributions(self) -> list[Attribution]: ...
    def to_dict(self, *, text: bool = True, tokens: bool = False) -> dict[str, Any]:
        """The article as a JSON-ready dict; the text included, tokens left out (as ``to_json``)."""
    def to_json(self, *, text: bool = True, tokens: bool = False) -> str:
        """The article as one line of JSON; the text included, tokens left out (as ``to_dict``)."""
    def __len__(self) -> int:
        """``len(article) == len(article.text)``: the story's length in characters (code points)."""

@final
class UserNames:
    """The user's aliases and phrase patterns, compiled once (``dateline.compile_names``)."""
    def __new__(
        cls, entries: Sequence[tuple[str, str | None, str | None, str | None, bool]]
    ) -> UserNames: ...
    def entries(self) -> list[tuple[str, str | None, str | None, str | None, bool]]:
        """The entries as (phrase, name, label, kb_id, ignore_case) tuples."""
    def __len__(self) -> int: ...

def parse(
    text: str | bytes,
    *,
    date: _Date = None,
    source: str | None = None,
    errors: Literal["strict", "replace"] = "strict",
    entities: bool = True,
    reading: bool = True,
    names: UserNames | None = None,
) -> Article: ...
def entities(
    text: str | bytes, *, date: _Date = None, errors: Literal["strict", "replace"] = "strict"
) -> list[Entity]: ...

# ---------------------------------------------------------------- evaluations and data sets

def eval_timebank(path: str | os.PathLike[str]) -> dict[str, Any]:
    """TempEval-3 strict/relaxed/value scores (percent) of DATE/TIME entities on TimeML files."""

def eval_polnear(path: str | os.PathLike[str]) -> dict[str, Any]:
    """PolNeAR direct-quote and attribution P/R/F1 and named-speaker accuracy (percent) on a JSONL file."""

def eval_conll(path: str | os.PathLike[str], type_map: dict[str, str] | None = None, sentence_docs: bool = False,
               upper: bool = False) -> dict[str, Any]:
    """CoNLL-2003 precision, recall and F1 (percent) per type and overall; ``type_map`` renames the
    file's types, ``sentence_docs`` makes each sentence a document, ``upper`` upper-cases every token."""

class _ReutersStory(TypedDict):
    id: int
    date: str | None
    title: str | None
    author: str | None
    dateline: str | None
    body: str | None
    text: str

def load_reuters(path: str | os.PathLike[str]) -> list[_ReutersStory]:
    """Every Reuters-21578 story of the ``reut2-*.sgm`` files in ``path``."""

#: Every entity label with the CoNLL-2003 type it is scored as (None: not scored by CoNLL).
LABELS: Final[list[tuple[str, str | None]]]

# ---------------------------------------------------------------- corpus engine (dateline.corpus)

#: One column of a result table in Arrow layout: (name, kind, length, null_count, validity bitmap,
#: offsets (int64 little-endian, strings only), data (UTF-8 bytes or int64 little-endian)), each
#: buffer an :class:`ArrowBuffer` moved out of the core.
_Column = tuple[str, Literal["str", "int"], int, int, ArrowBuffer | None, ArrowBuffer | None, ArrowBuffer]

@final
class ArrowBuffer:
    """A result buffer owned by the core, lent without a copy:
    ``pyarrow.foreign_buffer(b.address, b.size, base=b)``."""

    @property
    def address(self) -> int:
        """Address of the first byte."""
    @property
    def size(self) -> int:
        """Length in bytes."""
    def __len__(self) -> int: ...

def corpus_parallel_seconds(*, reset: bool = False) -> float:
    """Seconds spent in the corpus engine's parallel section (overlapping batches once) since the
    start or the last ``reset=True``; the rest of a run's wall time is serial."""

#: Default size limit of one story in bytes.
CORPUS_DEFAULT_MAX_BYTES: Final[int]

@final
class CorpusJob:
    """A batch being analysed on the worker pool (from :func:`corpus_start`)."""

    def wait(self) -> dict[str, Any]:
        """Waits for the batch (once): {table: [column]} and "signatures" (bytes, one near-duplicate
        signature per articles row); KeyboardInterrupt stops the workers."""

    def cancel(self) -> None:
        """Asks the workers to stop after the documents in hand."""

def corpus_start(
    payloads: list[str | bytes | None],
    *,
    kind: Literal["text", "jsonl"] = "text",
    ids: Sequence[str | None] | None = None,
    dates: Sequence[str | None] | None = None,
    sources: Sequence[str | None] | None = None,
    headlines: Sequence[str | None] | None = None,
    files: Sequence[str | None] | None = None,
    lines: Sequence[int | None] | None = None,
    errors: Sequence[str | None] | None = None,
    threads: int = 0,
    max_bytes: int = ...,
    lossy: bool = False,
    json_text: str = ...,
    json_id: str | None = ...,
    json_date: str | None = ...,
    json_source: str | None = None,
    json_headline: str | None = None,
    entities: bool = True,
    quotes: bool = True,
    events: bool = True,
    attributions: bool = True,
    run_entities: bool = True,
    run_reading: bool = True,
    names: UserNames | None = None,
    doc_types: Sequence[str | None] | None = None,
    signatures: bool = True,
) -> CorpusJob:
    """Starts analysing one batch; ``errors[i]`` says why ``payloads[i]`` is None."""

def corpus_default_threads() -> int:
    """``$DATELINE_NUM_THREADS``, else every core."""

def corpus_max_threads() -> int:
    """Most worker threads a run may ask for (256, or the core count on bigger machines)."""

def corpus_after_fork_in_child() -> None:
    """Drops the worker pool inherited by a forked child (it is rebuilt on next use)."""

def model_files() -> list[tuple[str, bytes]]:
    """The model and data files compiled into the extension: (path in the repository, bytes)."""

#: {table: [(column, Python type)]} of the corpus tables, from the record declarations.
CORPUS_COLUMNS: Final[dict[str, list[tuple[str, str]]]]

# ---------------------------------------------------------------- near-duplicate stories

def dedupe_signatures(texts: list[str], *, threads: int = 0) -> bytes:
    """The near-duplicate signature of each text (``DEDUPE_SIGNATURE_BYTES`` each), in order."""

def dedupe_groups(
    signatures: bytes, dates: list[str | None], threshold: float = ..., *, threads: int = 0
) -> list[int | None]:
    """For each story, the index of the first version of its near-duplicate group, or None."""

def dedupe_pairs(
    signatures: bytes, dates: list[str | None], threshold: float = ..., *, threads: int = 0
) -> list[tuple[int, int, float]]:
    """The verified near-duplicate pairs (a, b, estimated Jaccard similarity), a first in the order."""

def dedupe_compare(a: bytes, b: bytes) -> tuple[float, float, float]:
    """(Jaccard, containment, figures in common) of two signatures: what the verification tests."""

DEDUPE_THRESHOLD: Final[float]
DEDUPE_CONTAINMENT: Final[float]
DEDUPE_NUMBERS: Final[float]
DEDUPE_WINDOW_DAYS: Final[int]
DEDUPE_SIGNATURE_BYTES: Final[int]
