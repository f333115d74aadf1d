"""Every write of a release, in one place.

Creating and updating a release (its slugs, sanitised bodies, search text, language versions,
freshness records and renditions), its links, its status and each translation's status go
through these functions, and each writes its audit-log entry and asks for the readers' pages
to be renewed. The admin, the archive importer, the demo loader and the benchmark's archive
builder all call them; forms only validate.

The release's own fields are its working copy. What the public reads is its live texts
(LiveText), which only publishing (the release, or its changes) and approving a translation
write: saving a working copy never changes what the public sees.

`user` is the staff member acting; None is the system itself (an import, the demo loader),
which the role rules do not limit and the admin log names as its own account. Every change of
what the public sees is logged: who, when, and from what to what.
"""

from dataclasses import dataclass, field

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from core import edit_conflicts, page_cache, page_tags
from core.images import make_renditions
from core.languages import CODES
from core.permissions import can_publish
from core.sanitising import sanitise_html
from staff.accounts import system_account

from . import freshness, linked_names, live_texts, news_index, workflow
from .models import LanguageVersion, LiveQuote, LiveText, Quote, Release, TranslationSource
from .models.release import search_terms
from .slugs import unique_slug

RELATIONS = ("topics", "events", "people", "organisations")


@dataclass
class Restore:
    """A revision being restored, and the release's publication as it stands: restoring brings
    back the revision's text, never its status, dates or image (reversion writes the revision's
    fields first, so the release's own are kept here)."""

    revision_saved_at: object
    revision_saved_by: str
    status: str
    published_at: object
    hero_image: str
    recovered: bool = False  # a deleted release brought back


def create_release(*, user=None, links=None, **fields):
    """A new release from model field values (`title_ar=…`, `status=…`), with its `links`
    ({"topics": [...], ...}); every translated field given counts as just written."""
    release = Release(**fields)
    return save_release(release=release, user=user, written=fields.keys(), links=links)


@transaction.atomic
def save_release(
    *, release, user=None, written=(), links=None, restoring=None, checked=None, settle=True
):
    """Store `release` as its fields now stand, new or changed, as `user`.

    `written` names the fields just written (a form's changed fields): the translations among
    them are recorded as made from the source's current text. `links`, when given, replaces
    the release's topics, events, people or organisations. `restoring` says which revision the
    text comes from. `checked` names the fields a form has validated (None: validate them all):
    only those, and what this save derives, are validated again, so that a field the user could
    not change (another language's, for a translator) never fails their save. `settle=False`
    leaves `settle_live` to the caller, once the quotes are saved too (the admin's inline rows).
    """
    adding = release._state.adding
    before = (
        None
        if adding
        # Locked until the commit: a second save waits here, then moves the version on.
        else Release.objects.select_for_update()
        .filter(pk=release.pk)
        .values("status", "published_at", "hero_image", "version")
        .first()
    )
    if restoring and before:
        release.status, release.published_at = restoring.status, restoring.published_at
        release.hero_image = restoring.hero_image
    old_status = before["status"] if before else None
    if before:
        release.version = edit_conflicts.following(before["version"])
    if user is not None and release.status != (old_status or Release.Status.DRAFT):
        workflow.check_transition(user, old_status or Release.Status.DRAFT, release.status)
    if not adding and f"title_{release.source_language}" in written:
        release.title_is_provisional = False  # An editor wrote it.

    derived = {"search_text"}
    for code in CODES:
        # Every language with a title gets an address, even if nobody typed a slug.
        title = getattr(release, f"title_{code}")
        if title and not getattr(release, f"slug_{code}"):
            setattr(release, f"slug_{code}", unique_slug(title, code, exclude_pk=release.pk))
            derived.add(f"slug_{code}")
    derive(release)
    release.date_publication()
    if release.status == Release.Status.PUBLISHED and old_status != release.status:
        refuse_unpublishable(release)
    if checked is None:
        release.full_clean()
    else:
        validated = set(checked) | derived
        release.full_clean(
            exclude=[f.name for f in Release._meta.fields if f.name not in validated]
        )
    release.save()

    if links:
        set_links(release=release, links=links)
    ensure_language_versions(release)
    freshness.record_translations(
        release, freshness.written_translations(written, release.source_language)
    )
    if old_status == Release.Status.PUBLISHED and release.status != old_status:
        _withdraw_source(release)
    if settle:
        settle_live(release=release, user=user)
    _log_what_the_public_sees(user, release, before, restoring)

    image = release.hero_image
    if image and (adding or before["hero_image"] != image.name):
        # After the commit: a rolled-back save leaves no renditions behind. A rendition that
        # fails is logged, never turned into an error for a save that has committed.
        transaction.on_commit(lambda: show_renditions(release, image), robust=True)
    return release


