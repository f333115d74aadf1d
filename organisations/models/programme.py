from django.db import models
from django.utils.translation import gettext_lazy as _

from core.approved_text import approved_field
from core.dates import DatePrecision
from core.edit_conflicts import version_field


class Programme(models.Model):
    """A programme, project, platform or network the office runs with partners and funders."""

    class Kind(models.TextChoices):
        PROGRAMME = "programme", _("programme")
        PROJECT = "project", _("project")
        PLATFORM = "platform", _("platform")
        NETWORK = "network", _("network")

    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    description = models.TextField(_("description"), blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    part_of = models.ForeignKey(
        "self",
        verbose_name=_("part of or hosted on"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="components",
    )
    lead = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        related_name="led_programmes",
    )
    partners = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("implementing partners"),
        blank=True,
        related_name="partner_programmes",
    )
    consulted = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("consulted organisations"),
        blank=True,
        related_name="consulted_programmes",
        help_text=_("Organisations consulted without being partners (INTERPOL, for instance)."),
    )
    funders = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("funders"),
        through="organisations.ProgrammeFunder",
        blank=True,
        related_name="funded_programmes",
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)
    started_precision = models.CharField(
        _("start date precision"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.UNKNOWN,
    )
    member_count = models.PositiveIntegerField(
        _("members"), null=True, blank=True, help_text=_("For a network: how many members.")
    )
    member_count_is_approximate = models.BooleanField(
        _("member count is approximate"), default=False
    )
    version = version_field()
    approved = approved_field()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(started_precision=DatePrecision.UNKNOWN, started_on=None)
                | (
                    ~models.Q(started_precision=DatePrecision.UNKNOWN)
                    & models.Q(started_on__isnull=False)
                ),
                name="programme_start_precision_matches_date",
                violation_error_message=_("Give a start date with its precision, or neither."),
            ),
        ]

    def __str__(self):
        return self.name


class ProgrammeFunder(models.Model):
    programme = models.ForeignKey(Programme, verbose_name=_("programme"), on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("funder"), on_delete=models.PROTECT
    )
    is_main_funder = models.BooleanField(_("main funder"), default=False)

    class Meta:
        verbose_name = _("programme funder")
        verbose_name_plural = _("programme funders")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "organisation"], name="programme_funder_unique"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} → {self.programme}"
