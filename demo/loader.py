"""Load the demo site: import the seed articles, then curate them and everything they mention.

Every object is found by its slug (or natural key) and updated, so loading again changes nothing
and duplicates nothing. Everything happens in one transaction: a failure leaves no half-demo.
"""

import re
from datetime import UTC, datetime, time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from core import page_cache
from core.approved_text import approve, approved
from core.languages import CODES
from events import services as event_services
from events.models import Event
from organisations import services as organisation_services
from organisations.models import Organisation, Pledge, Programme
from people.models import Person, Position
from releases import freshness, services
from releases.importer import (
    blocks_to_html,
    headline,
    import_article_file,
    parse_article,
    read_article_text,
)
from releases.models import LanguageVersion, Release, Topic
from staff import roles
from staff.models import StaffProfile

from . import content

DEMO_DIR = Path(__file__).resolve().parent
SEEDS_DIR = DEMO_DIR / "seeds"
TRANSLATIONS_DIR = DEMO_DIR / "translations"

# (username, password, group or None for the superuser, admin language)
DEMO_ACCOUNTS = [
    ("admin", "admin-demo-pass", None, "en"),
    ("editor", "editor-demo-pass", roles.EDITOR, "ar"),
    ("publisher", "publisher-demo-pass", roles.PUBLISHER, "ar"),
    ("translator-ar", "translator-ar-demo-pass", roles.translator_group("ar"), "ar"),
    ("translator-en", "translator-en-demo-pass", roles.translator_group("en"), "en"),
    ("translator-fa", "translator-fa-demo-pass", roles.translator_group("fa"), "fa"),
    ("administrator", "administrator-demo-pass", roles.ADMINISTRATOR, "en"),
]


def in_languages(field, value):
    """{field_ar: …, field_en: …, field_fa: …} for a content.T value."""
    return {f"{field}_{code}": getattr(value, code) for code in CODES}


def pop_translated(spec, *fields):
    """Take the translated values of `fields` out of `spec`, as model field values."""
    values = {}
    for field in fields:
        if field in spec:
            values |= in_languages(field, spec.pop(field))
    return values


def set_translated(obj, field, value):
    for name, text in in_languages(field, value).items():
        setattr(obj, name, text)


def read_translation(seed_name, language):
    """(title, blocks) from translations/<seed>.<language>.txt, or None if there is none."""
    path = TRANSLATIONS_DIR / f"{Path(seed_name).stem}.{language}.txt"
    if not path.exists():
        return None
    title, _blank, rest = path.read_text(encoding="utf-8").strip().partition("\n")
    blocks = []
    for block in rest.strip().split("\n\n"):
        block = " ".join(block.split())
        if block.startswith("## "):
            blocks.append(("h2", block[3:]))
        elif block:
            blocks.append(("p", block))
    return title.strip(), blocks


def edited_article(seed_name, corrections):
    """The seed's article as the importer reads it, with an editor's `corrections` made.

    Made afresh from the file on every load, so loading again changes nothing; the file, and
    any import of it, keeps the scraped words.
    """
    article = parse_article(read_article_text(SEEDS_DIR / seed_name))
    for scraped, edited in corrections:
        if isinstance(scraped, re.Pattern):
            article.blocks = [(tag, scraped.sub(edited, text)) for tag, text in article.blocks]
            continue
        if not any(scraped in text for _tag, text in article.blocks):
            # A correction with nothing to correct is out of step with its seed.
            raise RuntimeError(f"{seed_name}: no «{scraped}» left to correct")
        article.blocks = [(tag, text.replace(scraped, edited)) for tag, text in article.blocks]
    return article


def with_text_approved(record):
    """The demo's text is the office's own: what the public reads, in every language."""
    approve(record)
    record.save(update_fields=["approved"])
    return record


