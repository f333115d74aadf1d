"""Live texts made from a release's working copy, and what the working copy would change in them.

Only releases/services.py writes live texts, when a release is published, its changes are
published or a translation is approved; the staff preview and the "compare with live" page read
the same working values without writing them. Their search terms are written again here when
the release's links, or the names of what it links to, change (releases/linked_names.py).
"""

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils import timezone
from django.utils.html import strip_tags

from core import page_tags
from core.arabic_script import index_terms
from core.languages import fallback_chain

from . import linked_names, summaries
from .models import LIVE_FIELDS, LiveQuote, LiveText, Release
from .models.release import SEARCHED_FIELDS

# Releases whose live texts' search terms are written again at once, in one batch.
RENEWED_AT_ONCE = 500
# What a search ranks a text by, beside the names of its links (LiveText.rank_text).
RANKED_FIELDS = ("title", "lede")
# The columns of what a text is found and ranked by.
FIND_BY = ["search_text", "rank_text"]


def working_values(release, language):
    """{field: text} of the working copy in `language` (empty for what it lacks)."""
    return {field: getattr(release, f"{field}_{language}") or "" for field in LIVE_FIELDS}


def working_quotes(release, language, quotes=None):
    """The release's quotes (or `quotes`, Quote objects) as a live text in `language` would
    hold them: each in `language`, or its fallback where the quote is not translated, marked
    with the language it is in."""
    shown = []
    for order, quote in enumerate(release.quotes.all() if quotes is None else quotes, start=1):
        for code in fallback_chain(language):
            text = getattr(quote, f"text_{code}")
            if text:
                shown.append(
                    {
                        "person_id": quote.person_id,
                        "event_id": quote.event_id,
                        "text": text,
                        "language": code,
                        "order": order,
                    }
                )
                break
    return shown


def live_quotes(text):
    return [
        {
            "person_id": quote.person_id,
            "event_id": quote.event_id,
            "text": quote.text,
            "language": quote.language,
            "order": quote.order,
        }
        for quote in text.quotes.all()
    ]


def changed_fields(release, language):
    """The fields (and "quotes") in which the working copy in `language` differs from what the
    public reads now; every field that has text, when nothing in `language` is live."""
    live = release.live_text(language)
    working = working_values(release, language)
    if live is None:
        changed = [field for field, value in working.items() if value]
        return changed + (["quotes"] if working_quotes(release, language) else [])
    changed = [field for field in LIVE_FIELDS if getattr(live, field) != working[field]]
    if live_quotes(live) != working_quotes(release, language):
        changed.append("quotes")
    return changed


def search_terms_of(text, names=(), fields=SEARCHED_FIELDS):
    """What a live text is found by: the words of its searched `fields` (stemmed for Arabic)
    and `names`, [(language, name)] of what its release links to, in every language."""
    terms = []
    for field in fields:
        terms.extend(
            index_terms(strip_tags(getattr(text, field) or ""), arabic=text.language == "ar")
        )
    for language, name in names:
        terms.extend(index_terms(name, arabic=language == "ar"))
    return " ".join(dict.fromkeys(terms))


def rank_terms_of(text, names=()):
    """What a search ranks a live text by (LiveText.rank_text): the terms of its title and
    lede and of `names`."""
    return search_terms_of(text, names, fields=RANKED_FIELDS)


def find_by(text, names):
    """Give `text` its search and rank terms, with `names` of what its release links to."""
    text.search_text = search_terms_of(text, names)
    text.rank_text = rank_terms_of(text, names)


def unsaved_live_text(release, language, *, quotes=None, user=None, at=None, names=None):
    """The live text publishing would make, not stored, and its quotes: what the staff preview
    shows, and what make_live and the archive's bulk import store (which gives the `names` of
    its links, linked_names.names_of_links, as they are not stored yet)."""
    text = LiveText(
        release=release,
        language=language,
        live_from=at or timezone.now(),
        made_by=user if user is not None and user.pk else None,
        **working_values(release, language),
    )
    if names is None:
        names = linked_names.names_by_release([release.pk])[release.pk] if release.pk else []
    find_by(text, names)
    summaries.stamp(text)
    shown = working_quotes(release, language, quotes)
    return text, [LiveQuote(live_text=text, **quote) for quote in shown]


