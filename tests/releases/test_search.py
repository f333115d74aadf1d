import pytest
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import approved_text
from core.arabic_script import american, arabic_stem, normalise, words
from releases import services
from releases.models import Release
from tests.factories import PersonFactory, ReleaseFactory, TopicFactory, approve

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


def found_on_the_news_list(client, language, query):
    return [item.pk for item in client.get(f"/{language}/news/", {"q": query}).context["releases"]]


@pytest.mark.parametrize(
    ("written", "searched"),
    [
        ("Centres of Excellence", "centers of excellence"),
        ("centers of excellence", "centres of excellence"),
        ("the organisation's programmes", "organization programs"),
        ("organised a regional workshop", "organized"),
        ("labour and defence", "labor defense"),
    ],
)
def test_english_finds_british_and_american_spellings_alike(client, written, searched):
    release = ReleaseFactory(title_en=f"Regional {written}", lede_en="A lede.")
    approve(release, "en")
    ReleaseFactory(title_en="Something else entirely")

    assert found_on_the_news_list(client, "en", searched) == [release.pk]


def test_short_words_like_rise_and_four_are_not_folded():
    assert american("rise") == "rise" and american("four") == "four"
    assert american("organisations") == "organizations"


@pytest.fixture
def voronkov():
    return PersonFactory(
        slug="voronkov",
        name_ar="فلاديمير فورونكوف",
        name_en="Vladimir Voronkov",
        name_fa="ولادیمیر ورونکوف",
    )


def test_a_release_is_found_by_the_names_of_whom_it_links_in_every_script(client, voronkov):
    # Shown to a Persian reader in Arabic, which spells the name its own way.
    release = ReleaseFactory(title_ar="كلمة في المؤتمر", links={"people": [voronkov]})
    ReleaseFactory(title_ar="خبر آخر")

    assert found_on_the_news_list(client, "fa", "ورونکوف") == [release.pk]
    assert found_on_the_news_list(client, "en", "Voronkov") == [release.pk]


def test_linking_after_publishing_and_renaming_renew_what_a_release_is_found_by(
    client, voronkov, django_capture_on_commit_callbacks
):
    release = ReleaseFactory(title_ar="كلمة في المؤتمر")
    assert found_on_the_news_list(client, "en", "Voronkov") == []

    with django_capture_on_commit_callbacks(execute=True):
        services.set_links(release=release, links={"people": [voronkov]})
    assert found_on_the_news_list(client, "en", "Voronkov") == [release.pk]

    with django_capture_on_commit_callbacks(execute=True):
        voronkov.name_en = "Wladimir Woronkow"
        approved_text.approve(voronkov)
        voronkov.save()
    assert found_on_the_news_list(client, "en", "Woronkow") == [release.pk]
    assert found_on_the_news_list(client, "en", "Voronkov") == []

    with django_capture_on_commit_callbacks(execute=True):
        services.set_links(release=release, links={"people": []})
    assert found_on_the_news_list(client, "en", "Woronkow") == []


def test_a_spelling_awaiting_approval_finds_nothing(
    client, voronkov, django_capture_on_commit_callbacks
):
    approved_text.approve(voronkov)
    voronkov.save()
    release = ReleaseFactory(title_ar="كلمة", links={"people": [voronkov]})

    with django_capture_on_commit_callbacks(execute=True):
        voronkov.name_en = "Unapprovedspelling"  # a translator's change, not approved
        voronkov.save()

    assert found_on_the_news_list(client, "en", "Unapprovedspelling") == []
    assert found_on_the_news_list(client, "en", "Voronkov") == [release.pk]


def test_deleting_whom_a_release_links_to_renews_what_it_is_found_by(
    client, voronkov, django_capture_on_commit_callbacks
):
    release = ReleaseFactory(title_ar="كلمة", links={"people": [voronkov]})
    assert found_on_the_news_list(client, "en", "Voronkov") == [release.pk]

    with django_capture_on_commit_callbacks(execute=True):
        voronkov.delete()

    assert found_on_the_news_list(client, "en", "Voronkov") == []


@pytest.mark.postgres
def test_a_match_in_the_headline_or_names_ranks_above_newer_matches_in_the_body(client, voronkov):
    now = timezone.now()
    titled = ReleaseFactory(
        title_ar="فورونكوف يزور طاجيكستان", published_at=now - timezone.timedelta(days=3)
    )
    linked = ReleaseFactory(
        title_ar="زيارة",
        links={"people": [voronkov]},
        published_at=now - timezone.timedelta(days=2),
    )
    newest_in_body = ReleaseFactory(
        title_ar="اجتماع", body_ar="<p>وتحدث فورونكوف عن التعاون.</p>", published_at=now
    )
    older_in_body = ReleaseFactory(
        title_ar="مؤتمر",
        body_ar="<p>وقال فورونكوف إن المؤتمر مهم.</p>",
        published_at=now - timezone.timedelta(days=1),
    )

    found = found_on_the_news_list(client, "ar", "فورونكوف")

    assert found[2:] == [newest_in_body.pk, older_in_body.pk]
    assert set(found[:2]) == {titled.pk, linked.pk}


@pytest.mark.postgres
def test_a_renamed_link_renews_what_its_releases_rank_by(
    client, voronkov, django_capture_on_commit_callbacks
):
    linked = ReleaseFactory(title_ar="زيارة", links={"people": [voronkov]})
    ReleaseFactory(title_ar="اجتماع", body_ar="<p>Woronkow</p>")

    with django_capture_on_commit_callbacks(execute=True):
        voronkov.name_en = "Wladimir Woronkow"
        approved_text.approve(voronkov)
        voronkov.save()

    assert found_on_the_news_list(client, "en", "Woronkow")[0] == linked.pk
