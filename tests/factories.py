import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from events.models import Event, Participation
from organisations.models import Organisation, Pledge
from people.models import Person
from releases import live_texts, services
from releases.models import LanguageVersion, Release, Topic


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name_ar = factory.Sequence(lambda n: f"منظمة {n}")
    name_en = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Organisation.Kind.UN_ENTITY


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    name_ar = factory.Sequence(lambda n: f"شخص {n}")
    name_en = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event

    title_ar = factory.Sequence(lambda n: f"فعالية {n}")
    title_en = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = Event.Kind.CONFERENCE
    start_date = factory.Faker("date_object")


class ParticipationFactory(DjangoModelFactory):
    class Meta:
        model = Participation

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    role = Participation.Role.SPOKE


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic

    name_ar = factory.Sequence(lambda n: f"موضوع {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class ReleaseFactory(DjangoModelFactory):
    """Releases written as the newsroom writes them, through the release services; pass
    `links={"topics": [...]}` to link them."""

    class Meta:
        model = Release

    title_ar = factory.Sequence(lambda n: f"بيان {n}")
    slug_ar = factory.Sequence(lambda n: f"بيان-{n}")
    lede_ar = "فقرة افتتاحية."
    body_ar = "<p>نص البيان.</p>"
    status = Release.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(hours=1))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.create_release(**kwargs)


class PledgeFactory(DjangoModelFactory):
    class Meta:
        model = Pledge

    donor = factory.SubFactory(OrganisationFactory, kind=Organisation.Kind.MEMBER_STATE)
    recipient = factory.SubFactory(OrganisationFactory)
    currency = "USD"


def approve(release, *languages):
    """Mark translations of `release` approved and make their text live (if it has a title),
    complete or not: the state a test starts from (approving through the admin, or
    services.set_translation_status, checks completeness)."""
    for language in languages:
        LanguageVersion.objects.update_or_create(
            release=release, language=language, defaults={"status": "approved"}
        )
        if getattr(release, f"title_{language}"):
            live_texts.make_live(release, language)
    return release
