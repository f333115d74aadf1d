"""A synthetic archive the size of a long-running newsroom, for the benchmark.

Releases are written from the sentences of the real seed articles in their three languages,
with the mix a newsroom has: mostly Arabic originals, English and Persian translations for some,
a few drafts and scheduled items, and links to topics, events, people and organisations. It is
built with bulk inserts in one transaction: an interrupted build leaves nothing behind.
"""

import random
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import override
from django_countries import countries

from core.languages import CODES
from events.models import Event, Participation
from organisations.models import Organisation, Pledge
from people.models import Person
from releases import reported_pledges, services
from releases.models import Release, Topic
from staff import roles

from .corpus import sentences, titles

IMPORT_KEY_PREFIX = "benchmark/"
BATCH = 2000
BENCHMARK_USERNAME = "benchmark-publisher"

# (ar, en, fa) name parts: 20 × 20 × 20 different full names.
GIVEN_NAMES = [
    ("محمد", "Mohammed", "محمد"), ("أحمد", "Ahmed", "احمد"), ("فاطمة", "Fatima", "فاطمه"),
    ("علي", "Ali", "علی"), ("حسن", "Hassan", "حسن"), ("ليلى", "Layla", "لیلا"),
    ("عمر", "Omar", "عمر"), ("مريم", "Maryam", "مریم"), ("يوسف", "Youssef", "یوسف"),
    ("نور", "Nour", "نور"), ("خالد", "Khaled", "خالد"), ("سارة", "Sara", "سارا"),
    ("رستم", "Rustam", "رستم"), ("أمينة", "Amina", "امینه"), ("كريم", "Karim", "کریم"),
    ("زينب", "Zeinab", "زینب"), ("جون", "John", "جان"), ("ماريا", "Maria", "ماریا"),
    ("ديفيد", "David", "دیوید"), ("آنا", "Anna", "آنا"),
]  # fmt: skip
FAMILY_NAMES = [
    ("الحسيني", "Al-Husseini", "حسینی"), ("رحمانوف", "Rahmanov", "رحمانوف"),
    ("الخليفة", "Al-Khalifa", "الخلیفه"), ("كريموف", "Karimov", "کریموف"),
    ("النعيمي", "Al-Nuaimi", "النعیمی"), ("سميث", "Smith", "اسمیت"),
    ("غارسيا", "Garcia", "گارسیا"), ("شاه", "Shah", "شاه"), ("نظروف", "Nazarov", "نظروف"),
    ("العلي", "Al-Ali", "العلی"), ("مارتن", "Martin", "مارتین"), ("حيدري", "Heydari", "حیدری"),
    ("صالح", "Saleh", "صالح"), ("يوسفي", "Yousefi", "یوسفی"), ("عثمانوف", "Usmanov", "عثمانوف"),
    ("بيكر", "Becker", "بکر"), ("المنصوري", "Al-Mansouri", "المنصوری"),
    ("توريس", "Torres", "تورس"), ("محمدي", "Mohammadi", "محمدی"), ("إبراهيم", "Ibrahim", "ابراهیم"),
]  # fmt: skip
# An organisation of each country, as (kind, ar, en, fa) with {} for the country's name.
COUNTRY_BODIES = [
    ("member_state", "وزارة الداخلية في {}", "Ministry of Interior of {}", "وزارت کشور {}"),
    ("member_state", "وزارة الخارجية في {}", "Ministry of Foreign Affairs of {}",
     "وزارت امور خارجه {}"),
    ("parliament", "برلمان {}", "Parliament of {}", "پارلمان {}"),
    ("academia", "جامعة {} الوطنية", "National University of {}", "دانشگاه ملی {}"),
    ("civil_society", "مركز {} لمكافحة الإرهاب", "{} Counter-Terrorism Centre",
     "مرکز مبارزه با تروریسم {}"),
]  # fmt: skip
TOPICS = [
    ("ضحايا الإرهاب", "Victims of terrorism", "قربانیان تروریسم"),
    ("أمن الحدود", "Border security", "امنیت مرزها"),
    ("منع التطرف العنيف", "Preventing violent extremism", "پیشگیری از افراط‌گرایی خشونت‌آمیز"),
    ("تمويل الإرهاب", "Countering the financing of terrorism", "مقابله با تأمین مالی تروریسم"),
    ("الأمن السيبراني", "Cybersecurity", "امنیت سایبری"),
    ("الشباب", "Youth", "جوانان"),
    ("المساواة بين الجنسين", "Gender equality", "برابری جنسیتی"),
    ("حقوق الإنسان", "Human rights", "حقوق بشر"),
    ("أمن الطيران", "Aviation security", "امنیت هوانوردی"),
    ("المقاتلون الإرهابيون الأجانب", "Foreign terrorist fighters", "جنگجویان تروریست خارجی"),
    ("إعادة التأهيل والإدماج", "Rehabilitation and reintegration", "بازپروری و بازگشت به جامعه"),
    ("التعاون البرلماني", "Parliamentary cooperation", "همکاری پارلمانی"),
    ("آسيا الوسطى", "Central Asia", "آسیای مرکزی"),
    ("الخليج", "The Gulf", "خلیج فارس"),
    ("أفريقيا", "Africa", "آفریقا"),
    ("الرياضة", "Sport", "ورزش"),
    ("التكنولوجيا الجديدة", "New technologies", "فناوری‌های نو"),
    ("الأمن البحري", "Maritime security", "امنیت دریایی"),
    ("بناء القدرات", "Capacity building", "ظرفیت‌سازی"),
    ("التعاون الدولي", "International cooperation", "همکاری بین‌المللی"),
]
CITIES = [
    ("دوشنبه", "Dushanbe", "دوشنبه", "TJ"), ("الدوحة", "Doha", "دوحه", "QA"),
    ("نيويورك", "New York", "نیویورک", "US"), ("فيينا", "Vienna", "وین", "AT"),
    ("جنيف", "Geneva", "ژنو", "CH"), ("الرباط", "Rabat", "رباط", "MA"),
    ("نيروبي", "Nairobi", "نایروبی", "KE"), ("طشقند", "Tashkent", "تاشکند", "UZ"),
    ("ألماتي", "Almaty", "آلماتی", "KZ"), ("عمّان", "Amman", "امان", "JO"),
    ("القاهرة", "Cairo", "قاهره", "EG"), ("الرياض", "Riyadh", "ریاض", "SA"),
    ("أبوظبي", "Abu Dhabi", "ابوظبی", "AE"), ("مدريد", "Madrid", "مادرید", "ES"),
    ("باكو", "Baku", "باکو", "AZ"), ("عشق آباد", "Ashgabat", "عشق‌آباد", "TM"),
    ("بيشكيك", "Bishkek", "بیشکک", "KG"), ("كوالالمبور", "Kuala Lumpur", "کوالالامپور", "MY"),
    ("أبوجا", "Abuja", "ابوجا", "NG"), ("تونس", "Tunis", "تونس", "TN"),
]  # fmt: skip
EVENT_WORDS = {
    "conference": ("مؤتمر", "Conference", "کنفرانس"),
    "forum": ("منتدى", "Forum", "مجمع"),
    "roundtable": ("طاولة مستديرة", "Roundtable", "میزگرد"),
    "meeting": ("اجتماع", "Meeting", "نشست"),
    "workshop": ("ورشة عمل", "Workshop", "کارگاه"),
    "training": ("دورة تدريبية", "Training course", "دوره آموزشی"),
}
PARTICIPANTS_SENTENCE = {
    "ar": "وشارك في الاجتماع {}.",
    "en": "Participants included {}.",
    "fa": "در این نشست {} حضور داشتند.",
}
FIRST_YEAR = 2006
STATUS_WEIGHTS = {
    Release.Status.PUBLISHED: 94,
    Release.Status.DRAFT: 3,
    Release.Status.IN_REVIEW: 2,
    Release.Status.ARCHIVED: 1,
}
SOURCE_WEIGHTS = {"ar": 70, "en": 25, "fa": 5}
# How likely each other language is translated, by the source language.
TRANSLATED = {
    "ar": {"en": 0.6, "fa": 0.3},
    "en": {"ar": 0.8, "fa": 0.2},
    "fa": {"ar": 0.7, "en": 0.5},
}


