from core.languages import CODES
from core.sitemaps import TranslatedSitemap

from .models import Organisation

# What public_languages() reads.
TEXT = [f"name_{code}" for code in CODES]


class OrganisationSitemap(TranslatedSitemap):
    url_name = "organisations:detail"

    def items(self):
        return Organisation.objects.order_by("pk").only("pk", "slug", "approved", *TEXT)
