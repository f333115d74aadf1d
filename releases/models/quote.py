from django.db import models
from django.utils.translation import gettext_lazy as _


class Quote(models.Model):
    """Words a release attributes to a person, said at an event where known."""

    release = models.ForeignKey(
        "newsroom.Release",
        verbose_name=_("release"),
        on_delete=models.CASCADE,
        related_name="quotes",
    )
    person = models.ForeignKey(
        "people.Person", verbose_name=_("speaker"), on_delete=models.PROTECT, related_name="quotes"
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("said at"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quotes",
    )
    text = models.TextField(_("text"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["release", "order"]

    def __str__(self):
        return f"{self.person}: {self.text[:60]}"
