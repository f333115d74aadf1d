from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.time_windows import open_at

from .public_release import PUBLIC_COLUMNS, UNLISTED, PublicRelease

# The text of a release the public reads in one language; the same names as the release's own
# translated fields, which are the working copy staff edit.
LIVE_FIELDS = (
    "title",
    "slug",
    "lede",
    "body",
    "dateline",
    "source_name",
    "hero_image_alt",
    "hero_image_caption",
    "hero_image_credit",
)


def current_condition(through="", at=None):
    """Live texts (reached through `through`) live at `at`, now by default: each has taken over
    and not yet been replaced."""
    return open_at(f"{through}live_from", f"{through}live_until", at)


class LiveTextQuerySet(models.QuerySet):
    def current(self, at=None):
        """The texts live at `at` (now)."""
        return self.filter(current_condition(at=at))

    def next_change(self):
        """When the next scheduled text goes live, or None."""
        upcoming = self.filter(live_from__gt=timezone.now()).order_by("live_from")
        return upcoming.values_list("live_from", flat=True)[:1].first()


class LiveText(models.Model):
    """What the public reads of a release in one language: its text as last published (the
    release's own language) or approved (a translation), with its quotes.

    Staff edit the release's own fields, the working copy; only publishing or approving (in
    releases/services.py) writes a live text, so no save of the working copy reaches the public.
    A change published for later is a second text whose `live_from` is still to come; the one it
    replaces stays live until then (`live_until`).
    """

    release = models.ForeignKey(
        "newsroom.Release",
        verbose_name=_("release"),
        on_delete=models.CASCADE,
        related_name="live_texts",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=400)
    slug = models.SlugField(_("slug"), max_length=200, allow_unicode=True)
    lede = models.TextField(_("lede"), blank=True)
    body = models.TextField(_("body"), blank=True)
    dateline = models.CharField(_("dateline"), max_length=120, blank=True)
    source_name = models.CharField(_("republished from"), max_length=300, blank=True)
    hero_image_alt = models.CharField(_("alt text"), max_length=300, blank=True)
    hero_image_caption = models.CharField(_("caption"), max_length=500, blank=True)
    hero_image_credit = models.CharField(_("credit"), max_length=200, blank=True)
    search_text = models.TextField(_("search terms"), blank=True, editable=False)
    # On PostgreSQL a trigger keeps this in step with search_text; unused on SQLite, whose
    # search matches search_text itself.
    search_vector = SearchVectorField(null=True, editable=False)
    # What a search ranks it by: the terms of its title and lede and of the names it links
    # to, so that a headline match ranks first and ranking need not match the whole text
    # again; the whole text still decides what matches. A trigger keeps the vector on
    # PostgreSQL, as search_vector's.
    rank_text = models.TextField(blank=True, db_default="", editable=False)
    rank_vector = SearchVectorField(null=True, editable=False)
    # Its summary as lists show it, rendered when the text is written (releases/summaries.py);
    # defaults in the database, so that a text written without one reads as to be rendered.
    summary_title = models.TextField(blank=True, db_default="", editable=False)
    summary_lede = models.TextField(blank=True, db_default="", editable=False)
    summary_format = models.PositiveSmallIntegerField(db_default=0, editable=False)
    live_from = models.DateTimeField(_("live from"))
    live_until = models.DateTimeField(_("live until"), null=True, blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published or approved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = LiveTextQuerySet.as_manager()

    class Meta:
        verbose_name = _("live text")
        verbose_name_plural = _("live texts")
        ordering = ["release", "language", "live_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["release", "language", "live_from"], name="live_text_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["release", "language"], name="live_text_release_idx"),
            models.Index(fields=["slug"], name="live_text_slug_idx"),
            models.Index(fields=["live_from"], name="live_text_live_from_idx"),
            GinIndex(fields=["search_vector"], name="live_text_search_idx"),
        ]

    def __str__(self):
        return f"{self.title} [{self.language}]"


class LiveQuoteQuerySet(models.QuerySet):
    def for_reader(self, language=None, *, newest):
        """The `newest` of these quotes as a reader of `language` (the active one) reads them:
        only those of public releases, each in the live text of the language its release is
        shown in, with the release (a PublicRelease) as `shown_release`; the newest first.

        A quote is stored once per live text of its release (each holds every quote, in its
        language or its fallback's), and the reader is shown one of them: the newest rows,
        `newest` for each language, hold the `newest` quotes shown.
        """
        language = language or get_language()
        releases = LiveText._meta.get_field("release").related_model.objects
        quotes = (
            self.filter(
                current_condition(through="live_text__"),
                releases.public_condition(through="live_text__release__"),
            )
            .select_related("live_text__release")
            .only(
                "text",
                "language",
                "order",
                "person",
                "event",
                "live_text__language",
                "live_text__release",
                *(f"live_text__release__{column}" for column in PUBLIC_COLUMNS),
            )
            .prefetch_related(
                Prefetch(
                    "live_text__release__live_texts",
                    queryset=LiveText.objects.current().defer(*UNLISTED),
                    to_attr="current_texts",
                )
            )
            .order_by("-live_text__release__published_at", "-live_text__release", "order")
        )
        shown = []
        for quote in quotes[: newest * len(settings.LANGUAGES)]:
            release = quote.live_text.release
            texts = release.live_texts_now()
            if quote.live_text.language == release.language_shown_to(language):
                quote.shown_release = PublicRelease(release, texts[quote.live_text.language], texts)
                shown.append(quote)
        return shown[:newest]


class LiveQuote(models.Model):
    """A quote as its release's live text in one language gives it."""

    live_text = models.ForeignKey(
        LiveText, verbose_name=_("live text"), on_delete=models.CASCADE, related_name="quotes"
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("speaker"),
        on_delete=models.CASCADE,
        related_name="live_quotes",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("said at"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("text"))
    # The quote's own language: the live text's, or the fallback its translation lacked.
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = LiveQuoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("live quote")
        verbose_name_plural = _("live quotes")
        ordering = ["live_text", "order"]
        indexes = [models.Index(fields=["person"], name="live_quote_person_idx")]

    def __str__(self):
        return self.text[:60]
