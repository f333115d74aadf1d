"""Who may move a release, or one of its translations, from which state to which.

Editors write drafts and submit them for review; publishers publish (now or at a future time,
which schedules it), unpublish and archive. Translators submit their language for review and
publishers approve it. Every transition is written to the admin log.
"""

from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
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


def log(user, obj, message):
    """Write to the admin log, in English: the log is read by staff of every language."""
    LogEntry.objects.log_actions(
        user_id=user.pk,
        queryset=[obj],
        action_flag=CHANGE,
        change_message=message,
        single_object=True,
    )


def status_message(old, new, release):
    with override("en"):
        return _status_message(old, new, release)


def _status_message(old, new, release):
    if new == Status.PUBLISHED and release.is_scheduled:
        return _("Scheduled for %(when)s (was %(old)s).") % {
            "when": timezone.localtime(release.published_at).strftime("%Y-%m-%d %H:%M %Z"),
            "old": Status(old).label,
        }
    return _("Status changed from %(old)s to %(new)s.") % {
        "old": Status(old).label,
        "new": Status(new).label,
    }


def check_transition(user, old, new):
    if new not in allowed_statuses(user, old):
        raise PermissionDenied(
            _("You may not change a release from %(old)s to %(new)s.")
            % {"old": Status(old).label, "new": Status(new).label}
        )


@transaction.atomic
def set_status(release, new, *, user):
    """Move one release to `new`, as `user`; publishing without a date publishes now."""
    old = release.status
    if old == new:
        return False
    check_transition(user, old, new)
    release.status = new
    if new == Status.PUBLISHED and release.published_at is None:
        release.published_at = timezone.now()
    release.save(update_fields=["status", "published_at", "updated_at"])
    log(user, release, status_message(old, new, release))
    return True


def allowed_translation_statuses(user, version):
    Version = LanguageVersion.Status
    if can_publish(user):
        return set(Version)
    languages = translation_languages(user)
    mine = languages is None or version.language in languages
    if mine and version.status != Version.APPROVED:
        return {Version.IN_PROGRESS, Version.IN_REVIEW}
    return {version.status}


def check_translation_status(user, version, new):
    """Raise ValidationError unless `user` may give `version` the status `new`."""
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


def record_translation_status(version, old, *, user):
    if version.status == LanguageVersion.Status.APPROVED:
        version.reviewed_by, version.reviewed_at = user, timezone.now()
        version.save(update_fields=["reviewed_by", "reviewed_at"])
    with override("en"):
        message = _("%(language)s translation: %(old)s → %(new)s.") % {
            "language": version.get_language_display(),
            "old": LanguageVersion.Status(old).label,
            "new": version.get_status_display(),
        }
    log(user, version.release, message)


def ensure_language_versions(release):
    """Every language other than the source has a version row to carry its state."""
    LanguageVersion.objects.bulk_create(
        [
            LanguageVersion(release=release, language=code)
            for code, _name in settings.LANGUAGES
            if code != release.source_language
        ],
        ignore_conflicts=True,
    )
