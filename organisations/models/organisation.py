from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.approved_text import approved_field
from core.dates import DatePrecision
from core.edit_conflicts import version_field
from core.images import PublicImageField
from core.languages import filled_languages


class OrganisationQuerySet(models.QuerySet):
    def with_units(self, organisation):
        """The organisation and every unit under it, at any depth (UNOCT includes UNCCT)."""
        return self.filter(pk__in=self.unit_ids(organisation))

    def unit_ids(self, organisation):
        """The pks of `organisation` and its units; three levels a query, so one query is
        all a real hierarchy takes."""
        ids = {organisation.pk}
        frontier = {organisation.pk}
        while frontier:
            rows = self.filter(
                Q(parent__in=frontier)
                | Q(parent__parent__in=frontier)
                | Q(parent__parent__parent__in=frontier)
            ).values_list("pk", "parent__parent__parent")
            deepest = {pk for pk, ancestor in rows if ancestor in frontier} - ids
            ids |= {pk for pk, _ancestor in rows}
            frontier = deepest
        return ids


class Organisation(models.Model):
    class Kind(models.TextChoices):
        UN_ENTITY = "un_entity", _("UN entity")
        MEMBER_STATE = "member_state", _("Member state")
        REGIONAL = "regional", _("Regional or intergovernmental organisation")
        PARLIAMENT = "parliament", _("Parliament")
        CIVIL_SOCIETY = "civil_society", _("Civil society")
        ACADEMIA = "academia", _("Academia")
        PRIVATE_SECTOR = "private_sector", _("Private sector")

    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(
        _("acronym"),
        max_length=40,
        blank=True,
        help_text=_("As written in this language: UNOCT, ICSANT; may differ between languages."),
    )
    description = models.TextField(_("description"), blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
        help_text=_("The organisation this one belongs to: UNCCT is part of UNOCT."),
    )
    country = CountryField(_("country"), blank=True, db_index=True)
    website = models.URLField(_("website"), blank=True)
    logo = PublicImageField(_("logo"), upload_to="organisations/logos/", blank=True)
    established_on = models.DateField(_("established on"), null=True, blank=True)
    established_precision = models.CharField(
        _("establishment date precision"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.UNKNOWN,
    )
    version = version_field()
    approved = approved_field()

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [models.Index(fields=["kind"], name="organisation_kind_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")),
                name="organisation_not_own_parent",
                violation_error_message=_("An organisation cannot be part of itself."),
            ),
            models.CheckConstraint(
                condition=Q(established_precision=DatePrecision.UNKNOWN, established_on=None)
                | (
                    ~Q(established_precision=DatePrecision.UNKNOWN)
                    & Q(established_on__isnull=False)
                ),
                name="organisation_established_precision_matches_date",
                violation_error_message=_(
                    "Give an establishment date with its precision, or neither."
                ),
            ),
        ]

    def __str__(self):
        if self.acronym and self.acronym != self.name:
            return f"{self.name} ({self.acronym})"
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:detail", kwargs={"slug": self.slug})

    def public_languages(self):
        """The languages its page exists in: those of its approved name. The page's hreflang
        and the sitemap both list these."""
        return filled_languages(self, "name")

    @property
    def short_name(self):
        return self.acronym or self.name
