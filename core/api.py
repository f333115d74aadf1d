"""What every resource of the read-only content API (/api/v1/) shares: the reader's language,
the cursor that walks a list, absolute links, and text labelled with the language it is in.

Each domain app describes its own resources (releases/api.py, events/api.py, ...); the project
wires them into one API (newsroom/api.py).
"""

import re
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Literal
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language, override
from ninja import Field, Schema
from ninja.errors import ValidationError
from pydantic import BaseModel, BeforeValidator

from .languages import CODES, first_filled, translated_field

Language = Literal[tuple(CODES)]
LIMIT_DEFAULT = 20
LIMIT_MAX = 100
# A cursor is the place of the last record a page read: its sort key (negative for a release
# published before 1970) and its id, both numbers, so that any value of this shape is a place
# in the list (after everything, at worst).
CURSOR_PATTERN = r"^-?[0-9]{1,16}-[0-9]{1,12}$"
LARGEST_ID = 2**63 - 1
RecordId = Annotated[int, Field(ge=1, le=LARGEST_ID)]


def iso_date(value):
    """Only a date written YYYY-MM-DD: pydantic would also take a number of seconds."""
    if isinstance(value, str) and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValueError("A date is written YYYY-MM-DD.")
    return value


IsoDate = Annotated[date, BeforeValidator(iso_date)]
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class Out(BaseModel):
    """What the API answers with: built as dicts by the views and checked against these plain
    pydantic models (ninja's Schema would also read each nested object's attributes, a cost per
    object a list repeats hundreds of times)."""


class Text(Out):
    """A translated text as the public reads it for this reader, and the language it is in:
    another than the one asked for when it has no approved text in that one (a fallback)."""

    text: str
    language: Language


class Error(Out):
    detail: str
    errors: list[dict] = Field(default_factory=list)


# What any operation may answer besides its 200.
ERRORS = {400: Error, 404: Error, 429: Error}


class Paging(Schema):
    """The query parameters every list takes."""

    language: Language | None = Field(
        None, description="ar, en or fa; without it, the Accept-Language header decides."
    )
    cursor: str | None = Field(
        None,
        pattern=CURSOR_PATTERN,
        description="Where the previous page ended: its `next` link carries it.",
    )
    limit: int = Field(LIMIT_DEFAULT, ge=1, le=LIMIT_MAX)


# Digits, so that a pattern taking a number reverses with it; no address holds these.
PLACEHOLDER = "90817263544536271809"
# What reverse() leaves unquoted in a path argument.
SAFE_IN_PATH = "!$&'()*+,;=/~:@"


class Addresses:
    """The absolute addresses one response links to, each URL pattern reversed once: a list
    links to hundreds of records."""

    def __init__(self, request):
        self.request = request
        self.patterns = {}

    def __call__(self, name, language=None, **kwargs):
        key = (name, language, tuple(sorted(kwargs)))
        if key not in self.patterns:
            marks = {arg: PLACEHOLDER + str(n) for n, arg in enumerate(kwargs, 1)}
            with override(language or get_language()):
                path = reverse(name, kwargs=marks)
            self.patterns[key] = (absolute(self.request, path), marks)
        address, marks = self.patterns[key]
        for arg, mark in marks.items():
            address = address.replace(mark, quote(str(kwargs[arg]), safe=SAFE_IN_PATH))
        return address


def reader_language(request, asked):
    """The language asked for, or the one Accept-Language chose (LocaleMiddleware)."""
    language = asked or get_language()
    if language not in CODES:
        language = settings.LANGUAGE_CODE
    request.api_language = language
    return language


def text(obj, field, language):
    """{text, language} of a record's translated `field` for a reader of `language`."""
    value, code = translated_field(obj, field, language)
    return {"text": value, "language": code}


def named(names, language):
    """{text, language} from {language: text}, along the reader's fallback chain."""
    value, code = first_filled(names, language)
    return {"text": value, "language": code}


def absolute(request, path):
    return request.build_absolute_uri(path)


def addresses(request):
    """The request's Addresses, made on first use."""
    if not hasattr(request, "api_addresses"):
        request.api_addresses = Addresses(request)
    return request.api_addresses


def page_in(request, obj, language, page):
    """The absolute address of `obj`'s public page (the URL name `page`, by slug) for a
    reader of `language`."""
    return addresses(request)(page, language, slug=obj.slug)


def alternates(request, obj, page):
    """{language: page} for each language `obj` really exists in."""
    return {code: page_in(request, obj, code, page) for code in obj.public_languages()}


