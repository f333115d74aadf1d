"""Writes of an event that touch several models: the event with its organisers, partners,
sessions and participations, in one transaction."""

from django.db import transaction

from core import edit_conflicts, page_tags
from core.approved_text import approve, approved

from .models import Participation, Session


@transaction.atomic
def save_event(*, event, organisers=None, partners=None, sessions=None, participations=None):
    """Store `event` and, for each that is given, exactly these organisers and partners (lists of
    organisations), sessions and participations (dicts of their fields, in programme order);
    the system's own write, so their text is approved as it stands."""
    if event.pk:
        event.version = edit_conflicts.next_version(event)
    approve(event)
    event.full_clean()
    event.save()
    if organisers is not None:
        event.organisers.set(organisers)
    if partners is not None:
        event.partners.set(partners)
    if sessions is not None:
        event.sessions.all().delete()
        page_tags.written_in_bulk(
            Session.objects.bulk_create(
                approved(Session(event=event, order=order, **fields))
                for order, fields in enumerate(sessions, start=1)
            )
        )
    if participations is not None:
        event.participations.all().delete()
        page_tags.written_in_bulk(
            Participation.objects.bulk_create(
                approved(Participation(event=event, order=order, **fields))
                for order, fields in enumerate(participations, start=1)
            )
        )
    return event