def exists():
    """How many synthetic releases the database holds."""
    return Release.objects.filter(import_key__startswith=IMPORT_KEY_PREFIX).count()


def holds_real_content():
    """Whether the database has anything the benchmark did not write: it must never mix in."""
    return Release.objects.exclude(import_key__startswith=IMPORT_KEY_PREFIX).exists()


class ArchiveBuilder:
    def __init__(self, *, releases, events, people, organisations, pledges, report, seed=2026):
        self.sizes = {
            "organisations": organisations,
            "people": people,
            "events": events,
            "releases": releases,
            "pledges": pledges,
        }
        self.report = report
        self.random = random.Random(seed)
        self.now = timezone.now()

    def build(self):
        with transaction.atomic():
            self.topics = self.build_topics()
            self.organisations = self.build_organisations(self.sizes["organisations"])
            self.people = self.build_people(self.sizes["people"])
            self.events = self.build_events(self.sizes["events"])
            self.releases = self.build_releases(self.sizes["releases"])
            self.build_pledges(self.sizes["pledges"])
            self.build_benchmark_user()
        vacuum(self.report)

    # Small helpers on the shared random source ---------------------------------------------

    def pick(self, weights):
        return self.random.choices(list(weights), weights=list(weights.values()))[0]

    def some(self, population, low, high):
        return self.random.sample(population, self.random.randint(low, high))

    def popular(self, population):
        """Skewed towards the start of the list: a few organisations are in most releases."""
        return population[min(int(self.random.paretovariate(1.2)) - 1, len(population) - 1)]

    def paragraphs(self, language, count, extra=""):
        pool = sentences(language)
        blocks = [
            " ".join(self.random.sample(pool, self.random.randint(1, 3))) for _ in range(count)
        ]
        if extra:
            blocks.insert(self.random.randint(1, len(blocks)), extra)
        return blocks

    def progress(self, label, done, total):
        if done == total or done % (BATCH * 5) == 0:
            self.report(f"  {label}: {done:,}/{total:,}")

    def bulk(self, model, objects, label=None):
        created = []
        for start in range(0, len(objects), BATCH):
            created += model.objects.bulk_create(objects[start : start + BATCH])
            if label:
                self.progress(label, len(created), len(objects))
        return created

    # The archive, part by part ---------------------------------------------------------------

    def build_topics(self):
        self.report(f"Topics: {len(TOPICS)}")
        return self.bulk(
            Topic,
            [
                Topic(name_ar=ar, name_en=en, name_fa=fa, slug=f"{slugify(en)}-bench")
                for ar, en, fa in TOPICS
            ],
        )

    def build_organisations(self, count):
        self.report(f"Organisations: {count:,}")
        names = {}
        for language in CODES:
            with override(language):
                names[language] = {code: str(name) for code, name in countries}
        codes = sorted(names["en"])
        states = [
            Organisation(
                name_ar=names["ar"][code],
                name_en=names["en"][code],
                name_fa=names["fa"][code],
                slug=f"{slugify(names['en'][code])}-{code.lower()}",
                kind=Organisation.Kind.MEMBER_STATE,
            )
            for code in codes
        ][: max(count // 4, 1)]
        self.un_entities = self.bulk(
            Organisation,
            [
                Organisation(
                    name_ar=f"مكتب الأمم المتحدة لمكافحة الإرهاب {n}",
                    name_en=f"United Nations Counter-Terrorism Office {n}",
                    name_fa=f"دفتر مبارزه با تروریسم سازمان ملل {n}",
                    acronym_en=f"UNOCT-{n}",
                    slug=f"unoct-{n}",
                    kind=Organisation.Kind.UN_ENTITY,
                )
                for n in range(1, 11)
            ],
        )
        self.states = self.bulk(Organisation, states)
        bodies = []
        for index in range(count - len(states) - len(self.un_entities)):
            kind, ar, en, fa = COUNTRY_BODIES[index % len(COUNTRY_BODIES)]
            state = self.states[(index // len(COUNTRY_BODIES)) % len(self.states)]
            bodies.append(
                Organisation(
                    name_ar=ar.format(state.name_ar),
                    name_en=en.format(state.name_en),
                    name_fa=fa.format(state.name_fa),
                    slug=f"{slugify(en.format(state.name_en))}-{index}",
                    kind=kind,
                    # A ministry is a unit of its state: the state's news includes it.
                    parent=state if kind == "member_state" else None,
                )
            )
        bodies = self.bulk(Organisation, bodies)
        return self.un_entities + self.states + bodies

    def build_people(self, count):
        self.report(f"People: {count:,}")
        people = []
        for index in range(count):
            given = GIVEN_NAMES[index % 20]
            father = GIVEN_NAMES[(index // 20) % 20]
            family = FAMILY_NAMES[(index // 400) % 20]
            name = [f"{given[i]} {father[i]} {family[i]}" for i in range(3)]
            people.append(
                Person(
                    name_ar=name[0],
                    name_en=name[1],
                    name_fa=name[2],
                    slug=f"{slugify(name[1])}-{index}",
                    honorific=self.random.choice(["mr", "ms", "dr", "he", "ambassador"]),
                    bio_ar=self.random.choice(sentences("ar")),
                    bio_en=self.random.choice(sentences("en")),
                )
            )
        return self.bulk(Person, people, "people")

    def build_events(self, count):
        self.report(f"Events: {count:,}")
        events = []
        today = self.now.date()
        span = (today + timedelta(days=365) - date(FIRST_YEAR, 1, 1)).days
        for index in range(count):
            kind = self.random.choice(list(EVENT_WORDS))
            city = self.random.choice(CITIES)
            topic = self.random.choice(self.topics)
            start = date(FIRST_YEAR, 1, 1) + timedelta(days=self.random.randrange(span))
            words = EVENT_WORDS[kind]
            events.append(
                Event(
                    title_ar=f"{words[0]} {topic.name_ar} في {city[0]}",
                    title_en=f"{words[1]} on {topic.name_en.lower()} in {city[1]}",
                    title_fa=f"{words[2]} {topic.name_fa} در {city[2]}",
                    slug=f"{slugify(words[1])}-{slugify(city[1])}-{start.year}-{index}",
                    summary_ar=self.random.choice(sentences("ar")),
                    summary_en=self.random.choice(sentences("en")),
                    summary_fa=self.random.choice(sentences("fa")),
                    kind=kind,
                    format=self.random.choice(["in_person", "hybrid", "virtual"]),
                    start_date=start,
                    end_date=start + timedelta(days=self.random.choice([0, 0, 1, 2])),
                    city_ar=city[0],
                    city_en=city[1],
                    city_fa=city[2],
                    country=city[3],
                    participant_count=self.random.choice([None, 40, 120, 300, 1000]),
                )
            )
        events = self.bulk(Event, events, "events")
        organisers = Event.organisers.through
        self.bulk(
            organisers,
            [
                organisers(event=event, organisation=self.popular(self.organisations))
                for event in events
            ],
        )
        participations = []
        for event in events:
            for order, person in enumerate(self.some(self.people, 2, 6)):
                participations.append(
                    Participation(
                        event=event,
                        person=person,
                        role=self.random.choice(["spoke", "attended", "moderated"]),
                        affiliation=self.popular(self.organisations),
                        order=order,
                    )
                )
        self.bulk(Participation, participations, "participations")
        return events

    def release_text(self, release, index, language, people, organisations):
        title = self.random.choice(titles(language))
        names = "، ".join if language != "en" else ", ".join
        mentioned = names(
            [getattr(p, f"name_{language}") for p in people]
            + [getattr(o, f"name_{language}") for o in organisations]
        )
        body = self.paragraphs(
            language,
            self.random.randint(3, 6),
            PARTICIPANTS_SENTENCE[language].format(mentioned) if mentioned else "",
        )
        values = {
            "title": title,
            "slug": f"{slugify(title, allow_unicode=True)[:80]}-{index}",
            "lede": " ".join(self.random.sample(sentences(language), 2)),
            "body": "".join(f"<p>{block}</p>" for block in body),
            "dateline": self.random.choice(CITIES)[CODES.index(language)],
        }
        for field, value in values.items():
            setattr(release, f"{field}_{language}", value)

    def build_releases(self, count):
        self.report(f"Releases: {count:,}, in three languages")
        start = datetime(FIRST_YEAR, 1, 1, tzinfo=timezone.get_current_timezone())
        span = (self.now - start).total_seconds()
        batch = []
        for index in range(count):
            status = self.pick(STATUS_WEIGHTS)
            published_at = start + timedelta(seconds=self.random.uniform(0, span))
            if index % 500 == 0:  # a few scheduled for the coming weeks
                published_at = self.now + timedelta(days=self.random.uniform(1, 30))
            release = Release(
                kind=self.pick({"news": 60, "press_release": 30, "statement": 10}),
                source_language=self.pick(SOURCE_WEIGHTS),
                status=status,
                published_at=published_at
                if status != Release.Status.DRAFT or self.random.random() < 0.5
                else None,
                import_key=f"{IMPORT_KEY_PREFIX}{index}",
            )
            people = self.some(self.people, 0, 3)
            organisations = list({self.popular(self.organisations) for _ in range(3)})
            topics = self.some(self.topics, 1, 3)
            events = self.some(self.events, 0, 1) if self.random.random() < 0.4 else []
            translated = [
                language
                for language, chance in TRANSLATED[release.source_language].items()
                if self.random.random() < chance
            ]
            for language in [release.source_language, *translated]:
                self.release_text(release, index, language, people, organisations)
            batch.append(
                services.ArchivedRelease(
                    release=release,
                    translations={
                        language: "approved" if self.random.random() < 0.85 else "in_review"
                        for language in translated
                    },
                    links={
                        "people": people,
                        "organisations": organisations,
                        "topics": topics,
                        "events": events,
                    },
                    quotes=self.quotes(people, events),
                )
            )
            if len(batch) == BATCH or index == count - 1:
                services.create_releases_in_bulk(archived=batch)
                self.progress("releases", index + 1, count)
                batch = []
        # auto_now and auto_now_add overwrite given values on insert: spread the dates out
        # afterwards, as in an archive written over the years.
        written = Coalesce(F("published_at"), Value(self.now))
        Release.objects.filter(import_key__startswith=IMPORT_KEY_PREFIX).update(
            created_at=written, updated_at=written
        )
        return list(
            Release.objects.filter(status=Release.Status.PUBLISHED).values_list("pk", flat=True)
        )

    def quotes(self, people, events):
        if not people or self.random.random() >= 0.3:
            return []
        return [
            {
                "person": people[0],
                "event": events[0] if events else None,
                "text_ar": self.random.choice(sentences("ar")),
                "text_en": self.random.choice(sentences("en")),
            }
        ]

    def build_pledges(self, count):
        self.report(f"Pledges: {count:,}")
        currencies = {"USD": 80, "EUR": 12, "GBP": 5, "QAR": 3}
        pledges = []
        for _index in range(count):
            first_year = self.random.randint(FIRST_YEAR, self.now.year + 1)
            basis = self.pick({"total": 70, "per_year": 30})
            disclosed = self.random.random() < 0.9
            pledges.append(
                Pledge(
                    donor=self.random.choice(self.states),
                    recipient=self.popular(self.un_entities),
                    amount=Decimal(self.random.randrange(50, 20_000)) * 1000 if disclosed else None,
                    currency=self.pick(currencies),
                    amount_basis=basis,
                    first_year=first_year,
                    last_year=first_year + self.random.randint(0, 3),
                    announced_at=self.random.choice(self.events)
                    if self.random.random() < 0.5
                    else None,
                    reported_in_id=self.random.choice(self.releases)
                    if self.random.random() < 0.3
                    else None,
                )
            )
        self.bulk(Pledge, pledges, "pledges")
        # Written without a save: the reported ones are told when their releases are public.
        reported_pledges.renew(Pledge.objects.all())

    def build_benchmark_user(self):
        """The publisher whose admin pages the benchmark measures."""
        user, _created = get_user_model().objects.update_or_create(
            username=BENCHMARK_USERNAME, defaults={"is_staff": True, "is_active": True}
        )
        user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get(name=roles.PUBLISHER))


def sizes():
    """How much of each kind the benchmark's database holds."""
    return {
        "releases": Release.objects.count(),
        "published releases": Release.objects.published().count(),
        "events": Event.objects.count(),
        "people": Person.objects.count(),
        "organisations": Organisation.objects.count(),
        "pledges": Pledge.objects.count(),
    }


def vacuum(report):
    """The database as a kept one is: vacuumed, so that an index-only scan need not visit the
    table (autovacuum may be off, as on the benchmark machine), and analysed. After a build,
    and before measuring an archive built before (a migration may have rewritten its rows)."""
    report("Vacuuming and updating the planner's statistics (VACUUM ANALYZE)…")
    with connection.cursor() as cursor:
        # VACUUM cannot run in a transaction (the benchmark's own tests run in one).
        if connection.in_atomic_block:
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            cursor.execute("VACUUM (ANALYZE)")
        else:
            cursor.execute("VACUUM")
            cursor.execute("ANALYZE")