class DemoLoader:
    def __init__(self, report=print):
        self.report = report
        self.organisations = {}
        self.programmes = {}
        self.people = {}
        self.events = {}
        self.releases = {}

    @transaction.atomic
    def load(self):
        topics = self.load_topics()
        self.load_organisations()
        self.load_programmes()
        self.load_people()
        self.load_events()
        self.load_releases(topics)
        self.load_pledges()
        page_cache.invalidate()
        return self

    def load_topics(self):
        topics = {
            slug: with_text_approved(
                Topic.objects.update_or_create(slug=slug, defaults=in_languages("name", name))[0]
            )
            for slug, name in content.TOPICS.items()
        }
        self.report(f"Topics: {len(topics)}")
        return topics

    def load_organisations(self):
        for slug, spec in content.ORGANISATIONS.items():
            spec = dict(spec)
            defaults = pop_translated(spec, "name", "acronym", "description")
            if parent := spec.pop("parent", None):
                defaults["parent"] = self.organisations[parent]
            self.organisations[slug] = with_text_approved(
                Organisation.objects.update_or_create(slug=slug, defaults=defaults | spec)[0]
            )
        self.report(f"Organisations: {len(self.organisations)}")

    def load_programmes(self):
        for slug, spec in content.PROGRAMMES.items():
            spec = dict(spec)
            values = pop_translated(spec, "name", "acronym", "description")
            values["lead"] = self.organisations[spec.pop("lead")]
            if part_of := spec.pop("part_of", None):
                values["part_of"] = self.programmes[part_of]
            partners = spec.pop("partners", [])
            consulted = spec.pop("consulted", [])
            funders = spec.pop("funders", [])
            programme = Programme.objects.filter(slug=slug).first() or Programme(slug=slug)
            for name, value in (values | spec).items():
                setattr(programme, name, value)
            self.programmes[slug] = organisation_services.save_programme(
                programme=programme,
                partners=[self.organisations[s] for s in partners],
                consulted=[self.organisations[s] for s in consulted],
                funders=[(self.organisations[s], main) for s, main in funders],
            )
        self.report(f"Programmes: {len(self.programmes)}")

    def load_people(self):
        for slug, spec in content.PEOPLE.items():
            person, _created = Person.objects.update_or_create(
                slug=slug,
                defaults={"honorific": spec["honorific"]} | in_languages("name", spec["name"]),
            )
            with_text_approved(person)
            person.positions.all().delete()
            Position.objects.bulk_create(
                approved(
                    Position(
                        person=person,
                        organisation=self.organisations[organisation],
                        started_on=started_on,
                        **in_languages("title", title),
                    )
                )
                for title, organisation, started_on in spec["positions"]
            )
            self.people[slug] = person
        self.report(f"People: {len(self.people)}")

    def load_events(self):
        for slug, spec in content.EVENTS.items():
            spec = dict(spec)
            values = pop_translated(spec, "title", "city", "outcome", "summary", "venue")
            if programme := spec.pop("programme", None):
                values["programme"] = self.programmes[programme]
            organisers = spec.pop("organisers", [])
            partners = spec.pop("partners", [])
            sessions = spec.pop("sessions", [])
            participations = spec.pop("participations", [])
            event = Event.objects.filter(slug=slug).first() or Event(slug=slug)
            for name, value in (values | spec).items():
                setattr(event, name, value)
            self.events[slug] = event_services.save_event(
                event=event,
                organisers=[self.organisations[s] for s in organisers],
                partners=[self.organisations[s] for s in partners],
                sessions=[in_languages("title", title) for title in sessions],
                participations=[
                    {
                        "person": self.people[person],
                        "role": role,
                        "affiliation": self.organisations.get(affiliation),
                        **in_languages("title", title),
                    }
                    for person, role, title, affiliation in participations
                ],
            )
        self.report(f"Events: {len(self.events)}")

    def load_releases(self, topics):
        for seed_name, spec in content.RELEASES.items():
            result = import_article_file(SEEDS_DIR / seed_name, language="ar")
            if result.failed:
                raise RuntimeError(f"{seed_name}: {result.message}")
            self.report(f"{seed_name}: {result.message}")
            release = result.release
            release.kind = spec["kind"]
            article = edited_article(seed_name, spec.get("corrections", []))
            release.lede_ar = article.lede
            release.body_ar = blocks_to_html(article.body_blocks)
            if title := spec.get("title_ar"):
                release.title_ar = title
                release.slug_ar = ""  # a new address, from the curated title
                release.title_is_provisional = False
            else:
                # A demo loaded before the importer dropped a headline's final stop still has it.
                release.title_ar = headline(release.title_ar)
            if dateline := spec.get("dateline"):
                set_translated(release, "dateline", dateline)
            if source_name := spec.get("source_name"):
                set_translated(release, "source_name", source_name)
                release.source_organisation = self.organisations[spec["source_organisation"]]
            if published_on := spec.get("published_on"):
                release.published_at = datetime.combine(published_on, time(12), tzinfo=UTC)
            for language in ("en", "fa"):
                self.apply_translation(release, seed_name, language)
            # The quotes first: publishing makes the live text, quotes and all.
            services.set_quotes(
                release=release,
                quotes=[
                    {
                        "person": self.people[person],
                        "event": self.events[event],
                        **in_languages("text", text),
                    }
                    for person, event, text in spec["quotes"]
                ],
            )
            release.status = Release.Status.PUBLISHED
            # The demo's translations were made from today's source text.
            services.save_release(
                release=release,
                written=[
                    f"{field}_{language}"
                    for language in ("en", "fa")
                    for field in freshness.TRACKED_FIELDS
                ],
                links={
                    "events": [self.events[s] for s in spec["events"]],
                    "people": [self.people[s] for s in spec["people"]],
                    "organisations": [self.organisations[s] for s in spec["organisations"]],
                    "topics": [topics[s] for s in spec["topics"]],
                },
            )
            if release.changes:
                # Loaded again after the demo's text changed: the public reads the new one.
                services.publish_changes(release=release, user=None)
            self.approve_translations(release)
            self.releases[seed_name] = release

    def apply_translation(self, release, seed_name, language):
        translation = read_translation(seed_name, language)
        if translation is None:
            return
        title, blocks = translation
        lede_index = next(i for i, (tag, _text) in enumerate(blocks) if tag == "p")
        setattr(release, f"title_{language}", title)
        setattr(release, f"slug_{language}", "")  # made from the title on save
        setattr(release, f"lede_{language}", blocks[lede_index][1])
        setattr(release, f"body_{language}", blocks_to_html(blocks[lede_index + 1 :]))

    def approve_translations(self, release):
        """A complete translation is approved; an incomplete one (Persian without its body)
        stays in progress."""
        for version in release.language_versions.all():
            complete = freshness.language_state(release, version.language) == freshness.COMPLETE
            status = (
                LanguageVersion.Status.APPROVED if complete else LanguageVersion.Status.IN_PROGRESS
            )
            services.set_translation_status(version=version, status=status, user=None)

    def load_pledges(self):
        for spec in content.PLEDGES:
            spec = dict(spec)
            lookup = {
                "donor": self.organisations[spec.pop("donor")],
                "recipient": self.organisations[spec.pop("recipient")],
                "programme": self.programmes.get(spec.pop("programme", None)),
                "reported_in": self.releases[spec.pop("reported_in")],
            }
            defaults = in_languages("description", spec.pop("description"))
            if announced_at := spec.pop("announced_at", None):
                defaults["announced_at"] = self.events[announced_at]
            if announced_by := spec.pop("announced_by", None):
                defaults["announced_by"] = self.people[announced_by]
            with_text_approved(
                Pledge.objects.update_or_create(**lookup, defaults=defaults | spec)[0]
            )
        self.report(f"Pledges: {len(content.PLEDGES)}")


def create_demo_accounts(report=print):
    """One account per role, with known passwords: for a local demo only, refused unless DEBUG."""
    if not settings.DEBUG:
        report("Demo accounts not created: they exist only when DEBUG=1.")
        return []
    roles.sync_roles()
    User = get_user_model()
    accounts = []
    for username, password, group, language in DEMO_ACCOUNTS:
        user, _created = User.objects.get_or_create(username=username)
        user.is_staff = True
        user.is_superuser = group is None
        user.set_password(password)
        user.save()
        user.groups.set([Group.objects.get(name=group)] if group else [])
        StaffProfile.objects.update_or_create(
            user=user, defaults={"language": language, "is_demo_account": True}
        )
        accounts.append((username, password, group or "superuser"))
    return accounts
