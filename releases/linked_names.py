"""What a release is found by besides its own words: the names of the people, organisations and
events it links to, as the public reads them, in every language and script.

A Persian reader searching ورونکوف finds the releases shown to them in Arabic, which spell the
name فورونكوف: each live text's search terms hold the approved names of what its release links
to (releases/live_texts.py writes them when a text goes live, and again when the links or the
names change). A translator's spelling awaiting approval finds nothing.
"""

from itertools import chain

from core.approved_text import text_columns
from core.languages import field_values
from events.models import Event
from organisations.models import Organisation
from people.models import Person

from .models import Release

# {relation on Release: (model, the translated fields it is found by)}
NAMED_BY = {
    "people": (Person, ("name",)),
    "organisations": (Organisation, ("name", "acronym")),
    "events": (Event, ("title",)),
}


def names_of(records):
    """[(language, name)] of `records` (people, organisations, events) as the public reads
    them: their approved text."""
    fields = {model: names for model, names in NAMED_BY.values()}
    return [
        (code, value)
        for record in records
        for field in fields[type(record)]
        for code, value in field_values(record, field).items()
        if value
    ]


def columns(model):
    """What names_of reads of a `model`'s records."""
    [names] = [names for each, names in NAMED_BY.values() if each is model]
    return text_columns(*names)


def names_by_release(release_ids):
    """{release pk: [(language, name)]} of what each of `release_ids` links to: a few queries
    however many releases."""
    linked = {pk: [] for pk in release_ids}
    for relation, (model, _fields) in NAMED_BY.items():
        through = getattr(Release, relation).through
        column = getattr(Release, relation).field.m2m_reverse_field_name()
        links = list(
            through.objects.filter(release_id__in=release_ids).values_list(
                "release_id", f"{column}_id"
            )
        )
        records = model._default_manager.only(*columns(model)).in_bulk({pk for _r, pk in links})
        for release_id, pk in links:
            linked[release_id].append(records[pk])
    return {pk: names_of(records) for pk, records in linked.items()}


def names_of_links(links):
    """names_of the records in `links` ({relation: records}), for releases not stored yet."""
    return names_of(chain.from_iterable(links.get(relation, ()) for relation in NAMED_BY))


def linking(record):
    """The pks of the releases that link to `record` (a person, organisation or event)."""
    for relation, (model, _fields) in NAMED_BY.items():
        if isinstance(record, model):
            through = getattr(Release, relation).through
            column = getattr(Release, relation).field.m2m_reverse_field_name()
            return list(
                through.objects.filter(**{column: record}).values_list("release_id", flat=True)
            )
    return []
