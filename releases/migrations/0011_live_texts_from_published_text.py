"""Live texts for the releases published before live and working copies were apart.

Until now the release's own fields were what the public read, for its own language once
published and for each translation once approved: those become their live texts. On PostgreSQL
a trigger keeps each live text's search vector in step with its search terms, as migration 0004
does for the working copy.
"""

import re
import unicodedata

from django.db import migrations
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags

LIVE_FIELDS = (
    "title",
    "slug",
    "lede",
    "body",
    "dateline",
    "source_name",
    "hero_image_alt",
    "hero_image_caption",
    "hero_image_credit",
)
SEARCHED_FIELDS = ("title", "lede", "body", "dateline", "source_name")
LANGUAGES = ("ar", "en", "fa")
FALLBACKS = {"ar": ("ar",), "en": ("en", "ar"), "fa": ("fa", "ar", "en")}
TRIGGER = "live_text_search_vector_update"
BATCH = 2000

# The search terms as core/arabic_script.py made them when this migration was written: a
# migration keeps its own copy, so that later changes to the app cannot change what it did.
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
FOLDS = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ێ": "ي",
        "ئ": "ي", "ؤ": "و", "ک": "ك", "ګ": "ك", "ـ": None, "\u200c": None, "\u200d": None,
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
)  # fmt: skip
WORD = re.compile(r"\w+")
ARABIC_PREFIXES = ("وبال", "وال", "بال", "كال", "فال", "لل", "ال")


def terms(text, arabic):
    text = unicodedata.normalize("NFKC", text or "")
    found = []
    for word in WORD.findall(DIACRITICS.sub("", text).translate(FOLDS).casefold()):
        found.append(word)
        if arabic:
            for prefix in ARABIC_PREFIXES:
                if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                    found.append(word[len(prefix) :])
                    break
    return found


def live_texts_of(release, language, now):
    values = {field: getattr(release, f"{field}_{language}") or "" for field in LIVE_FIELDS}
    searched = []
    for field in SEARCHED_FIELDS:
        searched.extend(terms(strip_tags(values[field]), arabic=language == "ar"))
    return {
        **values,
        "release_id": release.pk,
        "language": language,
        "live_from": now,
        "search_text": " ".join(dict.fromkeys(searched)),
    }


def make_live_texts(apps, schema_editor):
    Release = apps.get_model("newsroom", "Release")
    LanguageVersion = apps.get_model("newsroom", "LanguageVersion")
    LiveText = apps.get_model("newsroom", "LiveText")
    LiveQuote = apps.get_model("newsroom", "LiveQuote")
    Quote = apps.get_model("newsroom", "Quote")
    now = timezone.now()
    approved = {}
    for release_id, language in LanguageVersion.objects.filter(status="approved").values_list(
        "release_id", "language"
    ):
        approved.setdefault(release_id, set()).add(language)
    releases = Release.objects.filter(
        Q(status="published")
        | Q(pk__in=LanguageVersion.objects.filter(status="approved").values("release_id"))
    )
    batch = []
    for release in releases.order_by("pk").iterator(chunk_size=BATCH):
        languages = set(approved.get(release.pk, ()))
        if release.status == "published":
            languages.add(release.source_language)
        batch += [(release, code) for code in sorted(languages)]
        if len(batch) >= BATCH:
            store(batch, LiveText, LiveQuote, Quote, now)
            batch = []
    store(batch, LiveText, LiveQuote, Quote, now)


def store(batch, LiveText, LiveQuote, Quote, now):
    if not batch:
        return
    texts = LiveText.objects.bulk_create(
        [LiveText(**live_texts_of(release, code, now)) for release, code in batch]
    )
    quotes = {}
    for quote in Quote.objects.filter(release_id__in={r.pk for r, _code in batch}).order_by(
        "release_id", "order"
    ):
        quotes.setdefault(quote.release_id, []).append(quote)
    live_quotes = []
    for text, (release, code) in zip(texts, batch, strict=True):
        for order, quote in enumerate(quotes.get(release.pk, []), start=1):
            for fallback in FALLBACKS[code]:
                if said := getattr(quote, f"text_{fallback}"):
                    live_quotes.append(
                        LiveQuote(
                            live_text=text,
                            person_id=quote.person_id,
                            event_id=quote.event_id,
                            text=said,
                            language=fallback,
                            order=order,
                        )
                    )
                    break
    LiveQuote.objects.bulk_create(live_quotes)


def search_vector_trigger(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("newsroom", "LiveText")._meta.db_table)
    schema_editor.execute(
        f"CREATE TRIGGER {TRIGGER} BEFORE INSERT OR UPDATE OF search_text ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION "
        "tsvector_update_trigger(search_vector, 'pg_catalog.simple', search_text)"
    )


def drop_search_vector_trigger(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("newsroom", "LiveText")._meta.db_table)
    schema_editor.execute(f"DROP TRIGGER {TRIGGER} ON {table}")


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0010_live_texts"),
    ]

    operations = [
        migrations.RunPython(search_vector_trigger, drop_search_vector_trigger),
        migrations.RunPython(make_live_texts, migrations.RunPython.noop),
    ]