@transaction.atomic
def make_live(release, language, *, user=None, at=None):
    """Make the working copy in `language` what the public reads: now, or from `at` on (a
    scheduled change, while the text live now stays until then)."""
    now = timezone.now()
    at = at if at is not None and at > now else now
    texts = LiveText.objects.filter(release=release, language=language)
    # A change scheduled before gives way; the text live now ends when this one starts; texts
    # already replaced are gone (the revisions keep the history).
    texts.filter(live_from__gt=now).delete()
    texts.filter(Q(live_until__isnull=True) | Q(live_until__gt=at)).update(live_until=at)
    texts.filter(live_until__lte=now).delete()
    text, quotes = unsaved_live_text(release, language, user=user, at=at)
    text.save()
    for quote in quotes:
        quote.live_text = text
    page_tags.written_in_bulk(LiveQuote.objects.bulk_create(quotes))
    # What the release knows as its live texts is out of date now.
    release.__dict__.pop("current_texts", None)
    return text


def renew_search_terms(release_ids):
    """Write again the search and rank terms of the live texts (current and scheduled) of
    `release_ids`, with the names their links have now; a text whose terms are unchanged is
    left alone."""
    release_ids = list(release_ids)
    for start in range(0, len(release_ids), RENEWED_AT_ONCE):
        batch = release_ids[start : start + RENEWED_AT_ONCE]
        names = linked_names.names_by_release(batch)
        live = Q(live_until__isnull=True) | Q(live_until__gt=timezone.now())
        texts = LiveText.objects.filter(live, release_id__in=batch).only(
            "release_id", "language", *FIND_BY, *SEARCHED_FIELDS
        )
        changed = []
        for text in texts:
            before = [getattr(text, field) for field in FIND_BY]
            find_by(text, names[text.release_id])
            if [getattr(text, field) for field in FIND_BY] != before:
                changed.append(text)
        LiveText.objects.bulk_update(changed, FIND_BY, batch_size=RENEWED_AT_ONCE)


def renew_after_commit(release_ids):
    if release_ids:
        transaction.on_commit(lambda: renew_search_terms(release_ids), robust=True)


def relinked(sender, instance, action, reverse, pk_set, **kwargs):
    """A release linked to, or unlinked from, a person, organisation or event."""
    if reverse and action == "pre_clear":
        instance.unlinked_releases = linked_names.linking(instance)
    if action in ("post_add", "post_remove", "post_clear"):
        if not reverse:
            renew_after_commit([instance.pk])
        else:
            renew_after_commit(list(pk_set or instance.__dict__.pop("unlinked_releases", [])))


def note_renamed(sender, instance, **kwargs):
    """Before a person, organisation or event is saved (a restored revision's raw save too):
    whether its public names change."""
    instance.renamed = False
    if instance.pk is None:
        return
    stored = sender._default_manager.only(*linked_names.columns(sender)).filter(pk=instance.pk)
    stored = stored.first()
    instance.renamed = stored is not None and (
        linked_names.names_of([stored]) != linked_names.names_of([instance])
    )


def renew_if_renamed(sender, instance, **kwargs):
    if instance.__dict__.pop("renamed", False):
        renew_after_commit(linked_names.linking(instance))


def note_unlinking(sender, instance, **kwargs):
    """Before a person, organisation or event is deleted: its links go with it, unsignalled."""
    instance.unlinked_releases = linked_names.linking(instance)


def renew_unlinked(sender, instance, **kwargs):
    renew_after_commit(instance.__dict__.pop("unlinked_releases", []))


def watch():
    """Keep the live texts' search terms in step with their releases' links and names."""
    for relation, (model, _fields) in linked_names.NAMED_BY.items():
        through = getattr(Release, relation).through
        m2m_changed.connect(relinked, sender=through, dispatch_uid=f"live-terms-{relation}")
        pre_save.connect(note_renamed, sender=model, dispatch_uid=f"live-terms-{relation}")
        post_save.connect(renew_if_renamed, sender=model, dispatch_uid=f"live-terms-{relation}")
        pre_delete.connect(note_unlinking, sender=model, dispatch_uid=f"live-terms-{relation}")
        post_delete.connect(renew_unlinked, sender=model, dispatch_uid=f"live-terms-{relation}")
