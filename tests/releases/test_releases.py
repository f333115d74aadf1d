import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from releases.models import Release
from staff import roles
from tests.admin_forms import change_form_data
from tests.factories import ReleaseFactory

pytestmark = pytest.mark.django_db


def saved_directly(**fields):
    """A release row written without the release services, as the database alone sees it."""
    release = ReleaseFactory.build(**fields)
    release.save()
    return release


def test_only_published_releases_whose_time_has_come_are_public():
    live = ReleaseFactory()
    hidden = [
        ReleaseFactory(status=Release.Status.DRAFT),
        ReleaseFactory(status=Release.Status.IN_REVIEW),
        ReleaseFactory(status=Release.Status.ARCHIVED),
        ReleaseFactory(published_at=timezone.now() + timezone.timedelta(hours=1)),
    ]
    public = list(Release.objects.published())
    assert public == [live]
    assert not set(hidden) & set(public)


def test_a_published_release_needs_a_publication_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        saved_directly(published_at=None)


def test_slugs_are_unique_within_a_language():
    saved_directly(slug_ar="بيان-صحفي", slug_en="press-release")
    with pytest.raises(IntegrityError), transaction.atomic():
        saved_directly(slug_ar="بيان-صحفي")
    with pytest.raises(IntegrityError), transaction.atomic():
        saved_directly(slug_en="press-release")


def test_one_release_may_use_a_slug_in_two_languages_and_empty_slugs_never_clash():
    ReleaseFactory(slug_ar="unoct", slug_en="unoct", slug_fa="")
    ReleaseFactory(slug_en="", slug_fa="")
    ReleaseFactory(slug_en="", slug_fa="")
    assert Release.objects.with_slug("unoct").count() == 1


def test_no_two_releases_share_a_slug_in_any_language():
    ReleaseFactory(slug_ar="unoct")
    with pytest.raises(ValidationError) as refused:
        ReleaseFactory(slug_fa="unoct")
    assert "slug_fa" in refused.value.message_dict


def test_a_translator_cannot_give_a_release_another_releases_address(client):
    other = ReleaseFactory(slug_ar="مؤتمر-دوشنبه")
    release = ReleaseFactory(title_fa="کنفرانس", slug_fa="کنفرانس")
    translator = User.objects.create_user("translator", password="x", is_staff=True)
    translator.groups.add(Group.objects.get(name=roles.translator_group("fa")))
    client.force_login(translator)
    url = f"/admin/newsroom/release/{release.pk}/change/"

    response = client.post(url, change_form_data(client.get(url), slug_fa=other.slug_ar))

    assert response.status_code == 200
    assert "slug_fa" in response.context["adminform"].form.errors
    release.refresh_from_db()
    assert release.slug_fa == "کنفرانس"


def test_a_made_up_slug_never_takes_another_releases_address_in_another_language():
    ReleaseFactory(title_en="Roundtable", slug_en="roundtable")
    persian = ReleaseFactory(
        source_language="fa", title_ar="", title_fa="Roundtable", slug_fa="", slug_ar=""
    )
    assert persian.slug_fa == "roundtable-2"


def test_undated_drafts_come_first_then_the_newest_publication():
    now = timezone.now()
    older = ReleaseFactory(published_at=now - timezone.timedelta(days=3))
    newer = ReleaseFactory(published_at=now - timezone.timedelta(days=1))
    undated = ReleaseFactory(status=Release.Status.DRAFT, published_at=None)
    # The order the public-order index reads: what editors are still writing heads their list.
    assert list(Release.objects.all()) == [undated, newer, older]


def test_a_release_needs_a_title_in_at_least_one_language():
    with pytest.raises(IntegrityError), transaction.atomic():
        saved_directly(title_ar="", title_en=None, title_fa=None)
    english = ReleaseFactory(source_language="en", title_ar=None, slug_ar="", title_en="Statement")
    assert english.title_en == "Statement"
