from core.languages import CODES
from core.sitemaps import TranslatedSitemap

from .models import Person

# What public_languages() reads.
TEXT = [f"name_{code}" for code in CODES]


class PersonSitemap(TranslatedSitemap):
    url_name = "people:detail"

    def items(self):
        return Person.objects.order_by("pk").only("pk", "slug", "approved", *TEXT)
