from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError
from django.urls import reverse
from django.utils import translation

from releases import importer, services
from releases.importer import headline, import_article_file, parse_article, read_article_text
from releases.models import Release

SEEDS = Path(__file__).resolve().parents[2] / "demo" / "seeds"
NOISE = [
    "[ad_1]",
    "[ad_2]",
    "Source link",
    "Register your interest",
    "فارسی",
    "أخبارخاص",
    "عرض المزيد",
    "نوشته های مشابه",
    "دیدگاهتان را بنویسید",
    "دکمه بازگشت به بالا",
    "“",
    "  ",
]

# seed: (title starts with, title was in the file, date, dateline, paragraphs, kind)
EXPECTED = {
    "000_e54f5213487fe7ca.txt": (
        "فعالية دعوية - جمهورية طاجيكستان",
        True,
        date(2021, 2, 25),
        "",
        6,
        "press_release",
    ),
    "001_712150a91ededc25.txt": ("التهديدات عبر الوطنية", True, None, "", 8, "news"),
    "002_244e17bef00f2ebe.txt": (
        "أطلق مركز الأمم المتحدة",
        False,
        date(2020, 12, 8),
        "الأمم المتحدة",
        6,
        "press_release",
    ),
    "003_6ca65b4004021384.txt": ("اختتام المنتدى السنوي الأول", True, None, "", 14, "news"),
    "004_5a1b13534b1d6e5d.txt": ("وشهدت فعالية الإطلاق", False, None, "", 14, "news"),
}


def all_text(release):
    return "\n".join([release.title_ar, release.lede_ar, release.body_ar])


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_each_seed_parses_into_title_date_and_paragraphs(seed):
    title, title_found, published_on, dateline, paragraphs, _kind = EXPECTED[seed]

    article = parse_article(read_article_text(SEEDS / seed))

    assert article.title.startswith(title)
    assert article.title_found is title_found
    assert article.published_on == published_on
    assert article.dateline == dateline
    assert article.paragraph_count == paragraphs


@pytest.mark.django_db
@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_each_seed_imports_as_a_draft_without_its_noise(seed):
    *_, paragraphs, kind = EXPECTED[seed]

    result = import_article_file(SEEDS / seed, language="ar")

    release = result.release
    assert result.outcome == "imported"
    assert release.status == Release.Status.DRAFT
    assert release.kind == kind
    assert release.slug_ar
    text = all_text(release)
    for noise in NOISE:
        assert noise not in text, noise
    # The lede is the first paragraph; the body keeps every other one.
    assert release.body_ar.count("<p>") == paragraphs - 1


@pytest.mark.django_db
def test_dateline_date_prefix_is_cut_from_the_first_paragraph():
    release = import_article_file(SEEDS / "000_e54f5213487fe7ca.txt", language="ar").release
    assert release.lede_ar.startswith("اختتم مركز الأمم المتحدة")
    assert release.published_at.date() == date(2021, 2, 25)


@pytest.mark.django_db
def test_soft_wrapped_lines_join_into_one_paragraph():
    release = import_article_file(SEEDS / "000_e54f5213487fe7ca.txt", language="ar").release
    assert (
        "<p>لمزيد من المعلومات، يرجى زيارة الموقع الشبكي التالي: www.un.org/uncct "
        "أو الاتصال بالعنوان التالي: oct-info@un.org.</p>" in release.body_ar
    )


@pytest.mark.django_db
def test_short_lines_inside_a_single_spaced_article_become_subheadings():
    release = import_article_file(SEEDS / "004_5a1b13534b1d6e5d.txt", language="ar").release
    assert "<h2>التآزر بين القطاعين العام والخاص</h2>" in release.body_ar
    assert "<h2>تمويل قطري</h2>" in release.body_ar


@pytest.mark.django_db
def test_space_before_arabic_comma_is_removed():
    release = import_article_file(SEEDS / "001_712150a91ededc25.txt", language="ar").release
    assert "دوشانبي، طاجيكستان" in release.lede_ar
    assert " ،" not in all_text(release)


