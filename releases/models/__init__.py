from .language_version import LanguageVersion, TranslationSource
from .live_text import LIVE_FIELDS, LiveQuote, LiveText
from .news_index import NewsIndex, NewsIndexChange
from .public_release import PublicRelease
from .quote import Quote
from .release import Release, ReleaseQuerySet
from .topic import Topic

__all__ = [
    "LIVE_FIELDS",
    "LanguageVersion",
    "LiveQuote",
    "LiveText",
    "NewsIndex",
    "NewsIndexChange",
    "PublicRelease",
    "Quote",
    "Release",
    "ReleaseQuerySet",
    "Topic",
    "TranslationSource",
]
