"""The one shape of a window of time in a query: open from its start (come) until its end
(not yet come, or none). A live text's time, a release's publication and a reported pledge's
publication are windows of this shape."""

from django.db.models import Q
from django.utils import timezone


def open_at(start, end, at=None):
    """A condition: the window between the fields `start` and `end` is open at `at` (now)."""
    at = at or timezone.now()
    return Q(**{f"{start}__lte": at}) & (Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gt": at}))