def show_renditions(release, image):
    """Make the image's renditions, then renew the pages that show it, kept meanwhile with the
    original."""
    make_renditions(image)
    page_cache.invalidate(page_tags.tag_of(Release, release.pk))


def settle_live(*, release, user, and_publish=False):
    """After a save of the working copy: a published release without a live text in its own
    language (published just now, or again) gets one; otherwise its changes are noted, or
    published with `and_publish`. An approved translation edited since is in progress again."""
    if release.status == Release.Status.PUBLISHED:
        if release.live_text(release.source_language) is None:
            _publish_source(release, user)
        elif and_publish:
            publish_changes(release=release, user=user)
        else:
            _note_changes(release)
    _reopen_edited_translations(release, user)
    # The working copy, the translations' sources or the source's live text have changed.
    freshness.store_states(release)


def _withdraw_source(release):
    """Unpublished or archived: its own language's live text goes (publishing it again makes
    a new one from the working copy); approved translations keep theirs."""
    LiveText.objects.filter(release=release, language=release.source_language).delete()
    release.__dict__.pop("current_texts", None)


def _publish_source(release, user, at=None):
    """The release's own language goes live as the working copy has it; its changes are done."""
    live_texts.make_live(release, release.source_language, user=user, at=at)
    if release.changes:
        release.changes = Release.Changes.NONE
        release.save(update_fields=["changes"])


def _note_changes(release):
    """A published release whose working copy now differs from its live text has changes
    (being written, or in review if its editor said so); one that does not, has none."""
    differs = bool(live_texts.changed_fields(release, release.source_language))
    if differs and not release.changes:
        release.changes = Release.Changes.EDITING
    elif not differs:
        release.changes = Release.Changes.NONE
    release.save(update_fields=["changes"])


def _reopen_edited_translations(release, user):
    """An approved translation whose text has been edited since is in progress again; the text
    approved stays live until the new one is approved."""
    for version in release.language_versions.filter(status=LanguageVersion.Status.APPROVED):
        version.release = release
        if live_texts.changed_fields(release, version.language):
            version.status = LanguageVersion.Status.IN_PROGRESS
            version.save(update_fields=["status"])
            _log(
                user,
                release,
                CHANGE,
                workflow.translation_message(version, LanguageVersion.Status.APPROVED),
            )


@transaction.atomic
def publish_changes(*, release, user, at=None):
    """Make the working copy of a published release its live text in its own language: now, or
    from `at` on (a scheduled change; the live text stays until then). Only a publisher."""
    if user is not None and not can_publish(user):
        raise PermissionDenied(_("Only a publisher publishes changes."))
    if release.status != Release.Status.PUBLISHED:
        raise ValidationError(_("Only a published release has changes to publish."))
    if not live_texts.changed_fields(release, release.source_language):
        _note_changes(release)
        return False
    refuse_unpublishable(release)
    _publish_source(release, user, at=at)
    freshness.store_states(release)
    message = (
        workflow.scheduled_changes_message(at)
        if at and at > timezone.now()
        else workflow.published_changes_message()
    )
    _log(user, release, CHANGE, message)
    return True


