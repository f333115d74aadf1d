from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import releases, staff  # noqa: F401  (registers the models)

admin.site.site_header = _("Newsroom")
admin.site.site_title = _("Newsroom")
admin.site.index_title = _("Newsroom administration")
