"""Type stubs for the compiled extension ``dateline._native`` (see ``dateline.parse``)."""
from __future__ import annotations

import datetime
from typing import Any, ClassVar, Dict, List, Literal, Optional, Tuple, Union

__version__: str

_Date = Union[str, datetime.date, None]

class Token:
    text: str
    start: int
    end: int
    __fields__: ClassVar[List[Tuple[str, str]]]
    def to_dict(self) -> Dict[str, Any]: ...

class Sentence:
    text: str
    start: int
    end: int
    section: Literal["headline", "dateline", "body", "caption"]
    section_index: Optional[int]
    token_start: int
    token_end: int
    __fields__: ClassVar[List[Tuple[str, str]]]
    def to_dict(self) -> Dict[str, Any]: ...

class Paragraph:
    text: str
    start: int
    end: int
    __fields__: ClassVar[List[Tuple[str, str]]]
    def to_dict(self) -> Dict[str, Any]: ...

class Caption:
    text: str
    credit: Optional[str]
    source: Optional[str]
    date: Optional[str]
    restriction: Optional[str]
    start: int
    end: int
    __fields__: ClassVar[List[Tuple[str, str]]]
    def to_dict(self) -> Dict[str, Any]: ...

class Dateline:
    place: str
    date: Optional[str]
    agency: Optional[str]
    text: str
    start: int
    end: int
    __fields__: ClassVar[List[Tuple[str, str]]]
    def to_dict(self) -> Dict[str, Any]: ...

class Byline:
    name: str
    raw: str
    start: int
    end: int
    __fields__: ClassVar[List[Tuple[str, str]]]
    def to_dict(self) -> Dict[str, Any]: ...

class Entity:
    text: str
    # PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE, MISC, DATE, TIME,
    # DURATION ("three years", value "P3Y"), SET ("every Thursday"), MONEY, PERCENT, QUANTITY, ...
    label: str
    start: int
    end: int
    sentence: int
    canonical: str
    title: Optional[str]
    value: Optional[str]
    country_code: Optional[str]
    __fields__: ClassVar[List[Tuple[str, str]]]
    def to_dict(self) -> Dict[str, Any]: ...

class Cluster:
    canonical: str
    label: str
    country_code: Optional[str]
    count: int
    mentions: List[Entity]
    __fields__: ClassVar[List[Tuple[str, str]]]
    def to_dict(self) -> Dict[str, Any]: ...

class Quote:
    text: str
    start: int
    end: int
    speaker: Optional[str]
    source: Optional[str]
    verb: Optional[str]
    sentence: int
    __fields__: ClassVar[List[Tuple[str, str]]]
    def to_dict(self) -> Dict[str, Any]: ...

class Event:
    subject: str
    predicate: str
    object: str
    detail: Optional[str]
    sentence: int
    text: str
    start: int
    end: int
    __fields__: ClassVar[List[Tuple[str, str]]]
    def to_dict(self) -> Dict[str, Any]: ...

class Acronym:
    short: str
    long: str
    refers_to: Optional[str]
    defined: bool
    start: int
    end: int
    __fields__: ClassVar[List[Tuple[str, str]]]
    def to_dict(self) -> Dict[str, Any]: ...

class Article:
    text: str
    source: Optional[str]
    date: Optional[str]
    advisory: List[str]
    bylines: List[str]
    byline_details: List[Byline]
    headline: Optional[str]
    dateline: Optional[Dateline]
    paragraphs: List[Paragraph]
    captions: List[Caption]
    body: str
    sentences: List[Sentence]
    tokens: List[Token]
    entities: List[Entity]
    clusters: List[Cluster]
    acronyms: List[Acronym]
    quotes: List[Quote]
    events: List[Event]
    def to_dict(self, *, text: bool = True, tokens: bool = True) -> Dict[str, Any]: ...
    def to_json(self, *, text: bool = False, tokens: bool = False) -> str: ...
    def __len__(self) -> int: ...

def parse(
    text: Union[str, bytes],
    *,
    date: _Date = None,
    source: Optional[str] = None,
    errors: Literal["strict", "replace"] = "strict",
    entities: bool = True,
    reading: bool = True,
) -> Article: ...
def entities(
    text: Union[str, bytes], *, date: _Date = None, errors: Literal["strict", "replace"] = "strict"
) -> List[Entity]: ...

def eval_timebank(path: str) -> Dict[str, Any]: ...
def eval_conll(path: str) -> Dict[str, Any]: ...
def load_reuters(path: str) -> List[Dict[str, Any]]: ...

#: {table: [(column, Python type)]} of the corpus tables, from the record declarations.
CORPUS_COLUMNS: Dict[str, List[Tuple[str, str]]]
