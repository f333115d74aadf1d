from core.sitemaps import TranslatedSitemap

from .models import Person


class PersonSitemap(TranslatedSitemap):
    def items(self):
        return Person.objects.order_by("pk")
