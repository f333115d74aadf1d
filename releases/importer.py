"""Importing scraped archive articles as draft releases.

An archive file is plain text as it was scraped from the web: a title (when the scrape kept it), a
dateline, paragraphs, and scraping noise (ad markers, language switchers, comment-form footers).
`parse_article` turns the text into an `Article`; `import_article_file` stores it as a draft
release in one language, once, atomically.

A file is known by its text: a release whose `import_checksum` (the sha256 of the text) is the
file's has been imported, whatever the file is called now or wherever it lies, so a copy under
another name is not imported twice and a release imported before paths were recorded (whose
`import_key` is the bare file name, as the demo's still are) is recognised. `import_key` records
where the file was, as a path relative to a folder the caller names (the import command: the
current one; by default the file's own, which leaves the bare name): two files of the same name
in two folders are two articles, and a file whose path is known but whose text is not has been
edited since its import and is left alone, never imported again beside the edited release.
"""

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError
from django.utils import translation

from . import services
from .models import Release

# Lines that are scraping noise wherever they appear.
NOISE_LINES = {
    "source link",
    "register your interest",
    "read more",
    "أخبارخاص",
    "عرض المزيد",
}
AD_MARKER = re.compile(r"^\[ad_\d+\]$", re.IGNORECASE)
LANGUAGE_NAMES = {"فارسی", "فارسي", "english", "عربي", "العربية", "français", "русский", "español"}
# A section label at the top of a page says what kind of item it is, and is not content.
SECTION_LABELS = {"أخبار": Release.Kind.NEWS, "اخبار": Release.Kind.NEWS, "news": Release.Kind.NEWS}
# A comment-form footer (Persian WordPress themes): everything from its first line on is noise.
FOOTER_STARTS = (
    "نوشته های مشابه",
    "نوشته‌های مشابه",
    "دیدگاهتان را بنویسید",
    "نشانی ایمیل شما منتشر نخواهد شد",
    "دکمه بازگشت به بالا",
)

MONTHS = {
    # Levantine and Iraqi names
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "اذار": 3, "نيسان": 4, "أيار": 5, "ايار": 5,
    "حزيران": 6, "تموز": 7, "آب": 8, "اب": 8, "أيلول": 9, "ايلول": 9, "تشرين الأول": 10,
    "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الأول": 12, "كانون الاول": 12,
    # Egyptian and Gulf names
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9,
    "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
_month = "|".join(re.escape(name) for name in sorted(MONTHS, key=len, reverse=True))
# "25 شباط/فبراير 2021", "8 ديسمبر 2020", "8 December 2020"
DATE = rf"(?P<day>\d{{1,2}})\s+(?P<month>(?:{_month})(?:\s*/\s*(?:{_month}))?)\s+(?P<year>\d{{4}})"
PLACE = r"(?P<place>[^\d،,\-–—:.]{2,60}?)\s*[،,]\s*"
DATELINE_ONLY = re.compile(rf"^(?:{PLACE})?{DATE}\s*[.:]?$", re.IGNORECASE)
DATELINE_PREFIX = re.compile(rf"^(?:{PLACE})?{DATE}\s*[-–—:]\s*", re.IGNORECASE)
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

SPACE_BEFORE_PUNCTUATION = re.compile(r"[ \t]+([،؛,.:!?؟])")
RUNS_OF_SPACE = re.compile(r"[ \t\u00a0]+")
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})
# Zero-width characters a scrape leaves behind; the zero-width non-joiner is Persian spelling.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200d\u2060\ufeff"))

TITLE_MAX_LENGTH = 200
SUBHEADING_MAX_WORDS = 8
SENTENCE_END = tuple('.!?؟:"')
# Headlines carry no final full stop (Latin ".", or the Arabic-script "۔"); "?" and "!" say
# something and stay, as do an ellipsis and the stop of an abbreviation ("U.N.", "Ltd.").
FULL_STOPS = (".", "۔")
ELLIPSES = ("..", "…")
INITIALS = re.compile(r"(?:[^\W\d_]\.){2,}")
ABBREVIATIONS = {"co", "corp", "etc", "inc", "jr", "ltd", "sr"}


class UnreadableArticle(Exception):
    """The file cannot be imported; the message says why, for the person running the import."""


@dataclass
class Article:
    title: str = ""
    title_found: bool = False
    dateline: str = ""
    published_on: date | None = None
    kind: str = ""
    # ("p" | "h2", text) in reading order
    blocks: list[tuple[str, str]] = field(default_factory=list)
    dropped_lines: int = 0

    @property
    def lede(self):
        return next((text for tag, text in self.blocks if tag == "p"), "")

    @property
    def body_blocks(self):
        """The blocks after the lede, which the release shows separately."""
        lede_index = next(i for i, (tag, _text) in enumerate(self.blocks) if tag == "p")
        return self.blocks[lede_index + 1 :]

    @property
    def paragraph_count(self):
        return sum(1 for tag, _text in self.blocks if tag == "p")