@transaction.atomic
def send_back(*, release, user):
    """A publisher returns a published release's changes to its editors; the live text stays."""
    if user is not None and not can_publish(user):
        raise PermissionDenied(_("Only a publisher sends changes back."))
    release.changes = Release.Changes.EDITING
    release.save(update_fields=["changes"])
    _log(user, release, CHANGE, workflow.sent_back_message())


def refuse_unpublishable(release):
    """Raise ValidationError, field by field, for what keeps `release` from being published."""
    problems = workflow.publishing_problems(release)
    if problems:
        raise ValidationError(problems)


def _log_what_the_public_sees(user, release, before, restoring):
    """One log entry for a save that changes what the public sees: a release created in review,
    published or scheduled; a change of status; a published release's date moved (a date in the
    future takes it off the site until then); a revision restored."""
    if before is None:
        # A new draft is logged by the admin's own "Added".
        if release.status != Release.Status.DRAFT:
            _log(user, release, ADDITION, workflow.creation_message(release))
        return
    messages = [workflow.restore_message(restoring)] if restoring else []
    if restoring and restoring.recovered:
        pass  # It was deleted: its status before is no status at all.
    elif before["status"] != release.status:
        messages.append(workflow.status_message(before["status"], release.status, release))
    elif release.status == Release.Status.PUBLISHED and not same_second(
        before["published_at"], release.published_at
    ):
        messages.append(workflow.date_message(before["published_at"], release))
    if messages:
        _log(user, release, CHANGE, " ".join(messages))


def derive(release):
    """The fields a release's own text gives: sanitised bodies and the search terms."""
    for code in CODES:
        body = getattr(release, f"body_{code}")
        if body:
            setattr(release, f"body_{code}", sanitise_html(body))
    release.search_text = search_terms(release)


@dataclass
class ArchivedRelease:
    """A release of an archive written at once: the release, unsaved and with its slugs; the
    status of each translation it has ({language: status}); its links and quotes."""

    release: Release
    translations: dict = field(default_factory=dict)
    links: dict = field(default_factory=dict)
    quotes: list = field(default_factory=list)


def create_releases_in_bulk(*, archived):
    """Many `ArchivedRelease`s at once, in bulk inserts (the benchmark's archive): the derived
    fields, live texts, language versions (with their freshness) and freshness records that
    save_release writes, without its per-release checks, log entries and renditions."""
    for item in archived:
        derive(item.release)
    created = Release.objects.bulk_create([item.release for item in archived])
    rows = {relation: [] for relation in RELATIONS}
    quotes = []
    for item, release in zip(archived, created, strict=True):
        for relation, items in item.links.items():
            through = getattr(Release, relation).through
            column = getattr(Release, relation).field.m2m_reverse_field_name()
            rows[relation] += [through(release=release, **{column: obj}) for obj in items]
        quotes += [
            Quote(release=release, order=order, **quote)
            for order, quote in enumerate(item.quotes, start=1)
        ]
    for relation, link_rows in rows.items():
        getattr(Release, relation).through.objects.bulk_create(link_rows)
    Quote.objects.bulk_create(quotes)
    # The live texts first: the translations are made from the source's live text.
    _make_live_in_bulk(archived, created, quotes)
    versions, sources = [], []
    for item, release in zip(archived, created, strict=True):
        made_from = freshness.sources_of(
            release,
            [(code, name) for code in item.translations for name in freshness.TRACKED_FIELDS],
        )
        recorded = {(record.language, record.field): record.source_text for record in made_from}
        sources += made_from
        for code in CODES:
            if code == release.source_language:
                continue
            status = item.translations.get(code, LanguageVersion.Status.IN_PROGRESS)
            state = freshness.language_state(release, code, recorded)
            versions.append(
                LanguageVersion(release=release, language=code, status=status, freshness=state)
            )
    LanguageVersion.objects.bulk_create(versions, batch_size=2000)
    TranslationSource.objects.bulk_create(sources, batch_size=2000)
    page_cache.invalidate()
    # Bulk inserts send no signals: the news index is told here.
    news_index.note_change(sender=Release)
    return created


