"""A release as the public reads it: its live text in the language a reader is shown, and
nothing of its working copy. Every public page, list, feed, sitemap entry and piece of metadata
is built from these, so an unapproved word cannot reach one by a template's oversight."""

from django.urls import reverse
from django.utils.translation import get_language, override

from .. import summaries

# What a public page reads of a release itself: its facts in no language. Its words
# come from its live texts; the working copy's columns (a dozen per language) are never read.
PUBLIC_COLUMNS = (
    "kind",
    "source_language",
    "status",
    "published_at",
    "expires_at",
    "source_organisation",
    "source_url",
    "hero_image",
)
# What no page shows of a live text: the terms a search finds and ranks it by.
UNSHOWN = ("search_text", "search_vector", "rank_text", "rank_vector")
# What a list of releases leaves unread of their live texts: only a release's own page reads
# its body.
UNLISTED = ("body", *UNSHOWN)


class PublicRelease:
    """`release` in `text`, the live text of the language it is shown in to one reader.

    Only the release's facts that are no one language's text (its kind, dates, image, links)
    are read from the release itself; the rest comes from the live texts.
    """

    def __init__(self, release, text, texts):
        self.release = release
        self.text = text
        self.texts = texts  # {language: LiveText}, every language the public may read it in

    # What the release itself says, in no language.
    @property
    def pk(self):
        return self.release.pk

    @property
    def kind(self):
        return self.release.kind

    def get_kind_display(self):
        return self.release.get_kind_display()

    @property
    def published_at(self):
        return self.release.published_at

    @property
    def hero_image(self):
        return self.release.hero_image

    @property
    def source_organisation(self):
        return self.release.source_organisation

    @property
    def source_url(self):
        return self.release.source_url

    # The live text, in the language shown.
    @property
    def language(self):
        return self.text.language

    @property
    def languages(self):
        return set(self.texts)

    title = property(lambda self: self.text.title)
    lede = property(lambda self: self.text.lede)
    body = property(lambda self: self.text.body)
    dateline = property(lambda self: self.text.dateline)
    source_name = property(lambda self: self.text.source_name)
    hero_image_alt = property(lambda self: self.text.hero_image_alt)
    hero_image_caption = property(lambda self: self.text.hero_image_caption)
    hero_image_credit = property(lambda self: self.text.hero_image_credit)

    @property
    def summary(self):
        """Its headline and lede as a list shows them, as markup (releases/summaries.py)."""
        return summaries.of(self.text)

    @property
    def quotes(self):
        """Its quotes as this language's live text gives them, in reading order."""
        return self.text.quotes.all()

    @property
    def slug(self):
        return self.text.slug

    @property
    def updated_at(self):
        """When what the public reads last changed."""
        return max(text.live_from for text in self.texts.values())

    @property
    def url(self):
        """Its address for this reader: the live slug of the language it is shown in."""
        return reverse("releases:release", kwargs={"slug": self.text.slug})

    def url_for(self, language):
        """Its address for a reader of `language`, under that language's prefix."""
        shown = self.release.language_shown_to(language)
        with override(language):
            return reverse("releases:release", kwargs={"slug": self.texts[shown].slug})

    def __str__(self):
        return self.title


def for_reader(releases, language=None):
    """[PublicRelease] of `releases` (with their live texts prefetched, `with_live_texts`) for a
    reader of `language`, the active one by default; a release with no live text is left out."""
    language = language or get_language()
    shown = []
    for release in releases:
        texts = release.live_texts_now()
        code = release.language_shown_to(language)
        if code is not None:
            shown.append(PublicRelease(release, texts[code], texts))
    return shown
