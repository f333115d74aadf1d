"""The admin speaks Arabic and Persian whole to the staff who work in them: every page a
communications officer uses, compared with the same page in English, shows no interface text
left in English, and the Persian admin none in Arabic; counts take the form of their number and
Persian shows its own digits; the history names fields and what a restore did in the reader's
language; the rich-text editor's toolbar is translated too."""

import json
import re
from datetime import UTC, date, datetime
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.messages import get_messages
from django.utils.translation import trans_real
from reversion.models import Version

from events.models import Event
from organisations.models import Organisation, Pledge, Programme
from releases.models import LanguageVersion, Release
from staff import roles
from staff.models import StaffProfile
from tests.admin_forms import change_form_data
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    PledgeFactory,
    ReleaseFactory,
    TopicFactory,
    approve,
)

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"
# What may stand in an Arabic or Persian page as it stands in the English one: the officer's
# user name, the languages' codes (field labels say "[fa]"), the acronyms and codes of the
# content and of the formats an upload takes.
ALLOWED = {
    "officer",
    *("ar", "en", "fa", "AR", "EN", "FA"),
    *("UNOCT", "UNCCT", "ICSANT", "USD", "EUR", "ISO", "4217", "JPEG", "PNG", "WebP"),
}
SKIPPED = {"script", "style", "template", "textarea"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
SHOWN_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
# Letters Arabic writes and Persian does not (its own ye and kaf, no ta marbuta).
ARABIC_ONLY = re.compile("[\u064a\u0643\u0629\u0649]")
LATIN_NUMBER = re.compile(r"[0-9]+")


class ShownText(HTMLParser):
    """The text a reader of `language` sees or hears on a page: text nodes, tooltips, labels
    and button captions; not scripts, not the text of form fields (content), not what is
    marked as written in another language (content, or a name in its own language)."""

    def __init__(self, language):
        super().__init__(convert_charrefs=True)
        self.language, self.open, self.found = language, [], []

    def skipping(self):
        return any(skipped for _tag, skipped in self.open)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skipped = tag in SKIPPED or attrs.get("lang", self.language) != self.language
        if not (skipped or self.skipping()):
            self.found += [attrs[name] for name in SHOWN_ATTRIBUTES if attrs.get(name)]
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.found.append(attrs["value"])
        if tag not in VOID:
            self.open.append((tag, skipped))

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self.skipping():
            self.found.append(text)


def shown_text(html, language):
    parser = ShownText(language)
    parser.feed(html)
    parser.close()
    return parser.found


def untranslated(pages, language):
    """The texts of the page in `language` left in English (the same text as the English page's,
    or one with a word of it), and in the Persian page those left in Arabic: the Arabic page's
    text, in Arabic letters, where the English page has other text (the Persian catalogue fell
    back to Arabic's)."""
    english = shown_text(pages["en"], "en")
    english_words = {word for text in english for word in LATIN_WORD.findall(text)} - ALLOWED
    arabic = set()
    if language == "fa":
        arabic = {
            text
            for text in set(shown_text(pages["ar"], "ar")) - set(english)
            if ARABIC_ONLY.search(text)
        }
    found = []
    for text in shown_text(pages[language], language):
        words = set(LATIN_WORD.findall(text)) & english_words
        same = text in english and not set(LATIN_WORD.findall(text)) <= ALLOWED
        if words or same or text in arabic:
            found.append(text)
    return sorted(set(found))


def latin_numbers(html):
    """Persian text holding Latin digits (outside the codes allowed)."""
    return sorted(
        {
            text
            for text in shown_text(html, "fa")
            if set(LATIN_NUMBER.findall(text)) - ALLOWED and not text.startswith("[")
        }
    )


@pytest.fixture
def officer(client):
    """A publisher: the communications officer who sees the most of the admin."""
    user = User.objects.create_user("officer", password="correct horse", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.PUBLISHER))
    StaffProfile.objects.create(user=user, language="ar")
    client.force_login(user)
    return user


def speaking(user, language):
    StaffProfile.objects.filter(user=user).update(language=language)


def rendered(client, user, url, languages=("en", "ar", "fa")):
    pages = {}
    for language in languages:
        speaking(user, language)
        response = client.get(url)
        assert response.status_code == 200, (url, language)
        pages[language] = response.content.decode()
    return pages


