from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LanguageVersion(models.Model):
    """The state of one translation of a release, apart from the release's own publication.

    Arabic can be live while the English is in review and the Persian not started: the public
    sees a translation once it is approved, and the fallback language until then.
    """

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("in progress")
        IN_REVIEW = "in_review", _("in review")
        APPROVED = "approved", _("approved")

    class Freshness(models.TextChoices):
        """What the translation holds of the source's current text (releases/freshness.py
        says which)."""

        SOURCE = "source", _("source")
        COMPLETE = "complete", _("complete")
        MISSING = "missing", _("missing")
        STALE = "stale", _("stale")

    release = models.ForeignKey(
        "newsroom.Release",
        verbose_name=_("release"),
        on_delete=models.CASCADE,
        related_name="language_versions",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(
        _("translation status"), max_length=20, choices=Status.choices, default=Status.IN_PROGRESS
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    # Stored on every write that can change it (freshness.store_states), so that the
    # translation queues read an index instead of comparing every release's text.
    freshness = models.CharField(
        _("freshness"), max_length=10, choices=Freshness.choices, default=Freshness.MISSING
    )
    # When a scheduled change of the source's live text takes over, and with it the freshness
    # may change without any write: it is stored again then (freshness.store_due_states).
    freshness_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        ordering = ["release", "language"]
        constraints = [
            models.UniqueConstraint(fields=["release", "language"], name="language_version_unique"),
        ]
        indexes = [
            models.Index(fields=["language", "status"], name="language_version_queue_idx"),
            models.Index(
                fields=["language", "freshness", "release"], name="language_version_fresh_idx"
            ),
            models.Index(
                fields=["freshness_until"],
                condition=models.Q(freshness_until__isnull=False),
                name="language_version_due_idx",
            ),
        ]

    def __str__(self):
        return f"{self.get_language_display()}: {self.get_status_display()}"


class TranslationSource(models.Model):
    """The source text a translated field was made from, to tell when it has gone stale."""

    release = models.ForeignKey(
        "newsroom.Release",
        verbose_name=_("release"),
        on_delete=models.CASCADE,
        related_name="translation_sources",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    field = models.CharField(_("field"), max_length=40)
    source_text = models.TextField(_("source text"), blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("translation source")
        verbose_name_plural = _("translation sources")
        constraints = [
            models.UniqueConstraint(
                fields=["release", "language", "field"], name="translation_source_unique"
            ),
        ]

    def __str__(self):
        return f"{self.release_id} {self.field} [{self.language}]"
