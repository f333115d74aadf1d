from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.approved_text import approved_field
from core.edit_conflicts import version_field
from core.images import PublicImageField
from core.languages import filled_languages


class Honorific(models.TextChoices):
    """Kept apart from the name: the same person is "Mr." in one release and "H.E." in another."""

    MR = "mr", _("Mr.")
    MS = "ms", _("Ms.")
    DR = "dr", _("Dr.")
    HE = "he", _("H.E.")
    AMBASSADOR = "ambassador", _("Ambassador")
    MAJ_GEN = "maj_gen", _("Maj. Gen.")
    SHEIKH = "sheikh", _("Sheikh")
    SHEIKHA = "sheikha", _("Sheikha")


class Person(models.Model):
    honorific = models.CharField(
        _("honorific"), max_length=20, choices=Honorific.choices, blank=True
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("Without honorific. Leave a language empty while its spelling is unknown."),
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=True)
    photo = PublicImageField(_("photo"), upload_to="people/", blank=True)
    bio = models.TextField(_("short biography"), blank=True)
    version = version_field()
    approved = approved_field()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("people:detail", kwargs={"slug": self.slug})

    def public_languages(self):
        """The languages its page exists in: those of its approved name. The page's hreflang
        and the sitemap both list these."""
        return filled_languages(self, "name")

    @property
    def name_with_honorific(self):
        if not self.honorific:
            return self.name
        return f"{self.get_honorific_display()} {self.name}"


class Position(models.Model):
    """A title a person held at an organisation, over a span of time."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="positions"
    )
    title = models.CharField(_("title"), max_length=300)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="positions",
    )
    started_on = models.DateField(_("from"), null=True, blank=True)
    ended_on = models.DateField(_("to"), null=True, blank=True, help_text=_("Empty if current."))
    approved = approved_field()

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["person", F("started_on").desc(nulls_last=True)]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on=None) | Q(started_on=None) | Q(ended_on__gte=F("started_on")),
                name="position_ends_after_start",
                violation_error_message=_("A position cannot end before it starts."),
            ),
        ]

    def __str__(self):
        if self.organisation_id:
            return f"{self.title}, {self.organisation.short_name}"
        return self.title
