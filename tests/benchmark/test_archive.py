import pytest
from django.core.management import CommandError, call_command

from benchmark import archive
from benchmark.pages import percentile
from releases.models import LanguageVersion, Release
from tests.factories import ReleaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def built():
    archive.ArchiveBuilder(
        releases=300, events=20, people=60, organisations=40, pledges=50, report=lambda line: None
    ).build()


def test_the_synthetic_archive_has_the_sizes_asked_for(built):
    sizes = archive.sizes()
    assert {key: sizes[key] for key in ("releases", "events", "people", "pledges")} == {
        "releases": 300,
        "events": 20,
        "people": 60,
        "pledges": 50,
    }
    assert sizes["organisations"] == 40
    # Mostly published, some drafts and reviews, as a working newsroom's archive.
    assert 0.85 < sizes["published releases"] / 300 < 1


def test_synthetic_releases_are_written_in_the_seed_articles_languages_and_found_by_search(
    built,
):
    arabic = Release.objects.filter(source_language="ar").first()
    assert "الإرهاب" in " ".join(
        release.body_ar for release in Release.objects.filter(source_language="ar")
    )
    assert arabic.body_ar.startswith("<p>")
    assert Release.objects.exclude(title_fa="").exclude(title_fa=None).exists()
    assert LanguageVersion.objects.filter(status="approved").exists()
    assert Release.objects.published().search("الإرهاب").exists()
    assert Release.objects.published().search("تروریسم").exists()


def test_a_release_the_benchmark_did_not_write_is_real_content():
    ReleaseFactory(import_key="archive/2024/real.txt")
    assert archive.holds_real_content()


@pytest.mark.postgres
def test_the_benchmark_refuses_a_database_with_real_releases():
    ReleaseFactory(import_key="archive/2024/real.txt")
    with pytest.raises(CommandError, match="holds releases the benchmark did not write"):
        call_command("benchmark", "--load-seconds", "0", "--runs", "1")


def test_the_95th_percentile_is_read_off_the_sorted_timings():
    assert percentile(list(range(1, 101)), 0.95) == 95
    assert percentile([3.0], 0.95) == 3.0