def read_article_text(path):
    """The file's text, or UnreadableArticle saying what is wrong with it."""
    try:
        raw = Path(path).read_bytes()
    except IsADirectoryError as error:
        raise UnreadableArticle("is a directory, not a file") from error
    except OSError as error:
        raise UnreadableArticle(f"cannot be read: {error.strerror or error}") from error
    if not raw.strip():
        raise UnreadableArticle("is empty")
    if b"\x00" in raw:
        raise UnreadableArticle("is a binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableArticle(
            f"is not UTF-8 text (invalid byte at position {error.start}); "
            "save it as UTF-8 and import it again"
        ) from error
    controls = sum(
        1 for char in text if unicodedata.category(char) == "Cc" and char not in "\n\r\t"
    )
    if controls > len(text) / 100:
        raise UnreadableArticle("is a binary file, not text")
    return text


def checksum(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def clean_line(line):
    line = unicodedata.normalize("NFC", line).translate(INVISIBLE).translate(QUOTES)
    line = RUNS_OF_SPACE.sub(" ", line).strip()
    return SPACE_BEFORE_PUNCTUATION.sub(r"\1", line)


def is_language_switcher(line):
    words = line.lower().split()
    return len(words) >= 2 and all(word in LANGUAGE_NAMES for word in words)


def parse_article(text):
    """Split scraped text into title, dateline, date and paragraphs, dropping the noise."""
    article = Article()
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = []
    for index, raw_line in enumerate(raw_lines):
        line = clean_line(raw_line)
        if line.startswith(FOOTER_STARTS):
            article.dropped_lines += sum(1 for rest in raw_lines[index:] if rest.strip())
            break
        if line.lower() in NOISE_LINES or AD_MARKER.match(line) or is_language_switcher(line):
            article.dropped_lines += 1
            line = ""
        elif line.lower() in SECTION_LABELS and not article.kind:
            article.kind = SECTION_LABELS[line.lower()]
            article.dropped_lines += 1
            line = ""
        lines.append(line)

    blocks = _blocks(lines)
    if not blocks:
        raise UnreadableArticle("has no article text left once the scraping noise is removed")

    if _read_dateline(article, blocks[0], whole_block=True):
        blocks.pop(0)
    elif _looks_like_title(blocks[0]) and len(blocks) > 1:
        article.title, article.title_found = headline(blocks.pop(0)), True
        if _read_dateline(article, blocks[0], whole_block=True):
            blocks.pop(0)
    if blocks and not article.published_on:
        match = DATELINE_PREFIX.match(blocks[0].translate(DIGITS))
        if match and _read_dateline(article, blocks[0][: match.end()], whole_block=False):
            blocks[0] = blocks[0][match.end() :]

    if not blocks:
        raise UnreadableArticle("has a title and dateline but no paragraphs")
    article.blocks = [
        ("h2" if _looks_like_subheading(block) and 0 < i < len(blocks) - 1 else "p", block)
        for i, block in enumerate(blocks)
    ]
    if not article.title:
        article.title = _provisional_title(article.lede)
    return article


def _blocks(lines):
    """Paragraphs: blank-line separated blocks, or single lines where the file has no blanks."""
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    if "" not in lines:
        return lines
    blocks, current = [], []
    for line in [*lines, ""]:
        if line:
            current.append(line)
        elif current:
            blocks.append(" ".join(current))
            current = []
    return blocks


def _read_dateline(article, text, *, whole_block):
    pattern = DATELINE_ONLY if whole_block else DATELINE_PREFIX
    match = pattern.match(text.translate(DIGITS))
    if not match:
        return False
    month_names = re.split(r"\s*/\s*", match["month"].lower())
    month = next(MONTHS[name] for name in month_names if name in MONTHS)
    try:
        article.published_on = date(int(match["year"]), month, int(match["day"]))
    except ValueError:
        return False
    article.dateline = (match["place"] or "").strip()
    return True


def headline(title):
    """`title` as a headline: without its final full stop, if it has one."""
    if not title.endswith(FULL_STOPS) or title[:-1].endswith(ELLIPSES):
        return title
    last_word = title.split()[-1]
    if INITIALS.fullmatch(last_word) or last_word[:-1].lower() in ABBREVIATIONS:
        return title
    return title[:-1].rstrip() or title


def _looks_like_title(block):
    return (
        len(block) <= TITLE_MAX_LENGTH
        and "،" not in block
        and "," not in block
        and not block.endswith(":")
    )


def _looks_like_subheading(block):
    return len(block.split()) <= SUBHEADING_MAX_WORDS and not block.endswith(SENTENCE_END)


def _provisional_title(lede, words=12):
    first_sentence = re.split(r"(?<=[.!?؟])\s", lede, maxsplit=1)[0]
    opening = first_sentence.split()
    if len(opening) <= words:
        return headline(first_sentence)
    return " ".join(opening[:words]) + "…"


def blocks_to_html(blocks):
    return "\n".join(f"<{tag}>{html.escape(text, quote=False)}</{tag}>" for tag, text in blocks)


@dataclass
class ImportResult:
    path: Path
    outcome: str  # "imported", "would import", "already imported", "failed"
    message: str
    release: Release | None = None
    article: Article | None = None

    @property
    def failed(self):
        return self.outcome == "failed"


def import_key(path, relative_to=None):
    """Where the file is, as its release records it: its path from `relative_to` (its absolute
    path when it lies elsewhere), or its bare name when no folder is given."""
    if relative_to is None:
        return path.name
    path, folder = path.resolve(), relative_to.resolve()
    return (path.relative_to(folder) if path.is_relative_to(folder) else path).as_posix()


def import_article_file(
    path, *, language, relative_to=None, default_kind=Release.Kind.NEWS, dry_run=False
):
    """Import one archive file as a draft release in `language`; never twice, never half.

    `relative_to` is the folder the recorded path starts from (see the module's docstring).
    """
    path = Path(path)
    try:
        text = read_article_text(path)
        article = parse_article(text)
    except UnreadableArticle as error:
        return ImportResult(path, "failed", f"skipped: the file {error}")

    key, digest = import_key(path, relative_to), checksum(text)
    if existing := Release.objects.filter(import_checksum=digest).first():
        elsewhere = f" (from {existing.import_key})" if existing.import_key != key else ""
        message = f"already imported as release #{existing.pk}{elsewhere}"
        return ImportResult(path, "already imported", message, existing)
    # Releases imported before paths were recorded know their file by its bare name.
    keys = {key, path.name} if "/" in key else {key}
    if existing := Release.objects.filter(import_key__in=keys).first():
        return ImportResult(
            path,
            "already imported",
            f"already imported as release #{existing.pk}; "
            "the file has changed since and was left alone",
            existing,
        )

    summary = _summary(article)
    if dry_run:
        return ImportResult(path, "would import", f"would import: {summary}", article=article)

    kind = article.kind or (Release.Kind.PRESS_RELEASE if article.published_on else default_kind)
    try:
        release = services.create_release(
            kind=kind,
            status=Release.Status.DRAFT,
            source_language=language,
            # Noon UTC keeps the stated date the same calendar day from Dushanbe to New York.
            published_at=datetime.combine(article.published_on, time(12), tzinfo=UTC)
            if article.published_on
            else None,
            import_key=key,
            import_checksum=digest,
            # A title made from the text's first words waits for an editor before publishing.
            title_is_provisional=not article.title_found,
            **{
                f"title_{language}": article.title,
                f"lede_{language}": article.lede,
                f"body_{language}": blocks_to_html(article.body_blocks),
                f"dateline_{language}": article.dateline,
            },
        )
    # What one file's content can make the release refuse; anything else (the database gone,
    # a bug) stops the batch rather than fail every file alike.
    except (ValidationError, IntegrityError, DataError) as error:
        return ImportResult(
            path, "failed", f"skipped: the release could not be stored: {_refusal(error)}"
        )
    return ImportResult(
        path, "imported", f"imported as draft #{release.pk}: {summary}", release, article
    )


def _refusal(error):
    """Why the release was refused, in one line, in the English of the import's report."""
    if isinstance(error, ValidationError):
        with translation.override("en"):
            if hasattr(error, "error_dict"):
                return "; ".join(
                    f"{field}: {' '.join(messages)}"
                    for field, messages in error.message_dict.items()
                )
            return " ".join(error.messages)
    return str(error).splitlines()[0]


def _summary(article):
    parts = [
        f"«{article.title[:60]}»"
        + ("" if article.title_found else " (no title in the file: provisional)")
    ]
    parts.append(f"{article.paragraph_count} paragraphs")
    parts.append(f"dated {article.published_on.isoformat()}" if article.published_on else "no date")
    if article.dateline:
        parts.append(f"dateline {article.dateline}")
    if article.dropped_lines:
        parts.append(f"{article.dropped_lines} noise lines dropped")
    return ", ".join(parts)