def filtered_list(request, name, language=None, **query):
    """The absolute address of the list `name` (a URL name) filtered by `query`."""
    return f"{addresses(request)(name, language)}?{urlencode(query)}"


def api_url(request, name, **kwargs):
    return addresses(request)(f"api:{name}", **kwargs)


class Linked(Out):
    """A record another one names: enough to show its name and follow it."""

    slug: str
    name: Text
    url: str | None = Field(description="Its public page, if it has one.")
    api_url: str


def linked(request, obj, field, language, api_name, page=None):
    """The Linked of `obj`, named by its translated `field`, with its page (the URL name
    `page`, by slug) if it has one; None for no record."""
    if obj is None:
        return None
    url = addresses(request)(page, language, slug=obj.slug) if page else None
    return link(request, obj.slug, text(obj, field, language), api_name, url)


def link(request, slug, name, api_name, url):
    """A Linked from its parts: `name` is {text, language}, `url` its page or None."""
    return {
        "slug": slug,
        "name": name,
        "url": url,
        "api_url": api_url(request, api_name, slug=slug),
    }


def read_cursor(cursor):
    """(sort key, id) of a cursor; None without one."""
    if not cursor:
        return None
    key, pk = cursor.rsplit("-", 1)
    return int(key), int(pk)


def moment_of(key):
    """The time of a release cursor's key (microseconds since 1970): sixteen digits at most,
    within datetime's range either way."""
    return EPOCH + timedelta(microseconds=key)


def moment_key(moment):
    return (moment - EPOCH) // timedelta(microseconds=1)


def day_of(key):
    """The date of an event cursor's key (an ordinal, within range; 0 or less: no date)."""
    return date.fromordinal(min(key, date.max.toordinal())) if key > 0 else None


def id_cursor(record):
    """The cursor after `record` in a list in the order records were made."""
    return f"0-{record.pk}"


def by_id_after(records, after):
    """`records` in the order they were made, after the cursor `after` (or from the first)."""
    records = records.order_by("pk")
    return records.filter(pk__gt=after[1]) if after else records


def page(request, fetched, limit, *, cursor_of, shown, count, language, **extra):
    """The list's envelope: the first `limit` records of `fetched` (one more was read, to know
    whether there are more) as `shown(records)` gives them, how many there are in all, and the
    link to the next page, carrying the cursor of the last record read: shown or not, for one
    left out (its text withdrawn a moment ago) must not end a client's walk."""
    more = len(fetched) > limit
    fetched = list(fetched[:limit])
    following = None
    if more:
        query = QueryDict(request.META.get("QUERY_STRING", ""), mutable=True)
        query["cursor"] = cursor_of(fetched[-1])
        following = absolute(request, f"{request.path}?{query.urlencode()}")
    return {
        "language": language,
        "count": count,
        "next": following,
        "results": shown(fetched),
        **extra,
    }


def page_by_id(request, records, filters, out, language):
    """A page of `records` in the order they were made, after the cursor of `filters`, each
    as `out(request, record, language)` gives it."""
    with override(language):
        return page(
            request,
            by_id_after(records, read_cursor(filters.cursor))[: filters.limit + 1],
            filters.limit,
            cursor_of=id_cursor,
            shown=lambda found: [out(request, record, language) for record in found],
            count=records.count(),
            language=language,
        )


def one(request, records, slug, kind, out, language):
    """The record of `records` with `slug` as `out(request, record, language)` gives it; a 404
    naming `kind` when there is none."""
    record = records.filter(slug=slug).first() or not_found(kind, slug)
    with override(language):
        return out(request, record, language)


def filtered(filterset_class, filters, queryset, *, naming=()):
    """The public list's filterset (`filterset_class`) over `queryset` for the API's
    `filters`: a value of the filters in `naming` that names no record is a 404, as that
    record's page would be; any other value the filterset refuses, a 400."""
    data = QueryDict(mutable=True)
    for name in filterset_class.base_filters:
        value = getattr(filters, name, None)
        if value not in (None, ""):
            data[name] = value.isoformat() if isinstance(value, date) else str(value)
    filterset = filterset_class(data, queryset=queryset)
    if not filterset.is_valid():
        for name in set(naming) & set(filterset.errors):
            not_found(name, data[name])
        raise ValidationError(
            [
                {"loc": ["query", name], "msg": " ".join(errors)}
                for name, errors in filterset.errors.items()
            ]
        )
    return filterset


def not_found(kind, value):
    raise Http404(f"No {kind} {value!r}.")