@pytest.mark.django_db
def test_persian_zero_width_non_joiner_survives_cleaning(tmp_path):
    path = tmp_path / "fa.txt"
    path.write_text(
        "عنوان خبر\n\nما می\u200cخواهیم همکاری را گسترش دهیم، و این مهم است.\n", "utf-8"
    )
    release = import_article_file(path, language="fa").release
    assert release.title_fa == "عنوان خبر"
    assert "می\u200cخواهیم" in release.lede_fa


@pytest.mark.django_db
def test_importing_twice_creates_no_duplicates():
    call_command("import_articles", str(SEEDS), verbosity=0)
    call_command("import_articles", str(SEEDS), verbosity=0)
    assert Release.objects.count() == 5


@pytest.mark.django_db
def test_a_changed_file_is_reported_and_the_edited_release_left_alone(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("العنوان\n\nالفقرة الأولى، وهي طويلة بما يكفي.\n", "utf-8")
    release = import_article_file(path, language="ar").release
    release.title_ar = "عنوان حرره المحرر"
    release.save()
    path.write_text("العنوان\n\nفقرة مختلفة، وهي طويلة بما يكفي.\n", "utf-8")

    result = import_article_file(path, language="ar")

    assert result.outcome == "already imported"
    assert "changed" in result.message
    release.refresh_from_db()
    assert release.title_ar == "عنوان حرره المحرر"


@pytest.mark.django_db
def test_dry_run_reports_and_changes_nothing(capsys):
    call_command("import_articles", str(SEEDS), dry_run=True)
    out = capsys.readouterr().out
    assert "[5/5]" in out
    assert out.count(": would import") == 5
    assert Release.objects.count() == 0


@pytest.mark.django_db
def test_bad_files_are_reported_by_name_and_the_rest_still_imports(tmp_path, capsys):
    (tmp_path / "a_empty.txt").write_bytes(b"  \n\n")
    (tmp_path / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "c_windows.txt").write_bytes("عنوان\n\nنص عربي بترميز ويندوز.".encode("cp1256"))
    (tmp_path / "d_noise_only.txt").write_text("[ad_1]\nSource link\n", "utf-8")
    (tmp_path / "e_good.txt").write_text("عنوان جيد\n\nفقرة أولى، كاملة.\n", "utf-8")
    (tmp_path / "f_folder.txt").mkdir()

    with pytest.raises(CommandError, match="5 of 6 files could not be imported"):
        call_command("import_articles", str(tmp_path))

    err = capsys.readouterr().err
    assert "a_empty.txt: skipped: the file is empty" in err
    assert "b_binary.txt: skipped: the file is a binary file" in err
    assert "c_windows.txt: skipped: the file is not UTF-8 text" in err
    assert "d_noise_only.txt: skipped: the file has no article text left" in err
    assert "f_folder.txt: skipped: the file is a directory" in err
    assert Release.objects.get().title_ar == "عنوان جيد"


@pytest.mark.django_db
def test_missing_file_is_reported_not_raised(tmp_path):
    result = import_article_file(tmp_path / "gone.txt", language="ar")
    assert result.failed
    assert "cannot be read" in result.message


@pytest.mark.django_db
def test_a_file_that_fails_half_way_leaves_nothing_behind(monkeypatch):
    def fail_after_insert(*args, **kwargs):
        raise RuntimeError("disk full")

    # The release row is written, then the import fails before the transaction ends.
    original_save = Release.save

    def save_then_fail(self, *args, **kwargs):
        original_save(self, *args, **kwargs)
        fail_after_insert()

    monkeypatch.setattr(Release, "save", save_then_fail)
    with pytest.raises(RuntimeError):
        import_article_file(SEEDS / "003_6ca65b4004021384.txt", language="ar")
    monkeypatch.undo()

    assert not Release.objects.exists()
    assert import_article_file(SEEDS / "003_6ca65b4004021384.txt", language="ar").outcome == (
        "imported"
    )


@pytest.mark.django_db
def test_imports_in_another_language_fill_that_language_only(tmp_path):
    path = tmp_path / "en.txt"
    path.write_text(
        "UNOCT launches network\n\nUnited Nations, 8 December 2020\n\nThe Office, today, launched.",
        "utf-8",
    )
    release = import_article_file(path, language="en").release
    assert release.title_en == "UNOCT launches network"
    assert release.dateline_en == "United Nations"
    assert release.published_at.date() == date(2020, 12, 8)
    assert not release.title_ar


def test_arabic_indic_digits_and_levantine_months_are_read_as_dates():
    article = parse_article("دمشق، ٣ تشرين الثاني/نوفمبر ٢٠٢١\n\nنص الخبر، وهو طويل.")
    assert article.published_on == date(2021, 11, 3)
    assert article.dateline == "دمشق"


def test_an_impossible_date_is_not_taken_for_a_dateline():
    article = parse_article("31 فبراير 2021 - نص الخبر، وهو طويل.")
    assert article.published_on is None
    assert article.lede.startswith("31 فبراير 2021")


def test_module_lists_every_noise_marker_from_the_domain_notes():
    for marker in ("source link", "register your interest", "أخبارخاص"):
        assert marker in importer.NOISE_LINES


@pytest.mark.django_db
def test_long_titles_make_short_slugs_cut_between_words():
    release = import_article_file(SEEDS / "000_e54f5213487fe7ca.txt", language="ar").release
    assert len(release.slug_ar) <= 80
    assert (
        release.title_ar.replace(" - ", " ")
        .replace(":", "")
        .startswith(release.slug_ar.replace("-", " "))
    )


DOHA_HEADLINE = "اختتام المنتدى السنوي الأول لمستفيدي المساعدة الفنية في مكافحة الإرهاب في الدوحة"


@pytest.mark.django_db
def test_an_imported_headline_has_no_final_stop_on_its_page_or_in_the_feed(client):
    # The seed's title line ends "...في الدوحة.", as it was scraped.
    release = import_article_file(SEEDS / "003_6ca65b4004021384.txt", language="ar").release
    release.status = Release.Status.PUBLISHED
    services.save_release(release=release)

    with translation.override("ar"):
        page = client.get(release.get_absolute_url()).content.decode()
        feed = client.get(reverse("feeds:feed_rss")).content.decode()

    assert f"<h1>{DOHA_HEADLINE}</h1>" in page
    assert f"<title>{DOHA_HEADLINE}</title>" in feed
    assert f"{DOHA_HEADLINE}." not in page + feed


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("اختتام المنتدى في الدوحة.", "اختتام المنتدى في الدوحة"),
        ("Forum concludes in Doha.", "Forum concludes in Doha"),
        ("نشست در دوحه به پایان رسید۔", "نشست در دوحه به پایان رسید"),
        ('Guterres: "act now".', 'Guterres: "act now"'),
        # A question or an exclamation says something; an ellipsis and an abbreviation's
        # stop are part of their words.
        ("هل ينتهي الإرهاب؟", "هل ينتهي الإرهاب؟"),
        ("Is terrorism ending?", "Is terrorism ending?"),
        ("Never again!", "Never again!"),
        ("The talks go on...", "The talks go on..."),
        ("The talks go on…", "The talks go on…"),
        ("Qatar renews its support to the U.N.", "Qatar renews its support to the U.N."),
        ("Partnership with Acme Ltd.", "Partnership with Acme Ltd."),
    ],
)
def test_a_headline_drops_its_final_full_stop_only(title, shown):
    assert headline(title) == shown
    assert parse_article(f"{title}\n\nالفقرة الأولى، وهي طويلة بما يكفي.").title == shown


