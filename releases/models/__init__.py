from .language_version import LanguageVersion, TranslationSource
from .live_text import LIVE_FIELDS, LiveQuote, LiveText
from .public_release import PublicRelease
from .quote import Quote
from .release import Release, ReleaseQuerySet
from .topic import Topic

__all__ = [
    "LIVE_FIELDS",
    "LanguageVersion",
    "LiveQuote",
    "LiveText",
    "PublicRelease",
    "Quote",
    "Release",
    "ReleaseQuerySet",
    "Topic",
    "TranslationSource",
]
