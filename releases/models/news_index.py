from django.db import models


class NewsIndex(models.Model):
    """The news list's index (releases/news_index.py), as last built: one row."""

    built_at = models.DateTimeField()
    # When the public list next changes by itself (a scheduled release goes live, one's
    # publication ends): the index is rebuilt then.
    good_until = models.DateTimeField(null=True)
    content = models.BinaryField()

    class Meta:
        verbose_name = "news index"

    def __str__(self):
        return f"news index built at {self.built_at:%Y-%m-%d %H:%M:%S}"


class NewsIndexChange(models.Model):
    """A change to what the news list shows, not yet in the index: written in the same
    transaction as the change, so the index can never miss a committed one."""

    noted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "news index change"

    def __str__(self):
        return f"change noted at {self.noted_at:%Y-%m-%d %H:%M:%S}"
