"""Two people editing one record: the later save is refused with a message, never lost.

Each record staff edit carries a version number, and its change form the version it was opened
at. Saving locks the record's row (SELECT … FOR UPDATE) inside the save's transaction, compares
the versions and moves the version on. A second save opened at the same version waits for that
lock, then finds the version moved, and is refused; so is a form that does not say which version
it was opened at.

Versions only ever grow, even when an old revision is restored (its stored version comes back
with it): the next one is the clock in microseconds, or the stored one plus one if that is later.
"""

import time

from django import forms
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def version_field():
    return models.PositiveBigIntegerField(
        _("version"),
        default=0,
        editable=False,
        help_text=_("Moves on with every save: a save begun from an older version is refused."),
    )


def locked_version(instance):
    """The stored version of `instance`, its row locked until the transaction ends; None if it
    is not stored."""
    rows = type(instance)._default_manager.select_for_update().filter(pk=instance.pk)
    return rows.values_list("version", flat=True).first()


def following(stored):
    """The version after `stored`."""
    return max(time.time_ns() // 1000, (stored or 0) + 1)


def next_version(instance):
    """The version `instance` is saved as: past the stored one, read under the row lock."""
    return following(locked_version(instance) if instance.pk else None)


def conflict(instance):
    """The error for a save begun before someone else's: who saved, and when, if the log says."""
    entry = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(instance), object_id=str(instance.pk)
        )
        .select_related("user")
        .order_by("-action_time")
        .first()
    )
    thing = instance._meta.verbose_name
    if entry is None:
        message = gettext(
            "Someone else saved this %(thing)s after you opened it. Your changes were not "
            "saved: copy them, reload the page to see the newer version, and apply them again."
        ) % {"thing": thing}
    else:
        message = gettext(
            "Someone else saved this %(thing)s at %(time)s (%(who)s), after you opened it. Your "
            "changes were not saved: copy them, reload the page to see the newer version, and "
            "apply them again."
        ) % {
            "thing": thing,
            "time": timezone.localtime(entry.action_time).strftime("%H:%M:%S"),
            "who": entry.user.get_full_name() or entry.user.get_username(),
        }
    return ValidationError(message, code="conflict")


def refuse_stale(instance, loaded_version):
    """Raise the conflict unless `instance` is stored at `loaded_version` (locking its row)."""
    stored = locked_version(instance)
    if stored is not None and stored != loaded_version:
        raise conflict(instance)


class VersionedInlineFormSet(forms.BaseInlineFormSet):
    """Rows of versioned records edited inside another's form (a pledge on its event's page):
    each row's form carries its version, and saving a row moves it on."""

    def save_existing(self, form, obj, commit=True):
        obj.version = next_version(obj)
        return super().save_existing(form, obj, commit=commit)


class VersionedForm(forms.ModelForm):
    """A change form that carries the version it was opened at and refuses a stale save."""

    # Hidden, but its label is in the page (and in a refused form's errors): in every language.
    loaded_version = forms.IntegerField(
        label=_("version opened"), widget=forms.HiddenInput, min_value=0
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version
        else:
            self.fields["loaded_version"].required = False

    def clean(self):
        cleaned = super().clean()
        loaded = cleaned.get("loaded_version")
        if self.instance.pk and loaded is not None:
            # Inside the admin's transaction: the row stays locked until this save commits.
            refuse_stale(self.instance, loaded)
        return cleaned
