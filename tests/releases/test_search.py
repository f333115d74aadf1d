import pytest
from django.test.utils import CaptureQueriesContext

from core.arabic_script import arabic_stem, normalise, words
from releases.models import Release
from tests.factories import ReleaseFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("written", "searched"),
    [
        ("الإرهاب", "ارهاب"),
        ("للإرهاب", "ارهاب"),
        ("والإرهاب", "الارهاب"),
        ("مكافحة", "مكافحه"),
        ("مستوى", "مستوي"),
        ("فورونكوف", "فورونکوف"),  # Arabic kaf written, Persian kaf searched
        ("ایران", "ايران"),  # Persian ye written, Arabic ya searched
        ("الإرهـــاب", "الارهاب"),  # tatweel
        ("الإِرْهَاب", "الارهاب"),  # diacritics
        ("٢٠٢٤", "2024"),
        ("۲۰۲۴", "2024"),
        ("فلسطين", "فلسطين"),  # a leading ف is part of the word
    ],
)
def test_spelling_variants_find_each_other(written, searched):
    release = ReleaseFactory(title_ar=f"خبر عن {written} اليوم")
    ReleaseFactory(title_ar="خبر آخر لا علاقة له")
    assert list(Release.objects.search(searched)) == [release]


def test_persian_words_keep_their_zero_width_non_joiner_meaning():
    assert words("می\u200cخواهم") == ["میخواهم".translate(str.maketrans("ی", "ي"))]
    release = ReleaseFactory(
        source_language="fa", title_ar="", slug_ar="", title_fa="ما می\u200cخواهیم همکاری کنیم"
    )
    assert list(Release.objects.search("میخواهیم")) == [release]
    assert list(Release.objects.search("می\u200cخواهیم")) == [release]


def test_persian_text_is_not_run_through_the_arabic_stemmer():
    release = ReleaseFactory(source_language="fa", title_ar="", slug_ar="", title_fa="برای صلح")
    assert "راي" not in release.search_text.split()
    assert not Release.objects.search("رای").exists()
    assert list(Release.objects.search("برای")) == [release]


def test_a_word_beginning_is_enough():
    release = ReleaseFactory(title_en="Counter-terrorism programmes")
    assert list(Release.objects.search("programme")) == [release]


def test_arabic_article_and_clitics_are_stripped_only_where_a_word_remains():
    assert arabic_stem("والإرهاب".translate(str.maketrans("إ", "ا"))) == "ارهاب"
    assert arabic_stem("الف") == "الف"
    assert normalise("Voronkov") == "voronkov"


def test_every_word_must_match_and_english_is_found_too():
    both = ReleaseFactory(title_en="Border security in Central Asia")
    ReleaseFactory(title_en="Border management")
    assert list(Release.objects.search("border asia")) == [both]


def test_an_empty_or_punctuation_only_query_finds_nothing():
    ReleaseFactory()
    assert not Release.objects.search("").exists()
    assert not Release.objects.search("!!! ؟؟ ...").exists()


@pytest.mark.postgres
def test_search_uses_the_full_text_index_on_postgresql():
    from django.db import connection

    ReleaseFactory.create_batch(3)
    with CaptureQueriesContext(connection) as queries:
        Release.objects.matching("ارهاب")
    with connection.cursor() as cursor:
        # As on a large archive, where neither a scan of the table nor of its date order pays.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {queries[0]['sql']}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "release_search_vector_idx" in plan


@pytest.mark.django_db
def test_a_search_alone_counts_its_facets_off_the_news_index(
    client, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        water, victims = TopicFactory(slug="water"), TopicFactory(slug="victims")
        for _ in range(3):
            ReleaseFactory(title_ar="خبر عن المياه", links={"topics": [water]})
        ReleaseFactory(title_ar="المياه والضحايا", links={"topics": [victims]}, kind="statement")
        ReleaseFactory(title_ar="خبر آخر", links={"topics": [water]})

    def counts(path):
        facets = {facet.name: facet for facet in client.get(path).context["facets"]}
        return {
            name: {option.value: option.count for option in facets[name].options}
            for name in ("topic", "kind")
        }

    # One search, then the page's releases and their live texts: no count per facet.
    with django_assert_max_num_queries(5):
        searched = counts("/ar/news/?q=المياه")
    assert searched == {"topic": {"water": 3, "victims": 1}, "kind": {"news": 3, "statement": 1}}
    # The same counts as SQL gives them with a filter the index does not hold.
    assert counts("/ar/news/?q=المياه&date_from=2000-01-01") == searched
