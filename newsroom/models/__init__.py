from .quote import Quote
from .release import Release, ReleaseQuerySet
from .topic import Topic

__all__ = ["Quote", "Release", "ReleaseQuerySet", "Topic"]
