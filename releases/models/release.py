import operator
from functools import reduce

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from core.arabic_script import index_terms, query_terms
from core.edit_conflicts import version_field
from core.images import PublicImageField
from core.languages import CODES, DEFAULT, fallback_chain
from core.time_windows import open_at

from .live_text import LiveText
from .public_release import PUBLIC_COLUMNS, UNLISTED, for_reader

SEARCHED_FIELDS = ("title", "lede", "body", "dateline", "source_name")
# What the admin's list leaves unread: the bodies and search text only a release's form shows.
LIST_DEFERRED = (
    "body",
    *(f"body_{code}" for code in CODES),
    "search_text",
    "search_vector",
)
# A search keeps the newest matches, this many at most, and ranks those: ranking every release
# that mentions "terrorism" would read the whole archive for each search.
SEARCH_LIMIT = 500
# The best match first; a text whose rank terms are not written yet (no vector) last.
RANK_FIRST = models.F("rank").desc(nulls_last=True)


def search_terms(release):
    terms = []
    for code in CODES:
        for field in SEARCHED_FIELDS:
            text = strip_tags(getattr(release, f"{field}_{code}") or "")
            terms.extend(index_terms(text, arabic=code == "ar"))
    return " ".join(dict.fromkeys(terms))


def raw_tsquery(terms):
    """Every searched word, each as any of its variants, each variant as a word prefix."""
    return SearchQuery(
        " & ".join(
            "(" + " | ".join(f"{variant}:*" for variant in sorted(variants)) + ")"
            for variants in terms
        ),
        search_type="raw",
        config="simple",
    )


def matching_terms(rows, terms, using):
    """`rows` (releases or live texts) that have every searched word: through the stored search
    vector and its GIN index on PostgreSQL; elsewhere, the same word-prefix match over the
    space-separated search terms."""
    if connections[using].vendor == "postgresql":
        return rows.filter(search_vector=raw_tsquery(terms))
    condition = Q()
    for variants in terms:
        condition &= reduce(
            operator.or_,
            (
                Q(search_text__startswith=variant) | Q(search_text__contains=f" {variant}")
                for variant in variants
            ),
        )
    return rows.filter(condition)


