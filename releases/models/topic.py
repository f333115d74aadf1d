from django.db import models
from django.utils.translation import gettext_lazy as _

from core.approved_text import approved_field
from core.edit_conflicts import version_field


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=True)
    description = models.TextField(_("description"), blank=True)
    version = version_field()
    approved = approved_field()

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name