def test_a_title_made_from_the_text_has_no_final_stop_but_keeps_an_ellipsis():
    assert parse_article("نص قصير للخبر.").title == "نص قصير للخبر"
    assert parse_article("نص قصير للخبر...").title == "نص قصير للخبر..."


def article(title):
    return f"{title}\n\nالفقرة الأولى من {title}، وهي طويلة بما يكفي.\n"


@pytest.mark.django_db
def test_a_file_name_too_long_to_record_is_reported_and_the_rest_of_the_batch_imports(
    tmp_path, capsys
):
    long_name = "b_" + "x" * 201 + ".txt"
    assert len(long_name) == 207
    (tmp_path / "a_good.txt").write_text(article("الأول"), "utf-8")
    (tmp_path / long_name).write_text(article("الطويل"), "utf-8")
    (tmp_path / "c_good.txt").write_text(article("الثالث"), "utf-8")

    with pytest.raises(CommandError, match="1 of 3 files could not be imported"):
        call_command("import_articles", str(tmp_path))

    err = capsys.readouterr().err
    assert f"{long_name}: skipped: the release could not be stored" in err
    assert "at most 200 characters" in err
    assert set(Release.objects.values_list("title_ar", flat=True)) == {"الأول", "الثالث"}


@pytest.mark.django_db
def test_a_release_the_database_refuses_is_reported_and_the_batch_goes_on(
    tmp_path, capsys, monkeypatch
):
    original = importer.services.create_release

    def refuse_the_second(**fields):
        if fields["title_ar"] == "الثاني":
            raise IntegrityError('duplicate key value violates unique constraint "x"\nDETAIL: …')
        return original(**fields)

    monkeypatch.setattr(importer.services, "create_release", refuse_the_second)
    for number, title in enumerate(["الأول", "الثاني", "الثالث"]):
        (tmp_path / f"{number}.txt").write_text(article(title), "utf-8")

    with pytest.raises(CommandError, match="1 of 3 files could not be imported"):
        call_command("import_articles", str(tmp_path), verbosity=0)

    err = capsys.readouterr().err
    assert "1.txt: skipped: the release could not be stored: duplicate key value" in err
    assert "DETAIL" not in err
    assert set(Release.objects.values_list("title_ar", flat=True)) == {"الأول", "الثالث"}