class ReleaseQuerySet(models.QuerySet):
    @staticmethod
    def public_condition(through=""):
        """What the public may see, as a condition on the release reached through `through`
        (such as "release__"): published, its publication time come and its end of
        publication not yet. The one definition: every public page, list, count, feed, sitemap
        and search starts from it, and reads only its live text (LiveText); a release gives
        the same window to the pledges it reported (`public_window`)."""
        return Q(**{f"{through}status": Release.Status.PUBLISHED}) & open_at(
            f"{through}published_at", f"{through}expires_at"
        )

    def published(self):
        """What the public may see (`public_condition`)."""
        return self.filter(self.public_condition())

    def scheduled(self):
        """Published with a publication time still to come: public by themselves at that time."""
        return self.filter(status=Release.Status.PUBLISHED, published_at__gt=timezone.now())

    def next_change(self):
        """When the public site next changes by itself: a scheduled release goes live, a
        release's publication ends, or a scheduled change of a live text takes over; or None."""
        now = timezone.now()
        published = self.filter(status=Release.Status.PUBLISHED)
        moments = [
            published.filter(published_at__gt=now)
            .order_by("published_at")
            .values_list("published_at", flat=True)[:1]
            .first(),
            published.filter(expires_at__gt=now)
            .order_by("expires_at")
            .values_list("expires_at", flat=True)[:1]
            .first(),
            LiveText.objects.next_change(),
        ]
        return min(filter(None, moments), default=None)

    def readable_in(self, language):
        """Releases the public may read in `language`: those with a live text in it."""
        return self.filter(
            models.Exists(
                LiveText.objects.current().filter(release=OuterRef("pk"), language=language)
            )
        )

    def with_live_texts(self, *, bodies=True):
        """With each release's live texts, and their quotes, in a fixed number of queries."""
        texts = LiveText.objects.current()
        if not bodies:
            texts = texts.defer(*UNLISTED)
        return self.prefetch_related(
            Prefetch("live_texts", queryset=texts, to_attr="current_texts")
        )

    def listed(self):
        """For lists, feeds and sitemaps: without the bodies and search text, which only a
        release's own page reads, and with what a summary shows, in a fixed number of queries."""
        return self.only(*PUBLIC_COLUMNS).with_live_texts(bodies=False)

    def for_reader(self, language=None):
        """The releases as a reader of `language` (the active one) may read them: each in its
        live text in the language it is shown in (releases.public.PublicRelease)."""
        return for_reader(self, language)

    def tagged(self, relation, values):
        """Releases linked through `relation` (topics, events, people, organisations) to any
        of `values`; a semi-join, so a release linked twice is listed once, without DISTINCT."""
        through = getattr(Release, relation).through
        column = getattr(Release, relation).field.m2m_reverse_field_name()
        links = through.objects.filter(release=models.OuterRef("pk"), **{f"{column}__in": values})
        return self.filter(models.Exists(links))

    def matching(self, query):
        """The pks of the newest SEARCH_LIMIT releases whose working copy, in any language, has
        every word of `query`: what staff search in the admin (the public searches
        `live_matching`)."""
        terms = query_terms(query)
        if not terms:
            return []
        matches = matching_terms(self, terms, self.db)
        # Newest first, as the (status, published_at) index reads them: a common word stops
        # the scan after SEARCH_LIMIT rows.
        newest = matches.order_by("-published_at", "-pk").values_list("pk", flat=True)
        return list(newest[:SEARCH_LIMIT])

    def search(self, query, matches=None):
        """Releases with every word of `query` in any language, best matches first.

        `matches` are the pks `matching(query)` gave for the same releases, when known.
        """
        matches = self.matching(query) if matches is None else matches
        if connections[self.db].vendor != "postgresql":
            return self.filter(pk__in=matches)
        # One array parameter: five hundred separate ones cost more to send than to search.
        found = self.filter(pk__in=RawSQL("SELECT unnest(%s::bigint[])", [matches]))
        rank = SearchRank(models.F("search_vector"), raw_tsquery(query_terms(query)))
        return found.annotate(rank=rank).order_by("-rank", "-published_at")

    def live_matching(self, query):
        """As `matching`, over what the public reads: the live texts, every language's own.
        A word only a working copy or an unapproved translation holds finds nothing."""
        terms = query_terms(query)
        if not terms:
            return []
        texts = LiveText.objects.current().filter(release=OuterRef("pk"))
        found = self.filter(models.Exists(matching_terms(texts, terms, self.db)))
        newest = found.order_by("-published_at", "-pk").values_list("pk", flat=True)
        return list(newest[:SEARCH_LIMIT])

    def live_search(self, query, matches=None):
        """As `search`, ranked by the best of each release's live texts."""
        matches = self.live_matching(query) if matches is None else matches
        if connections[self.db].vendor != "postgresql":
            return self.filter(pk__in=matches)
        found = self.filter(pk__in=RawSQL("SELECT unnest(%s::bigint[])", [matches]))
        tsquery = raw_tsquery(query_terms(query))
        # By the headline's terms (LiveText.rank_text): a text that matches only in its body
        # ranks below every one that names the words in its title or lede, then by date. No
        # text need be matched again here: one whose headline holds the words matches.
        best = (
            LiveText.objects.current()
            .filter(release=OuterRef("pk"))
            .annotate(rank=SearchRank(models.F("rank_vector"), tsquery))
            .order_by(RANK_FIRST)
            .values("rank")[:1]
        )
        return found.annotate(rank=Subquery(best)).order_by(RANK_FIRST, "-published_at")

    def with_slug(self, *slugs):
        """Releases whose working slug in any language is one of `slugs`."""
        condition = Q()
        for code in CODES:
            condition |= Q(**{f"slug_{code}__in": slugs})
        return self.filter(condition)


