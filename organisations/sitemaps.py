from core.sitemaps import TranslatedSitemap

from .models import Organisation


class OrganisationSitemap(TranslatedSitemap):
    url_name = "organisations:detail"

    def items(self):
        return Organisation.objects.order_by("pk").only("pk", "slug")
