"""Who may move a release, or one of its translations, from which state to which, and how the
admin log words each move.

Editors write drafts and submit them for review; publishers publish (now or at a future time,
which schedules it), unpublish and archive. Translators submit their language for review and
publishers approve it. The moves themselves are made by services.py.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from core.permissions import can_publish, translation_languages

from . import freshness
from .models import LanguageVersion, Release

Status = Release.Status
EDITORIAL = {Status.DRAFT, Status.IN_REVIEW}


def allowed_statuses(user, current):
    """The statuses `user` may give a release that is now `current` (current included)."""
    if can_publish(user):
        return set(Status)
    edits_everything = translation_languages(user) is None
    if edits_everything and user.has_perm("newsroom.change_release") and current in EDITORIAL:
        return set(EDITORIAL)
    return {current}


def publishing_problems(release):
    """{field: why} for what keeps `release` from being published: a published image needs alt
    text in the release's own language, and a title the importer made up needs an editor."""
    problems = {}
    if not getattr(release, f"title_{release.source_language}"):
        problems[f"title_{release.source_language}"] = _(
            "Give the release a title in its own language."
        )
    field = f"hero_image_alt_{release.source_language}"
    if release.hero_image and not getattr(release, field):
        problems[field] = _("A published image needs alt text in the release's own language.")
    if release.title_is_provisional:
        problems["title_is_provisional"] = _(
            "The importer made this title up from the text: confirm or replace it first."
        )
    return problems


def check_transition(user, old, new):
    if new not in allowed_statuses(user, old):
        raise PermissionDenied(
            _("You may not change a release from %(old)s to %(new)s.")
            % {"old": Status(old).label, "new": Status(new).label}
        )


def allowed_translation_statuses(user, version):
    Version = LanguageVersion.Status
    if user is None or can_publish(user):
        return set(Version)
    languages = translation_languages(user)
    mine = languages is None or version.language in languages
    if mine and version.status != Version.APPROVED:
        return {Version.IN_PROGRESS, Version.IN_REVIEW}
    return {version.status}


def check_translation_status(user, version, new):
    """Raise ValidationError unless `user` may give `version` the status `new` (None: the
    system, whom only the readiness rules bind)."""
    Version = LanguageVersion.Status
    if new not in allowed_translation_statuses(user, version):
        raise ValidationError(
            _("You may not set the %(language)s translation to %(status)s.")
            % {"language": version.get_language_display(), "status": Version(new).label}
        )
    if new == Version.APPROVED:
        release = version.release
        if release.hero_image and not getattr(release, f"hero_image_alt_{version.language}"):
            raise ValidationError(
                _("Give the image alt text in %(language)s before approving.")
                % {"language": version.get_language_display()}
            )
        state = freshness.language_state(release, version.language)
        if state == freshness.MISSING:
            raise ValidationError(
                _("The %(language)s translation is not complete: fill every field first.")
                % {"language": version.get_language_display()}
            )


# The admin log's words, in English: the log is read by staff of every language. -------------


def dated(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M %Z") if moment else "none"


def scheduled_for(release):
    return dated(release.published_at)


def status_message(old, new, release):
    with override("en"):
        if new == Status.PUBLISHED and release.is_scheduled:
            return _("Scheduled for %(when)s (was %(old)s).") % {
                "when": scheduled_for(release),
                "old": Status(old).label,
            }
        return _("Status changed from %(old)s to %(new)s.") % {
            "old": Status(old).label,
            "new": Status(new).label,
        }


def creation_message(release):
    with override("en"):
        if release.is_scheduled:
            return _("Created, scheduled for %(when)s.") % {"when": scheduled_for(release)}
        return _("Created as %(status)s.") % {"status": release.get_status_display()}


def date_message(old, release):
    with override("en"):
        if release.is_scheduled:
            return _(
                "Publication date moved from %(old)s to %(new)s: off the public site until then."
            ) % {"old": dated(old), "new": scheduled_for(release)}
        return _("Publication date changed from %(old)s to %(new)s.") % {
            "old": dated(old),
            "new": scheduled_for(release),
        }


def restore_message(restoring):
    with override("en"):
        context = {"when": dated(restoring.revision_saved_at), "who": restoring.revision_saved_by}
        if restoring.recovered:
            return _("Recovered as a draft from the revision saved at %(when)s by %(who)s.") % (
                context
            )
        return _("Restored the revision saved at %(when)s by %(who)s.") % context


def published_changes_message():
    with override("en"):
        return _("Published the changes: the live text is now the working copy.")


def scheduled_changes_message(at):
    with override("en"):
        return _("Scheduled the changes for %(when)s; the live text stays until then.") % {
            "when": dated(at)
        }


def sent_back_message():
    with override("en"):
        return _("Sent the changes back to the editors; the live text stays.")


def translation_message(version, old):
    with override("en"):
        return _("%(language)s translation: %(old)s → %(new)s.") % {
            "language": version.get_language_display(),
            "old": LanguageVersion.Status(old).label,
            "new": version.get_status_display(),
        }
