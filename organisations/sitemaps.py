from core.sitemaps import TranslatedSitemap

from .models import Organisation


class OrganisationSitemap(TranslatedSitemap):
    def items(self):
        return Organisation.objects.order_by("pk")
