"""Writes of organisations' records that touch several models, in one transaction."""

from django.db import transaction

from core import edit_conflicts, page_tags
from core.approved_text import approve

from .models import ProgrammeFunder


@transaction.atomic
def save_programme(*, programme, partners=None, consulted=None, funders=None):
    """Store `programme` and, for each that is given, exactly these partners and consulted
    organisations, and funders as (organisation, is the main funder) pairs."""
    if programme.pk:
        programme.version = edit_conflicts.next_version(programme)
    approve(programme)
    programme.full_clean()
    programme.save()
    if partners is not None:
        programme.partners.set(partners)
    if consulted is not None:
        programme.consulted.set(consulted)
    if funders is not None:
        ProgrammeFunder.objects.filter(programme=programme).delete()
        page_tags.written_in_bulk(
            ProgrammeFunder.objects.bulk_create(
                ProgrammeFunder(programme=programme, organisation=organisation, is_main_funder=main)
                for organisation, main in funders
            )
        )
    return programme
