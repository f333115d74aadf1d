from core.sitemaps import TranslatedSitemap

from .models import Person


class PersonSitemap(TranslatedSitemap):
    url_name = "people:detail"

    def items(self):
        return Person.objects.order_by("pk").only("pk", "slug")