@pytest.fixture
def newsroom():
    """A small newsroom written in Arabic and Persian, its English left to fall back (so that
    every English word on an English page is the interface's)."""
    unoct = OrganisationFactory(
        name_ar="مكتب الأمم المتحدة لمكافحة الإرهاب",
        name_fa="دفتر مبارزه با تروریسم سازمان ملل متحد",
        name_en="",
        acronym_ar="UNOCT",
        slug="مكتب-مكافحة-الإرهاب",
        country="",
    )
    qatar = OrganisationFactory(
        name_ar="دولة قطر",
        name_fa="کشور قطر",
        name_en="",
        slug="قطر",
        kind=Organisation.Kind.MEMBER_STATE,
        country="QA",
    )
    person = PersonFactory(
        name_ar="فلاديمير فورونكوف", name_fa="ولادیمیر ورونکوف", name_en="", slug="فورونكوف"
    )
    event = EventFactory(
        title_ar="منتدى الدوحة",
        title_fa="همایش دوحه",
        title_en="",
        slug="منتدى-الدوحة",
        start_date=date(2020, 12, 8),
        country="QA",
    )
    event.organisers.add(unoct)
    topic = TopicFactory(name_ar="مكافحة الإرهاب", name_fa="مبارزه با تروریسم", slug="مكافحة")
    programme = Programme.objects.create(
        name_ar="برنامج مكافحة الإرهاب",
        name_fa="برنامهٔ مبارزه با تروریسم",
        slug="برنامج",
        kind=Programme.Kind.PROGRAMME,
        lead=unoct,
    )
    pledge = PledgeFactory(
        donor=qatar,
        recipient=unoct,
        amount=15_000_000,
        first_year=2024,
        last_year=2026,
        description_ar="تعهد سنوي",
        description_fa="تعهد سالانه",
    )
    links = {"topics": [topic], "events": [event], "people": [person], "organisations": [unoct]}
    translated = ReleaseFactory(
        title_ar="المكتب يختتم منتدى الدوحة",
        title_fa="دفتر همایش دوحه را به پایان برد",
        lede_fa="مقدمه.",
        body_fa="<p>متن.</p>",
        slug_ar="المكتب-يختتم",
        slug_fa="دفتر-همایش",
        published_at=datetime(2021, 2, 25, 10, 0, tzinfo=UTC),
        links=links,
    )
    approve(translated, "fa")
    waiting = ReleaseFactory(
        title_ar="مسودة عن الدوحة",
        slug_ar="مسودة",
        status=Release.Status.DRAFT,
        published_at=None,
        links=links,
    )
    return {
        "release": translated,
        "waiting": waiting,
        "event": event,
        "person": person,
        "organisation": unoct,
        "topic": topic,
        "programme": programme,
        "pledge": pledge,
    }


def change_url(obj):
    return f"{ADMIN}{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"


def list_url(model):
    return f"{ADMIN}{model._meta.app_label}/{model._meta.model_name}/"


def save_through_the_admin(client, url, **changes):
    response = client.post(url, change_form_data(client.get(url), **changes))
    assert response.status_code == 302, response.context and response.context["errors"]


@pytest.fixture
def history(client, officer, newsroom):
    """The release changed twice through the admin: its Persian title, then its translation's
    state; and a topic's Persian name."""
    release = newsroom["release"]
    speaking(officer, "en")
    save_through_the_admin(client, change_url(release), title_fa="دفتر همایش دوحه را بست")
    version = LanguageVersion.objects.get(release=release, language="fa")
    index = list(release.language_versions.order_by("language")).index(version)
    save_through_the_admin(
        client, change_url(release), **{f"language_versions-{index}-status": "in_review"}
    )
    # A record whose history is Django's admin log, not revisions.
    save_through_the_admin(client, change_url(newsroom["topic"]), name_fa="مقابله با تروریسم")
    return release


def pages_of(newsroom, release):
    """Every admin page a communications officer works in."""
    models = [Release, Event, type(newsroom["person"]), Organisation, Programme, Pledge]
    models.append(type(newsroom["topic"]))
    records = [newsroom[name] for name in ("release", "event", "person", "organisation")]
    records += [newsroom[name] for name in ("programme", "pledge", "topic")]
    versions = Version.objects.get_for_object(release).order_by("pk")
    return [
        ADMIN,
        f"{ADMIN}newsroom/",
        *(list_url(model) for model in models),
        *(f"{list_url(model)}add/" for model in models),
        *(change_url(record) for record in records),
        # The translation queues, and a filtered list.
        f"{list_url(Release)}?queue=fa:missing",
        f"{list_url(Release)}?queue=fa:review",
        f"{list_url(Release)}?status=published&published_at__year=2021",
        f"{list_url(Event)}?awaiting=fa",
        f"{list_url(Organisation)}?kind=member_state",
        # The history, a comparison, a revision before it is restored, what a release's
        # changes would do.
        f"{change_url(release).removesuffix('change/')}history/",
        f"{change_url(release).removesuffix('change/')}history/compare/",
        f"{change_url(release).removesuffix('change/')}history/{versions.first().pk}/",
        f"{change_url(release).removesuffix('change/')}changes/",
        f"{list_url(Release)}recover/",
        f"{change_url(newsroom['topic']).removesuffix('change/')}history/",
    ]


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_every_page_an_officer_uses_is_in_their_language(
    client, officer, newsroom, history, language
):
    left = {}
    for url in pages_of(newsroom, history):
        found = untranslated(rendered(client, officer, url), language)
        if found:
            left[url] = found
    assert not left


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_a_translators_pages_are_in_their_language(client, newsroom, language):
    """A translator's forms: the source text under each field, every other field read-only."""
    translator = User.objects.create_user("officer", password="correct horse", is_staff=True)
    translator.groups.add(Group.objects.get(name=roles.translator_group("fa")))
    StaffProfile.objects.create(user=translator, language=language)
    client.force_login(translator)
    urls = [
        f"{list_url(Release)}?queue=fa:missing",
        change_url(newsroom["waiting"]),
        change_url(newsroom["event"]),
        change_url(newsroom["organisation"]),
    ]
    left = {}
    for url in urls:
        found = untranslated(rendered(client, translator, url), language)
        if found:
            left[url] = found
    assert not left


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_a_refused_form_and_its_errors_are_in_the_officers_language(
    client, officer, newsroom, language
):
    url = change_url(newsroom["release"])
    pages = {}
    for code in ("en", "ar", "fa"):
        speaking(officer, code)
        response = client.post(url, change_form_data(client.get(url), title_ar=""))
        assert response.status_code == 200 and response.context["errors"]
        pages[code] = response.content.decode()

    assert untranslated(pages, language) == []