@pytest.mark.django_db
def test_files_of_the_same_name_in_two_folders_are_two_releases(tmp_path, capsys):
    for year in ("2020", "2021"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "article.txt").write_text(article(f"خبر {year}"), "utf-8")

    call_command("import_articles", str(tmp_path / "2020"), str(tmp_path / "2021"))

    assert set(Release.objects.values_list("title_ar", flat=True)) == {"خبر 2020", "خبر 2021"}
    out = capsys.readouterr().out
    assert "2020/article.txt: imported" in out and "2021/article.txt: imported" in out


@pytest.mark.django_db
def test_the_same_text_under_two_names_imports_once(tmp_path, capsys):
    (tmp_path / "original.txt").write_text(article("خبر"), "utf-8")
    (tmp_path / "copy.txt").write_text(article("خبر"), "utf-8")

    call_command("import_articles", str(tmp_path))

    release = Release.objects.get()
    assert release.import_key.endswith("original.txt") or release.import_key.endswith("copy.txt")
    assert f"already imported as release #{release.pk}" in capsys.readouterr().out


@pytest.mark.django_db
def test_a_file_imported_by_its_bare_name_before_is_still_known_by_its_text(tmp_path):
    # Databases imported before paths were recorded hold the bare file name.
    (tmp_path / "article.txt").write_text(article("خبر"), "utf-8")
    before = import_article_file(tmp_path / "article.txt", language="ar").release
    assert before.import_key == "article.txt"

    call_command("import_articles", str(tmp_path), verbosity=0)

    assert list(Release.objects.all()) == [before]


@pytest.mark.django_db
def test_an_edited_file_imported_by_its_bare_name_before_is_left_alone_not_doubled(
    tmp_path, capsys
):
    (tmp_path / "article.txt").write_text(article("خبر"), "utf-8")
    before = import_article_file(tmp_path / "article.txt", language="ar").release
    (tmp_path / "article.txt").write_text(article("خبر معدّل"), "utf-8")

    call_command("import_articles", str(tmp_path))

    assert list(Release.objects.all()) == [before]
    assert "the file has changed since and was left alone" in capsys.readouterr().out
