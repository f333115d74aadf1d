from .language_version import LanguageVersion, TranslationSource
from .quote import Quote
from .release import Release, ReleaseQuerySet
from .topic import Topic

__all__ = [
    "LanguageVersion",
    "Quote",
    "Release",
    "ReleaseQuerySet",
    "Topic",
    "TranslationSource",
]