def test_persian_pages_show_persian_digits_in_counts_and_dates(client, officer, newsroom, history):
    history_url = f"{change_url(history).removesuffix('change/')}history/"
    lists = [list_url(model) for model in (Release, Event, Pledge)]
    forms = [change_url(newsroom[name]) for name in ("release", "pledge")]
    for url in [*lists, f"{list_url(Release)}?published_at__year=2021", history_url, *forms]:
        assert latin_numbers(rendered(client, officer, url, ["fa"])["fa"]) == [], url


def counted(html):
    """The change list's count of records, as its paginator says it."""
    paginator = html.split('<nav class="paginator"', 1)[1].split("</nav>", 1)[0]
    return " ".join(paginator.split("</h2>", 1)[1].split())


def test_counts_take_the_form_their_number_gives_the_noun(client, officer, newsroom):
    EventFactory.create_batch(2, country="")
    url = list_url(Event)

    pages = rendered(client, officer, url)

    assert counted(pages["en"]) == "3 events"
    assert counted(pages["ar"]) == "3 فعاليات"
    # Persian keeps the singular after a number, in Persian digits.
    assert counted(pages["fa"]) == "۳ رویداد"


def test_the_history_names_fields_and_rows_in_the_readers_language(
    client, officer, newsroom, history
):
    url = f"{change_url(history).removesuffix('change/')}history/"

    pages = rendered(client, officer, url)

    assert "Title (Persian)" in pages["en"]
    assert "العنوان (الفارسية)" in pages["ar"] and "Title" not in pages["ar"]
    assert "عنوان (فارسی)" in pages["fa"] and "Persian" not in pages["fa"]
    # A row of the release named as each language names it: its translation's state.
    assert "نسخه زبانی «فارسی: در دست بررسی»" in pages["fa"]
    # So does the history Django keeps in its admin log, for the records without revisions.
    log = rendered(
        client, officer, f"{change_url(newsroom['topic']).removesuffix('change/')}history/"
    )
    assert "Name (Persian)" in log["en"]
    assert "الاسم (الفارسية)" in log["ar"] and "نام (فارسی)" in log["fa"]


def test_a_restore_says_it_restored_in_the_readers_language(client, officer, history):
    first = Version.objects.get_for_object(history).order_by("pk").first()
    url = f"{change_url(history).removesuffix('change/')}history/{first.pk}/"
    speaking(officer, "ar")

    response = client.post(url, change_form_data(client.get(url)))

    assert response.status_code == 302
    message = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert "استعادة" in message and "إضافة" not in message
    speaking(officer, "fa")
    page = client.get(f"{change_url(history).removesuffix('change/')}history/")
    assert "بازگردانده شد" in page.content.decode()


@pytest.mark.parametrize(("language", "bold"), [("ar", "غامق"), ("fa", "پررنگ")])
def test_the_rich_text_editors_toolbar_is_translated(client, officer, newsroom, language, bold):
    speaking(officer, language)

    form = client.get(change_url(newsroom["release"])).content.decode()
    catalogue = client.get(f"{ADMIN}jsi18n/").content.decode()

    assert "core/prose_editor_i18n.js" in form
    assert f'"bold": {json.dumps(bold)}' in catalogue


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_persian_has_every_string_arabic_has(domain):
    """Django falls back to the LANGUAGE_CODE's catalogue (Arabic) for a string Persian lacks:
    a Persian admin would show it in Arabic."""
    if domain == "django":
        arabic, persian = trans_real.translation("ar"), trans_real.translation("fa")
    else:
        arabic, persian = (
            trans_real.DjangoTranslation(code, domain=domain) for code in ["ar", "fa"]
        )
    # A catalogue is no dict: its keys are read through keys(). A plural string is keyed by
    # (msgid, form): Arabic has six forms, Persian two.
    arabic_keys, persian_keys = arabic._catalog.keys(), set(persian._catalog.keys())
    missing = [
        key
        for key in arabic_keys
        if (key if not isinstance(key, tuple) else (key[0], 0)) not in persian_keys
    ]
    assert missing == []