def _make_live_in_bulk(archived, created, quotes):
    """The live texts of an archive written at once: each published release's own language,
    and each approved translation."""
    quotes_of = {}
    for quote in quotes:
        quotes_of.setdefault(quote.release_id, []).append(quote)
    texts, live_quotes = [], []
    for item, release in zip(archived, created, strict=True):
        languages = [code for code, status in item.translations.items() if status == "approved"]
        if release.status == Release.Status.PUBLISHED:
            languages.append(release.source_language)
        # What the release knows as its live texts, without reading them back.
        release.current_texts = []
        for code in languages:
            text, text_quotes = live_texts.unsaved_live_text(
                release,
                code,
                quotes=quotes_of.get(release.pk, []),
                names=linked_names.names_of_links(item.links),
            )
            texts.append(text)
            live_quotes.append(text_quotes)
            release.current_texts.append(text)
    LiveText.objects.bulk_create(texts, batch_size=2000)
    for text, text_quotes in zip(texts, live_quotes, strict=True):
        for quote in text_quotes:
            quote.live_text = text
    LiveQuote.objects.bulk_create(
        [quote for text_quotes in live_quotes for quote in text_quotes], batch_size=2000
    )


def set_links(*, release, links):
    """Link `release` to exactly these topics, events, people or organisations."""
    for relation, items in links.items():
        if relation not in RELATIONS:
            raise ValueError(f"A release has no relation {relation!r}.")
        getattr(release, relation).set(items)


def set_quotes(*, release, quotes):
    """Replace the release's quotes with `quotes`: dicts of Quote fields, in reading order."""
    release.quotes.all().delete()
    Quote.objects.bulk_create(
        Quote(release=release, order=order, **quote) for order, quote in enumerate(quotes, 1)
    )


@transaction.atomic
def set_status(*, release, status, user):
    """Move one release to `status`, as `user`; False if it was there already."""
    old = release.status
    if old == status:
        return False
    if user is not None:
        workflow.check_transition(user, old, status)
    release.status = status
    release.date_publication()
    if status == Release.Status.PUBLISHED:
        refuse_unpublishable(release)
    release.version = edit_conflicts.next_version(release)
    release.save(update_fields=["status", "published_at", "updated_at", "version"])
    if old == Release.Status.PUBLISHED:
        _withdraw_source(release)
    elif status == Release.Status.PUBLISHED:
        _publish_source(release, user)
    freshness.store_states(release)
    _log(user, release, CHANGE, workflow.status_message(old, status, release))
    return True


@transaction.atomic
def set_translation_status(*, version, status, user):
    """Give one translation the `status` (in progress, in review, approved), as `user`.

    Raises ValidationError when `user` may not, or the translation is not ready to approve.
    """
    old = version.status
    if old == status:
        return False
    workflow.check_translation_status(user, version, status)
    version.status = status
    if status == LanguageVersion.Status.APPROVED:
        version.reviewed_by, version.reviewed_at = user, timezone.now()
        # Exactly the text the publisher approved goes live.
        live_texts.make_live(version.release, version.language, user=user)
    version.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    _log(user, version.release, CHANGE, workflow.translation_message(version, old))
    return True


def ensure_language_versions(release):
    """Every language other than the source has a version row to carry its state."""
    LanguageVersion.objects.bulk_create(
        [
            LanguageVersion(release=release, language=code)
            for code in CODES
            if code != release.source_language
        ],
        ignore_conflicts=True,
    )


def same_second(first, second):
    """Two moments the admin's form shows alike (it keeps no microseconds)."""
    if first is None or second is None:
        return first is second
    return first.replace(microsecond=0) == second.replace(microsecond=0)


def _log(user, release, action, message):
    """Write to the admin log, in English: the log is read by staff of every language."""
    with override("en"):
        message = str(message)
    LogEntry.objects.log_actions(
        user_id=(user or system_account()).pk,
        queryset=[release],
        action_flag=action,
        change_message=message,
        single_object=True,
    )
