from collections import defaultdict
from urllib.parse import quote

from core.languages import CODES
from core.sitemaps import SAFE_IN_PATH, SLUG, TranslatedSitemap

from . import news_index
from .models import LiveText, Release


class ReleaseSitemap(TranslatedSitemap):
    """Each public release once per language the public may read it in, at its live slug
    there: never an unapproved translation, which the public page would not show."""

    def items(self):
        # The news index's places: the public releases' keys in the list's order.
        return news_index.current().order

    def entries(self, pks):
        pks = list(pks)
        texts = (
            LiveText.objects.current()
            .filter(Release.objects.public_condition(through="release__"), release_id__in=pks)
            .values_list("release_id", "language", "slug", "live_from")
        )
        slugs, lastmods = defaultdict(dict), {}
        for release, language, slug, live_from in texts:
            slugs[release][language] = quote(slug, safe=SAFE_IN_PATH)
            lastmods[release] = max(live_from, lastmods.get(release, live_from))
        patterns = self.patterns("releases:release")
        for pk in pks:
            if found := slugs.get(pk):
                addresses = {
                    code: patterns[code].replace(SLUG, found[code])
                    for code in CODES
                    if code in found
                }
                # When what the public reads of it last changed.
                yield addresses, lastmods[pk]

    def get_latest_lastmod(self):
        # Newest first down the live_from index, to the first public one: not an aggregate,
        # which reads every live text.
        public = Release.objects.public_condition(through="release__")
        texts = LiveText.objects.current().filter(public).order_by("-live_from")
        return texts.values_list("live_from", flat=True).first()
