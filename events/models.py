from datetime import datetime, time, timedelta

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.approved_text import approved_field
from core.dates import DatePrecision
from core.edit_conflicts import version_field
from core.languages import filled_languages


class CountQualifier(models.TextChoices):
    """How a source states a head count: "more than 90", "about 200"."""

    EXACTLY = "exactly", _("exactly")
    MORE_THAN = "more_than", _("more than")
    ABOUT = "about", _("about")
    UP_TO = "up_to", _("up to")


class EventQuerySet(models.QuerySet):
    def dated(self):
        """Events whose date the sources give, at least the year."""
        return self.exclude(date_precision=DatePrecision.UNKNOWN)

    def next_change(self):
        """When upcoming and recent events next part ways by themselves: the site's next
        midnight."""
        tomorrow = timezone.localdate() + timedelta(days=1)
        return timezone.make_aware(datetime.combine(tomorrow, time.min))

    def upcoming(self):
        """Events starting today or later, soonest first."""
        return self.dated().filter(start_date__gte=timezone.localdate()).order_by("start_date")

    def recent(self):
        """Events that started before today, latest first."""
        return self.dated().filter(start_date__lt=timezone.localdate()).order_by("-start_date")

    def involving(self, organisations):
        """Events that any of `organisations` organised or took part in; semi-joins, so an
        event linked twice is listed once, without DISTINCT."""
        organised = Event.organisers.through.objects.filter(
            event=models.OuterRef("pk"), organisation__in=organisations
        )
        partnered = Event.partners.through.objects.filter(
            event=models.OuterRef("pk"), organisation__in=organisations
        )
        return self.filter(models.Exists(organised) | models.Exists(partnered))


class Event(models.Model):
    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("conference")
        FORUM = "forum", _("forum")
        ADVOCACY_EVENT = "advocacy_event", _("advocacy event")
        ROUNDTABLE = "roundtable", _("roundtable")
        LAUNCH = "launch", _("launch")
        MEETING = "meeting", _("meeting")
        WORKSHOP = "workshop", _("workshop")
        TRAINING = "training", _("training")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("in person")
        VIRTUAL = "virtual", _("virtual")
        HYBRID = "hybrid", _("hybrid")

    title = models.CharField(_("title"), max_length=400)
    slug = models.SlugField(_("slug"), max_length=140, unique=True, allow_unicode=True)
    summary = models.TextField(_("summary"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_('"unknown" when the source gives no date ("last Thursday").'),
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True, db_index=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    organisers = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("organisers"),
        blank=True,
        related_name="organised_events",
    )
    partners = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("partners and participating organisations"),
        blank=True,
        related_name="partnered_events",
    )
    programme = models.ForeignKey(
        "organisations.Programme",
        verbose_name=_("programme"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    participant_count = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    participant_count_qualifier = models.CharField(
        _("participants, as stated"),
        max_length=10,
        choices=CountQualifier.choices,
        default=CountQualifier.EXACTLY,
    )
    organisation_count = models.PositiveIntegerField(_("organisations"), null=True, blank=True)
    organisation_count_qualifier = models.CharField(
        _("organisations, as stated"),
        max_length=10,
        choices=CountQualifier.choices,
        default=CountQualifier.EXACTLY,
    )
    outcome = models.TextField(
        _("outcome"), blank=True, help_text=_("An outcome document or what was agreed.")
    )
    outcome_url = models.URLField(_("outcome document link"), blank=True)
    version = version_field()
    approved = approved_field()

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = [F("start_date").desc(nulls_last=True), "title"]
        indexes = [
            models.Index(fields=["start_date"], name="event_start_idx"),
            models.Index(fields=["kind", "start_date"], name="event_kind_start_idx"),
            models.Index(fields=["format"], name="event_format_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date=None) | Q(end_date__gte=F("start_date")),
                name="event_ends_after_start",
                violation_error_message=_("An event cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(end_date=None) | Q(start_date__isnull=False),
                name="event_end_needs_start",
                violation_error_message=_("Give a start date before an end date."),
            ),
            models.CheckConstraint(
                condition=Q(date_precision=DatePrecision.UNKNOWN, start_date=None)
                | (~Q(date_precision=DatePrecision.UNKNOWN) & Q(start_date__isnull=False)),
                name="event_date_precision_matches_date",
                violation_error_message=_('Give a start date, or set the precision to "unknown".'),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def public_languages(self):
        """The languages its page exists in: those of its approved title. The page's hreflang
        and the sitemap both list these."""
        return filled_languages(self, "title")


class Session(models.Model):
    """A part of an event's programme: the opening, or one of a roundtable's sessions."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="sessions"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    approved = approved_field()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["event", "order"]
        constraints = [
            models.UniqueConstraint(fields=["event", "order"], name="session_order_unique"),
        ]

    def __str__(self):
        return self.title


class Participation(models.Model):
    """A person at an event, with the role, title and affiliation stated there."""

    class Role(models.TextChoices):
        OPENED = "opened", _("opened")
        CO_HOSTED = "co_hosted", _("co-hosted")
        MODERATED = "moderated", _("moderated")
        SPOKE = "spoke", _("spoke")
        VIDEO_MESSAGE = "video_message", _("video message")
        ANNOUNCED = "announced", _("made an announcement")
        ATTENDED = "attended", _("attended")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="participations"
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="participations",
    )
    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participations",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    title = models.CharField(
        _("title as stated"),
        max_length=300,
        blank=True,
        help_text=_("The title given at this event."),
    )
    affiliation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("affiliation as stated"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    approved = approved_field()

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["event", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person", "role"], name="participation_unique_role"
            ),
        ]
        indexes = [models.Index(fields=["person", "event"], name="participation_person_idx")]

    def __str__(self):
        return f"{self.person} — {self.get_role_display()} — {self.event}"