class Release(models.Model):
    class Kind(models.TextChoices):
        PRESS_RELEASE = "press_release", _("press release")
        NEWS = "news", _("news")
        STATEMENT = "statement", _("statement")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        IN_REVIEW = "in_review", _("in review")
        PUBLISHED = "published", _("published")
        ARCHIVED = "archived", _("archived")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    source_language = models.CharField(
        _("written in"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=DEFAULT,
        help_text=_("The language the release was written in; the others are translations."),
    )

    class Changes(models.TextChoices):
        """Of a published release: its working copy beside the live text."""

        NONE = "", _("none: the live text is the working copy")
        EDITING = "editing", _("being written")
        IN_REVIEW = "in_review", _("in review")

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    changes = models.CharField(
        _("changes to the live text"),
        max_length=20,
        choices=Changes.choices,
        default=Changes.NONE,
        blank=True,
        help_text=_(
            "Saving a published release changes its working copy only: the public reads the "
            "live text until a publisher publishes the changes."
        ),
    )
    title_is_provisional = models.BooleanField(
        _("the title is provisional"),
        default=False,
        help_text=_(
            "The importer made this title from the text, which had none: confirm it (untick) or "
            "replace it before publishing."
        ),
    )
    title = models.CharField(
        _("title"),
        max_length=400,
        blank=True,
        help_text=_("A release needs a title in at least one language."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        blank=True,
        allow_unicode=True,
        help_text=_("Unique per language."),
    )
    lede = models.TextField(_("lede"), blank=True)
    body = models.TextField(_("body"), blank=True)
    dateline = models.CharField(
        _("dateline"), max_length=120, blank=True, help_text=_('The place: "United Nations".')
    )
    published_at = models.DateTimeField(_("publication date"), null=True, blank=True)
    expires_at = models.DateTimeField(
        _("end of publication"),
        null=True,
        blank=True,
        help_text=_("At this time the release leaves every public page by itself."),
    )

    source_name = models.CharField(
        _("republished from"),
        max_length=300,
        blank=True,
        help_text=_("For items republished from another site: that site, as credited."),
    )
    source_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("source organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="republished_releases",
    )
    source_url = models.URLField(_("source link"), blank=True)

    hero_image = PublicImageField(
        _("hero image"),
        upload_to="releases/%Y/%m/",
        blank=True,
        help_text=_("JPEG, PNG or WebP. Location and camera data are removed on upload."),
    )
    hero_image_alt = models.CharField(_("alt text"), max_length=300, blank=True)
    hero_image_caption = models.CharField(_("caption"), max_length=500, blank=True)
    hero_image_credit = models.CharField(_("credit"), max_length=200, blank=True)

    events = models.ManyToManyField(
        "events.Event", verbose_name=_("events"), blank=True, related_name="releases"
    )
    people = models.ManyToManyField(
        "people.Person", verbose_name=_("people"), blank=True, related_name="releases"
    )
    organisations = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="releases",
    )
    topics = models.ManyToManyField(
        "newsroom.Topic", verbose_name=_("topics"), blank=True, related_name="releases"
    )

    search_text = models.TextField(
        _("search terms"),
        blank=True,
        editable=False,
        help_text=_("Every language's text in one spelling, kept for search."),
    )
    # On PostgreSQL a trigger keeps this in step with search_text (migration 0004); unused
    # on SQLite, whose search matches search_text itself.
    search_vector = SearchVectorField(null=True, editable=False)
    import_key = models.CharField(
        _("imported from"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_("The archive file this release was imported from."),
    )
    import_checksum = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    version = version_field()

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("release")
        verbose_name_plural = _("releases")
        permissions = [
            ("publish_release", _("Can publish, schedule, unpublish and archive releases")),
            ("translate_ar", _("Can translate into Arabic")),
            ("translate_en", _("Can translate into English")),
            ("translate_fa", _("Can translate into Persian")),
        ]
        # Undated drafts first, then newest first: the order of the indexes below (and the
        # same on SQLite, whose NULLs would otherwise come last).
        ordering = [models.F("published_at").desc(nulls_first=True), "-pk"]
        indexes = [
            # Lists, counts and the year and kind facets read this index alone, never the wide
            # rows of the table (PostgreSQL; other databases ignore `include`).
            models.Index(
                fields=["status", "-published_at", "-id"],
                include=["kind", "source_language", "updated_at"],
                name="release_public_order_idx",
            ),
            # The admin's list of every release, whatever its status, and its date hierarchy.
            models.Index(fields=["-published_at", "-id"], name="release_order_idx"),
            models.Index(fields=["kind", "-published_at"], name="release_kind_published_idx"),
            # The importer knows a file it has seen by its text's checksum.
            models.Index(fields=["import_checksum"], name="release_import_checksum_idx"),
        ]
        constraints = [
            *(
                models.UniqueConstraint(
                    fields=[f"slug_{code}"],
                    condition=~Q(**{f"slug_{code}": ""}),
                    name=f"release_slug_{code}_unique",
                    violation_error_message=_("Another release already uses this slug."),
                )
                for code in CODES
            ),
            models.UniqueConstraint(
                fields=["import_key"],
                condition=~Q(import_key=""),
                name="release_import_key_unique",
            ),
            models.CheckConstraint(
                # modeltranslation stores a missing translation as NULL, an erased one as "".
                condition=reduce(
                    operator.or_,
                    (
                        Q(**{f"title_{code}__isnull": False, f"title_{code}__gt": ""})
                        for code in CODES
                    ),
                ),
                name="release_has_a_title",
                violation_error_message=_("Give the release a title in at least one language."),
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="release_published_has_date",
                violation_error_message=_("A published release needs a publication date."),
            ),
        ]

    def __str__(self):
        return self.title or gettext("(untitled)")

    def get_absolute_url(self):
        """The public address for a reader of the active language: by the live slug of the
        language it is shown in to them. Before it has a live text, its staff preview."""
        text = self.live_text(self.language_shown_to(get_language()))
        if text is None:
            return reverse("releases:release_preview", kwargs={"pk": self.pk})
        return reverse("releases:release", kwargs={"slug": text.slug})

    def clean(self):
        self.date_publication()

    def validate_unique(self, exclude=None):
        """Also: no other release uses any of this one's slugs, in any language (the database
        holds each language's slugs unique; across languages this check does)."""
        super().validate_unique(exclude=exclude)
        slugs = {
            f"slug_{code}": getattr(self, f"slug_{code}")
            for code in CODES
            if getattr(self, f"slug_{code}") and f"slug_{code}" not in (exclude or ())
        }
        if not slugs:
            return
        others = Release.objects.with_slug(*slugs.values()).exclude(pk=self.pk)
        taken = {slug for row in others.values_list(*(f"slug_{c}" for c in CODES)) for slug in row}
        # An address the public reads another release at stays that release's, even once its
        # working copy has moved on.
        live = LiveText.objects.filter(slug__in=slugs.values()).exclude(release=self.pk)
        taken |= set(live.values_list("slug", flat=True))
        errors = {
            field: gettext("Another release already uses this address.")
            for field, slug in slugs.items()
            if slug in taken
        }
        if errors:
            raise ValidationError(errors)

    def date_publication(self):
        """Publishing without a date publishes now: the one place that says so."""
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            # To the second, as the admin's date and time fields show it.
            self.published_at = timezone.now().replace(microsecond=0)

    @property
    def public_window(self):
        """When the public may see it (`public_condition`): (from, until), both None while it
        is not published; until None while its publication has no end."""
        if self.status != self.Status.PUBLISHED:
            return None, None
        return self.published_at, self.expires_at

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    def refresh_from_db(self, *args, **kwargs):
        # The live texts read before are the database's of then, not of now.
        self.__dict__.pop("current_texts", None)
        super().refresh_from_db(*args, **kwargs)

    def live_texts_now(self):
        """{language: LiveText} of what the public reads now; from `with_live_texts` when the
        queryset prefetched them."""
        texts = getattr(self, "current_texts", None)
        if texts is None:
            texts = self.current_texts = list(LiveText.objects.current().filter(release=self))
        return {text.language: text for text in texts}

    def live_text(self, language):
        """The live text in `language`, or None."""
        return self.live_texts_now().get(language)

    def public_languages(self):
        """The languages the public may read this release in: those of its live texts, its own
        once published and each translation once approved."""
        return set(self.live_texts_now())

    def language_shown_to(self, language):
        """The language a reader of `language` is shown this release in: theirs if the public
        may read it, else the first readable one along its fallback chain; never an unapproved
        translation."""
        readable = self.public_languages()
        for code in (*fallback_chain(language), self.source_language, *sorted(readable)):
            if code in readable:
                return code
        return None
