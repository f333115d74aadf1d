"""The demo site: the five seed articles and every fact DOMAIN.md draws from them.

Translated values are `T(ar, en, fa)`; an empty string is a translation not (yet) made, such as
a Latin spelling the sources do not give. Keys are slugs, so loading twice updates, never doubles.
"""

import calendar
import re
from datetime import date, timedelta
from typing import NamedTuple


class T(NamedTuple):
    ar: str
    en: str = ""
    fa: str = ""


def last_weekday(weekday, *, before):
    """The last `weekday` (calendar.MONDAY…) before the day `before`: "last Thursday"."""
    return before - timedelta(days=(before.weekday() - weekday - 1) % 7 + 1)


# Publication dates the seeds do not give are the demo's own, chosen after the events they
# report. Two seeds date their event from their own day, so those events' dates follow from these.
DOHA_FORUM_REPORTED = date(2023, 11, 20)  # a Monday: the forum ended "last Thursday"
NETWORK_LAUNCH_REPORTED = date(2022, 1, 25)  # "launched today, Tuesday"

# A "و" the scrape detached from its word ("و الأمين"): Arabic writes it joined.
DETACHED_WAW = re.compile(r'(?<!\w)و (?=[\w"])')


TOPICS = {
    "nuclear-terrorism": T("الإرهاب النووي", "Nuclear terrorism", "تروریسم هسته‌ای"),
    "border-security": T(
        "أمن الحدود وإدارتها", "Border security and management", "امنیت و مدیریت مرزها"
    ),
    "pcve": T(
        "منع التطرف العنيف ومكافحته",
        "Preventing and countering violent extremism",
        "پیشگیری و مقابله با افراط‌گرایی خشونت‌آمیز",
    ),
    "foreign-terrorist-fighters": T(
        "المقاتلون الإرهابيون الأجانب", "Foreign terrorist fighters", "جنگجویان تروریست خارجی"
    ),
    "human-rights": T("حقوق الإنسان", "Human rights", "حقوق بشر"),
    "cybersecurity": T(
        "الأمن السيبراني والتكنولوجيات الجديدة",
        "Cybersecurity and new technologies",
        "امنیت سایبری و فناوری‌های نوین",
    ),
    "vulnerable-targets": T(
        "حماية البنية التحتية الحيوية والأهداف المعرضة للخطر",
        "Protection of critical infrastructure and vulnerable targets",
        "حفاظت از زیرساخت‌های حیاتی و اهداف آسیب‌پذیر",
    ),
    "technical-assistance": T(
        "المساعدة الفنية وبناء القدرات",
        "Technical assistance and capacity building",
        "کمک فنی و ظرفیت‌سازی",
    ),
    "parliamentary-engagement": T(
        "العمل مع البرلمانات", "Parliamentary engagement", "تعامل با پارلمان‌ها"
    ),
    "international-cooperation": T(
        "التعاون الدولي", "International cooperation", "همکاری بین‌المللی"
    ),
}

UN = "un_entity"
STATE = "member_state"
REGIONAL = "regional"
PARLIAMENT = "parliament"
CIVIL_SOCIETY = "civil_society"

# slug: name, acronym, kind, parent, country, extra fields
ORGANISATIONS = {
    "un": dict(
        name=T("الأمم المتحدة", "United Nations", "سازمان ملل متحد"),
        acronym=T("", "UN", ""),
        kind=UN,
        website="https://www.un.org/",
    ),
    "unoct": dict(
        name=T(
            "مكتب الأمم المتحدة لمكافحة الإرهاب",
            "United Nations Office of Counter-Terrorism",
            "دفتر مبارزه با تروریسم سازمان ملل متحد",
        ),
        acronym=T("UNOCT", "UNOCT", "UNOCT"),
        kind=UN,
        parent="un",
        website="https://www.un.org/counterterrorism/",
        established_on=date(2017, 6, 1),
        established_precision="month",
        description=T(
            "أنشئ في حزيران/يونيه 2017 لتوفير القيادة في تنفيذ ولايات مكافحة الإرهاب التي صدر "
            "بها تكليف من الجمعية العامة.",
            "Established in June 2017 to provide leadership on the General Assembly's "
            "counter-terrorism mandates.",
            "در ژوئن ۲۰۱۷ برای رهبری اجرای مأموریت‌های مبارزه با تروریسم مجمع عمومی تأسیس شد.",
        ),
    ),
    "uncct": dict(
        name=T(
            "مركز الأمم المتحدة لمكافحة الإرهاب",
            "United Nations Counter-Terrorism Centre",
            "مرکز مبارزه با تروریسم سازمان ملل متحد",
        ),
        acronym=T("UNCCT", "UNCCT", "UNCCT"),
        kind=UN,
        parent="unoct",
        website="https://www.un.org/uncct",
    ),
    "unodc": dict(
        name=T(
            "مكتب الأمم المتحدة المعني بالمخدرات والجريمة",
            "United Nations Office on Drugs and Crime",
            "دفتر مقابله با مواد مخدر و جرم سازمان ملل متحد",
        ),
        acronym=T("UNODC", "UNODC", "UNODC"),
        kind=UN,
        parent="un",
    ),
    "iaea": dict(
        name=T(
            "الوكالة الدولية للطاقة الذرية",
            "International Atomic Energy Agency",
            "آژانس بین‌المللی انرژی اتمی",
        ),
        acronym=T("", "IAEA", ""),
        kind=UN,
    ),
    "interpol": dict(
        name=T(
            "المنظمة الدولية للشرطة الجنائية",
            "International Criminal Police Organization",
            "سازمان بین‌المللی پلیس جنایی",
        ),
        acronym=T("الإنتربول", "INTERPOL", "اینترپل"),
        kind=REGIONAL,
    ),
    "ola": dict(
        name=T(
            "مكتب الأمم المتحدة للشؤون القانونية",
            "United Nations Office of Legal Affairs",
            "دفتر امور حقوقی سازمان ملل متحد",
        ),
        acronym=T("", "OLA", ""),
        kind=UN,
        parent="un",
    ),
    "cted": dict(
        name=T(
            "المديرية التنفيذية للجنة مكافحة الإرهاب",
            "Counter-Terrorism Committee Executive Directorate",
            "ریاست اجرایی کمیته مبارزه با تروریسم",
        ),
        acronym=T("CTED", "CTED", "CTED"),
        kind=UN,
        parent="un",
    ),
    "unaoc": dict(
        name=T(
            "تحالف الأمم المتحدة للحضارات",
            "United Nations Alliance of Civilizations",
            "اتحاد تمدن‌های سازمان ملل متحد",
        ),
        acronym=T("", "UNAOC", ""),
        kind=UN,
        parent="un",
    ),
    "unicri": dict(
        name=T(
            "معهد الأمم المتحدة الأقاليمي لأبحاث الجريمة والعدالة",
            "United Nations Interregional Crime and Justice Research Institute",
            "مؤسسه تحقیقات بین‌منطقه‌ای جرم و عدالت سازمان ملل متحد",
        ),
        acronym=T("", "UNICRI", ""),
        kind=UN,
        parent="un",
    ),
    "rco-tajikistan": dict(
        name=T(
            "مكتب منسق الأمم المتحدة المقيم في طاجيكستان",
            "Office of the United Nations Resident Coordinator in Tajikistan",
            "دفتر هماهنگ‌کننده مقیم سازمان ملل متحد در تاجیکستان",
        ),
        kind=UN,
        parent="un",
        country="TJ",
    ),
    "eu": dict(
        name=T("الاتحاد الأوروبي", "European Union", "اتحادیه اروپا"),
        acronym=T("", "EU", ""),
        kind=REGIONAL,
    ),
    "ipa-cis": dict(
        name=T(
            "الجمعية البرلمانية للدول الأعضاء في رابطة الدول المستقلة",
            "Interparliamentary Assembly of Member Nations of the Commonwealth of Independent States",
            "مجمع بین‌المجالس کشورهای عضو جامعه کشورهای مستقل مشترک‌المنافع",
        ),
        acronym=T("", "IPA CIS", ""),
        kind=REGIONAL,
    ),
    "gcc": dict(
        name=T(
            "مجلس التعاون لدول الخليج العربية",
            "Gulf Cooperation Council",
            "شورای همکاری خلیج فارس",
        ),
        acronym=T("", "GCC", ""),
        kind=REGIONAL,
    ),
    "oas-cicte": dict(
        name=T(
            "لجنة البلدان الأمريكية لمكافحة الإرهاب التابعة لمنظمة الدول الأمريكية",
            "Inter-American Committee against Terrorism of the Organization of American States",
            "کمیته بین‌آمریکایی مبارزه با تروریسم سازمان کشورهای آمریکایی",
        ),
        acronym=T("OAS/CICTE", "OAS/CICTE", "OAS/CICTE"),
        kind=REGIONAL,
    ),
    "acsrt": dict(
        name=T(
            "المركز الأفريقي للدراسات والبحوث حول الإرهاب",
            "African Centre for the Study and Research on Terrorism",
            "مرکز آفریقایی مطالعات و پژوهش درباره تروریسم",
        ),
        acronym=T("", "ACSRT", ""),
        kind=REGIONAL,
        country="DZ",
    ),
    "global-center": dict(
        name=T(
            "المركز العالمي للأمن التعاوني",
            "Global Center on Cooperative Security",
            "مرکز جهانی امنیت مشارکتی",
        ),
        kind=CIVIL_SOCIETY,
    ),
    "searcct": dict(
        name=T(
            "المركز الإقليمي لجنوب شرق آسيا لمكافحة الإرهاب",
            "Southeast Asia Regional Centre for Counter-Terrorism",
            "مرکز منطقه‌ای جنوب شرق آسیا برای مبارزه با تروریسم",
        ),
        acronym=T("", "SEARCCT", ""),
        kind=REGIONAL,
        country="MY",
    ),
    "tajikistan": dict(
        name=T("جمهورية طاجيكستان", "Republic of Tajikistan", "جمهوری تاجیکستان"),
        kind=STATE,
        country="TJ",
    ),
    "majlisi-namoyandagon": dict(
        name=T(
            "مجلس النواب (Majlisi Namoyandagon) في جمهورية طاجيكستان",
            "Majlisi Namoyandagon (Assembly of Representatives) of Tajikistan",
            "مجلس نمایندگان (Majlisi Namoyandagon) تاجیکستان",
        ),
        kind=PARLIAMENT,
        parent="tajikistan",
        country="TJ",
    ),
    "qatar": dict(
        name=T("دولة قطر", "State of Qatar", "کشور قطر"),
        kind=STATE,
        country="QA",
    ),
    "saudi-arabia": dict(
        name=T("المملكة العربية السعودية", "Kingdom of Saudi Arabia", "عربستان سعودی"),
        kind=STATE,
        country="SA",
    ),
    "republic-of-korea": dict(
        name=T("جمهورية كوريا", "Republic of Korea", "جمهوری کره"),
        kind=STATE,
        country="KR",
    ),
    "victims-association": dict(
        name=T(
            "جمعية للدفاع عن ضحايا الإرهاب",
            "Association for Defending Victims of Terrorism",
            "انجمن دفاع از قربانیان تروریسم",
        ),
        kind=CIVIL_SOCIETY,
        description=T(
            "جمعية ناطقة بالفارسية أعادت نشر أخبار المكتب.",
            "A Persian-language association that republished the Office's news.",
            "انجمنی فارسی‌زبان که اخبار دفتر را بازنشر کرده است.",
        ),
    ),
}

PROGRAMMES = {
    "icsant-project": dict(
        name=T(
            "المشروع المشترك بين الاتحاد الأوروبي والأمم المتحدة بشأن تشجيع الانضمام العالمي "
            "للاتفاقية الدولية لقمع أعمال الإرهاب النووي وتنفيذها تنفيذا فعالا",
            "Joint EU-UN project on promoting universal adherence to and effective "
            "implementation of the International Convention for the Suppression of Acts of "
            "Nuclear Terrorism",
            "پروژه مشترک اتحادیه اروپا و سازمان ملل متحد برای پیوستن همگانی به کنوانسیون "
            "بین‌المللی مقابله با اقدامات تروریسم هسته‌ای و اجرای مؤثر آن",
        ),
        acronym=T("ICSANT", "ICSANT", "ICSANT"),
        kind="project",
        lead="uncct",
        partners=["unodc"],
        funders=[("eu", True)],
        description=T(
            "اعتمدت الجمعية العامة الاتفاقية في عام 2005 بتوافق الآراء، ودخلت حيز النفاذ في عام "
            "2007، وتضم 117 طرفا.",
            "The General Assembly adopted the Convention by consensus in 2005; it entered into "
            "force in 2007 and has 117 parties.",
            "مجمع عمومی این کنوانسیون را در سال ۲۰۰۵ با اجماع تصویب کرد؛ کنوانسیون در سال ۲۰۰۷ "
            "لازم‌الاجرا شد و ۱۱۷ عضو دارد.",
        ),
    ),
    "vulnerable-targets": dict(
        name=T(
            "البرنامج العالمي لمكافحة الهجمات الإرهابية ضد الأهداف المعرضة للخطر",
            "Global Programme on Countering Terrorist Attacks against Vulnerable Targets",
            "برنامه جهانی مقابله با حملات تروریستی علیه اهداف آسیب‌پذیر",
        ),
        kind="programme",
        lead="unoct",
        partners=["unaoc", "unicri", "cted"],
        consulted=["interpol"],
        funders=[("qatar", True)],
    ),
    "connect-and-learn": dict(
        name=T(
            "منصة UNOCT Connect & Learn",
            "UNOCT Connect & Learn platform",
            "سکوی UNOCT Connect & Learn",
        ),
        kind="platform",
        lead="unoct",
        funders=[("republic-of-korea", False)],
    ),
    "vulnerable-targets-network": dict(
        name=T(
            "الشبكة العالمية للخبراء والممارسين بشأن حماية البنية التحتية الحيوية والأهداف "
            "المعرضة للخطر",
            "Global Network of Experts and Practitioners on the Protection of Critical "
            "Infrastructure and Vulnerable Targets",
            "شبکه جهانی کارشناسان و دست‌اندرکاران حفاظت از زیرساخت‌های حیاتی و اهداف آسیب‌پذیر",
        ),
        kind="network",
        lead="unoct",
        part_of="connect-and-learn",
        started_on=date(2021, 11, 1),
        started_precision="month",
        member_count=150,
        member_count_is_approximate=True,
    ),
}

# slug: honorific, name, positions (title, organisation, from)
PEOPLE = {
    "vladimir-voronkov": dict(
        honorific="mr",
        name=T("فلاديمير فورونكوف", "Vladimir Voronkov", "ولادیمیر ورونکوف"),
        positions=[
            (
                T(
                    "وكيل الأمين العام لمكافحة الإرهاب",
                    "Under-Secretary-General for Counter-Terrorism",
                    "معاون دبیرکل در امور مبارزه با تروریسم",
                ),
                "unoct",
                date(2017, 6, 21),
            ),
            (
                T("المدير التنفيذي", "Executive Director", "مدیر اجرایی"),
                "uncct",
                date(2017, 6, 21),
            ),
        ],
    ),
    "rustam-shohmurod": dict(
        honorific="mr",
        name=T("رستم شوهمورود", "Rustam Shohmurod", "رستم شاه‌مراد"),
        positions=[
            (
                T(
                    "رئيس اللجنة المعنية بإنفاذ القانون والدفاع والأمن",
                    "Chair of the Committee on Law Enforcement, Defence and Security",
                    "رئیس کمیته اجرای قانون، دفاع و امنیت",
                ),
                "majlisi-namoyandagon",
                None,
            )
        ],
    ),
    "dmitry-kobitsky": dict(
        honorific="mr",
        name=T(
            "ديمتري أركاديفيتش كوبيتسكي", "Dmitry Arkadievich Kobitsky", "دمیتری آرکادیویچ کوبیتسکی"
        ),
        positions=[(T("الأمين العام", "Secretary General", "دبیرکل"), "ipa-cis", None)],
    ),
    "sezin-sinanoglu": dict(
        honorific="ms",
        name=T("سيزين سينانوغلو", "Sezin Sinanoglu", "سزین سینان‌اوغلو"),
        positions=[
            (
                T("المنسقة المقيمة", "Resident Coordinator", "هماهنگ‌کننده مقیم"),
                "rco-tajikistan",
                None,
            )
        ],
    ),
    "antonio-guterres": dict(
        honorific="mr",
        name=T("أنطونيو غوتيريش", "António Guterres", "آنتونیو گوترش"),
        positions=[
            (T("الأمين العام", "Secretary-General", "دبیرکل"), "un", date(2017, 1, 1)),
        ],
    ),
    "emomali-rahmon": dict(
        honorific="he",
        name=T("إمام علي رحمان", "Emomali Rahmon", "امامعلی رحمان"),
        positions=[(T("رئيس الجمهورية", "President", "رئیس‌جمهور"), "tajikistan", None)],
    ),
    # The seed gives no Latin spelling: left for an editor to add, and until then the English
    # release names her in Arabic, as her page does, rather than guess one.
    "ogulgeren-niyazberdieva": dict(
        honorific="ms",
        name=T("أوغولجيرين نيازبردييفا", "", "اوغولجرین نیازبردی‌یوا"),
        positions=[
            (
                T(
                    "رئيسة مكتب وكيل الأمين العام",
                    "Chief of the Office of the Under-Secretary-General",
                    "رئیس دفتر معاون دبیرکل",
                ),
                "unoct",
                None,
            )
        ],
    ),
    "abdallah-al-mouallimi": dict(
        honorific="ambassador",
        name=T("عبد الله المعلمي", "Abdallah Al-Mouallimi", "عبدالله المعلمی"),
        positions=[
            (
                T(
                    "الممثل الدائم لدى الأمم المتحدة",
                    "Permanent Representative to the United Nations",
                    "نماینده دائم در سازمان ملل متحد",
                ),
                "saudi-arabia",
                None,
            ),
            (
                T("رئيس المجلس الاستشاري", "Chair of the Advisory Board", "رئیس هیئت مشورتی"),
                "uncct",
                None,
            ),
        ],
    ),
    "jehangir-khan": dict(
        honorific="dr",
        name=T("جهانغير خان", "Jehangir Khan", "جهانگیر خان"),
        positions=[(T("المدير", "Director", "مدیر"), "uncct", None)],
    ),
    "ghada-fathi-waly": dict(
        honorific="ms",
        name=T("غادة فتحي والي", "Ghada Fathi Waly", "غاده فتحی والی"),
        positions=[(T("المديرة التنفيذية", "Executive Director", "مدیر اجرایی"), "unodc", None)],
    ),
    "michele-coninsx": dict(
        honorific="ms",
        name=T("ميشيل كونينكس", "Michèle Coninsx", "میشل کونینکس"),
        positions=[
            (
                T(
                    "الأمينة العامة المساعدة والمديرة التنفيذية",
                    "Assistant Secretary-General and Executive Director",
                    "دستیار دبیرکل و مدیر اجرایی",
                ),
                "cted",
                None,
            )
        ],
    ),
    "abdel-aziz-aluwaisheg": dict(
        honorific="dr",
        name=T("عبد العزيز العويشق", "Abdel Aziz Aluwaisheg", "عبدالعزیز العویشق"),
        positions=[
            (
                T(
                    "الأمين العام المساعد للشؤون السياسية والمفاوضات",
                    "Assistant Secretary-General for Political Affairs and Negotiations",
                    "دستیار دبیرکل در امور سیاسی و مذاکرات",
                ),
                "gcc",
                None,
            )
        ],
    ),
    "idriss-lallali": dict(
        honorific="mr",
        name=T("إدريس لالالي", "Idriss Lallali", "ادریس لالالی"),
        positions=[(T("المدير بالإنابة", "Acting Director", "مدیر موقت"), "acsrt", None)],
    ),
    "edmund-fitton-brown": dict(
        honorific="mr",
        name=T("إدموند فيتون براون", "Edmund Fitton-Brown", "ادموند فیتون-براون"),
        positions=[
            (
                T(
                    "منسق فريق رصد تنظيم الدولة الإسلامية (داعش) والقاعدة وطالبان",
                    "Coordinator, ISIL (Da'esh)/Al-Qaida/Taliban Monitoring Team",
                    "هماهنگ‌کننده تیم نظارت بر داعش، القاعده و طالبان",
                ),
                "un",
                None,
            )
        ],
    ),
    "eelco-kessels": dict(
        honorific="mr",
        name=T("إلكو كيسيلز", "Eelco Kessels", "ایلکو کسلز"),
        positions=[
            (T("المدير التنفيذي", "Executive Director", "مدیر اجرایی"), "global-center", None)
        ],
    ),
    # The Arabic seed spells these two names in Arabic only; the English release, in Latin.
    "searcct-director-general": dict(
        honorific="dr",
        name=T("شواه تيونغ بان", "Chuah Teong Ban", ""),
        positions=[(T("المدير العام", "Director-General", "مدیر کل"), "searcct", None)],
    ),
    "oas-cicte-deputy-executive-secretary": dict(
        honorific="ms",
        name=T("فيوليندا بوتيت", "Violanda Botet", ""),
        positions=[
            (
                T(
                    "نائبة المدير التنفيذي",
                    "Deputy Executive Secretary",
                    "معاون دبیر اجرایی",
                ),
                "oas-cicte",
                None,
            )
        ],
    ),
    "sultan-al-muraikhi": dict(
        honorific="he",
        name=T("سلطان بن سعد المريخي", "Sultan bin Saad Al-Muraikhi", "سلطان بن سعد المریخی"),
        positions=[
            (
                T(
                    "وزير الدولة للشؤون الخارجية",
                    "Minister of State for Foreign Affairs",
                    "وزیر مشاور در امور خارجه",
                ),
                "qatar",
                None,
            )
        ],
    ),
    "abdulaziz-al-ansari": dict(
        honorific="maj_gen",
        name=T(
            "عبد العزيز عبد الله الأنصاري",
            "Abdulaziz Abdullah Al-Ansari",
            "عبدالعزیز عبدالله الانصاری",
        ),
        positions=[
            (
                T(
                    "مدير إدارة التعاون الدولي بوزارة الداخلية ورئيس اللجنة الوطنية لمكافحة الإرهاب",
                    "Director of International Cooperation, Ministry of Interior, and Chair of "
                    "the National Counter-Terrorism Committee",
                    "مدیر همکاری‌های بین‌المللی وزارت کشور و رئیس کمیته ملی مبارزه با تروریسم",
                ),
                "qatar",
                None,
            )
        ],
    ),
    "alya-al-thani": dict(
        honorific="sheikha",
        name=T(
            "علياء أحمد بن سيف آل ثاني",
            "Alya Ahmed bin Saif Al-Thani",
            "علیا احمد بن سیف آل ثانی",
        ),
        positions=[
            (
                T(
                    "المندوبة الدائمة لدى الأمم المتحدة",
                    "Permanent Representative to the United Nations",
                    "نماینده دائم در سازمان ملل متحد",
                ),
                "qatar",
                None,
            )
        ],
    ),
    "cho-hyun": dict(
        honorific="ambassador",
        name=T("تشو هيون", "Cho Hyun", "چو هیون"),
        positions=[
            (
                T(
                    "الممثل الدائم لدى الأمم المتحدة",
                    "Permanent Representative to the United Nations",
                    "نماینده دائم در سازمان ملل متحد",
                ),
                "republic-of-korea",
                None,
            )
        ],
    ),
}

USG = T(
    "وكيل الأمين العام لمكافحة الإرهاب",
    "Under-Secretary-General for Counter-Terrorism",
    "معاون دبیرکل در امور مبارزه با تروریسم",
)

# Participations: (person, role, title as stated there, affiliation)
EVENTS = {
    "icsant-advocacy-tajikistan-2021": dict(
        title=T(
            "الفعالية الدعوية الوطنية مع البرلمانيين الطاجيك بشأن تشجيع الانضمام العالمي للاتفاقية "
            "الدولية لقمع أعمال الإرهاب النووي وتنفيذها",
            "National advocacy event with Tajik parliamentarians on universal adherence to and "
            "implementation of ICSANT",
            "رویداد ترویجی ملی با نمایندگان پارلمان تاجیکستان درباره پیوستن همگانی به ICSANT و "
            "اجرای آن",
        ),
        kind="advocacy_event",
        format="hybrid",
        # The release says only that the event concluded on this day.
        start_date=date(2021, 2, 25),
        date_precision="day",
        country="TJ",
        organisers=["uncct"],
        partners=[
            "unodc",
            "iaea",
            "interpol",
            "ola",
            "ipa-cis",
            "majlisi-namoyandagon",
            "rco-tajikistan",
        ],
        programme="icsant-project",
        participations=[
            (
                "vladimir-voronkov",
                "opened",
                T(
                    "وكيل الأمين العام لمكافحة الإرهاب والمدير التنفيذي لمركز الأمم المتحدة لمكافحة الإرهاب",
                    "Under-Secretary-General for Counter-Terrorism and Executive Director of UNCCT",
                    "معاون دبیرکل در امور مبارزه با تروریسم و مدیر اجرایی UNCCT",
                ),
                "unoct",
            ),
            (
                "rustam-shohmurod",
                "opened",
                T(
                    "رئيس اللجنة البرلمانية المعنية بإنفاذ القانون والدفاع والأمن",
                    "Chair of the Parliamentary Committee on Law Enforcement, Defence and Security",
                    "رئیس کمیته پارلمانی اجرای قانون، دفاع و امنیت",
                ),
                "majlisi-namoyandagon",
            ),
            (
                "dmitry-kobitsky",
                "opened",
                T("الأمين العام", "Secretary General", "دبیرکل"),
                "ipa-cis",
            ),
            (
                "sezin-sinanoglu",
                "opened",
                T(
                    "المنسقة المقيمة للأمم المتحدة في طاجيكستان",
                    "United Nations Resident Coordinator in Tajikistan",
                    "هماهنگ‌کننده مقیم سازمان ملل متحد در تاجیکستان",
                ),
                "rco-tajikistan",
            ),
        ],
    ),
    "border-security-conference-dushanbe-2022": dict(
        title=T(
            "المؤتمر الدولي رفيع المستوى بشأن التعاون الدولي والإقليمي في أمن الحدود وإدارتها "
            "لمكافحة الإرهاب ومنع حركة الإرهابيين",
            "High-Level International Conference on International and Regional Border Security "
            "and Management Cooperation to Counter Terrorism and Prevent the Movement of "
            "Terrorists",
            "کنفرانس بین‌المللی سطح بالا درباره همکاری بین‌المللی و منطقه‌ای در امنیت و مدیریت "
            "مرزها برای مبارزه با تروریسم و جلوگیری از جابه‌جایی تروریست‌ها",
        ),
        kind="conference",
        format="in_person",
        # The seed gives no date; these are the dates public reports give.
        start_date=date(2022, 10, 18),
        end_date=date(2022, 10, 19),
        date_precision="day",
        city=T("دوشانبي", "Dushanbe", "دوشنبه"),
        country="TJ",
        organisers=["unoct"],
        partners=["tajikistan"],
        participations=[
            (
                "antonio-guterres",
                "video_message",
                T(
                    "الأمين العام للأمم المتحدة",
                    "Secretary-General of the United Nations",
                    "دبیرکل سازمان ملل متحد",
                ),
                "un",
            ),
            (
                "emomali-rahmon",
                "spoke",
                T("رئيس طاجيكستان", "President of Tajikistan", "رئیس‌جمهور تاجیکستان"),
                "tajikistan",
            ),
            (
                "vladimir-voronkov",
                "spoke",
                T("مدير مكتب الأمم المتحدة لمكافحة الإرهاب", "Head of UNOCT", "رئیس دفتر UNOCT"),
                "unoct",
            ),
            (
                "ogulgeren-niyazberdieva",
                "spoke",
                T(
                    "رئيسة مكتب وكيل الأمين العام",
                    "Chief of the Office of the Under-Secretary-General",
                    "رئیس دفتر معاون دبیرکل",
                ),
                "unoct",
            ),
        ],
    ),
    "virtual-roundtable-pcve-2020": dict(
        title=T(
            "حلقة النقاش الافتراضية لكيانات مكافحة الإرهاب ومنع التطرف العنيف ومكافحته ومراكز "
            "التميز",
            "Virtual Roundtable of Counter-Terrorism and PCVE Entities and Centres of Excellence",
            "میزگرد مجازی نهادهای مبارزه با تروریسم و پیشگیری و مقابله با افراط‌گرایی خشونت‌آمیز و "
            "مراکز تعالی",
        ),
        kind="roundtable",
        format="virtual",
        start_date=date(2020, 12, 8),
        end_date=date(2020, 12, 10),
        date_precision="day",
        organisers=["uncct"],
        partners=[
            "unodc",
            "searcct",
            "cted",
            "gcc",
            "acsrt",
            "global-center",
            "oas-cicte",
            "saudi-arabia",
        ],
        participant_count=90,
        participant_count_qualifier="more_than",
        organisation_count=39,
        organisation_count_qualifier="exactly",
        outcome=T(
            "تسهم نتائج حلقة النقاش في تطوير برنامج العمل الاستراتيجي الجديد لمركز الأمم المتحدة "
            "لمكافحة الإرهاب.",
            "The roundtable's results will feed into the development of UNCCT's new strategic "
            "programme of work.",
            "نتایج این میزگرد به تدوین برنامه کاری راهبردی جدید UNCCT کمک خواهد کرد.",
        ),
        sessions=[
            T(
                "بناء شراكات استراتيجية عبر الأقاليم",
                "Building strategic cross-regional partnerships",
                "ایجاد مشارکت‌های راهبردی میان‌منطقه‌ای",
            ),
            T(
                "دور حقوق الإنسان في مكافحة الإرهاب",
                "The role of human rights in countering terrorism",
                "نقش حقوق بشر در مبارزه با تروریسم",
            ),
            T(
                "معالجة ظاهرة المقاتلين الإرهابيين الأجانب من خلال الملاحقة القضائية وإعادة التأهيل "
                "وإعادة الإدماج",
                "Addressing foreign terrorist fighters through prosecution, rehabilitation and "
                "reintegration",
                "رسیدگی به پدیده جنگجویان تروریست خارجی از طریق پیگرد قضایی، بازپروری و بازگرداندن به "
                "جامعه",
            ),
            T(
                "الأمن السيبراني والتقنيات الجديدة",
                "Cybersecurity and new technologies",
                "امنیت سایبری و فناوری‌های نوین",
            ),
            T("أمن وإدارة الحدود", "Border security and management", "امنیت و مدیریت مرزها"),
        ],
        participations=[
            (
                "vladimir-voronkov",
                "co_hosted",
                T(
                    "وكيل الأمين العام رئيس مكتب الأمم المتحدة لمكافحة الإرهاب والمدير التنفيذي لمركز "
                    "الأمم المتحدة لمكافحة الإرهاب",
                    "Under-Secretary-General, head of UNOCT and Executive Director of UNCCT",
                    "معاون دبیرکل، رئیس UNOCT و مدیر اجرایی UNCCT",
                ),
                "unoct",
            ),
            (
                "abdallah-al-mouallimi",
                "co_hosted",
                T(
                    "الممثل الدائم للمملكة العربية السعودية لدى الأمم المتحدة ورئيس المجلس الاستشاري "
                    "لمركز الأمم المتحدة لمكافحة الإرهاب",
                    "Permanent Representative of Saudi Arabia to the United Nations and Chair of the "
                    "UNCCT Advisory Board",
                    "نماینده دائم عربستان سعودی در سازمان ملل متحد و رئیس هیئت مشورتی UNCCT",
                ),
                "saudi-arabia",
            ),
            (
                "jehangir-khan",
                "moderated",
                T("مدير مركز الأمم المتحدة لمكافحة الإرهاب", "Director of UNCCT", "مدیر UNCCT"),
                "uncct",
            ),
            (
                "ghada-fathi-waly",
                "spoke",
                T("المديرة التنفيذية", "Executive Director", "مدیر اجرایی"),
                "unodc",
            ),
            (
                "searcct-director-general",
                "spoke",
                T("المدير العام", "Director-General", "مدیر کل"),
                "searcct",
            ),
            (
                "michele-coninsx",
                "spoke",
                T(
                    "الأمينة العامة المساعدة والمديرة التنفيذية",
                    "Assistant Secretary-General and Executive Director",
                    "دستیار دبیرکل و مدیر اجرایی",
                ),
                "cted",
            ),
            (
                "abdel-aziz-aluwaisheg",
                "spoke",
                T(
                    "الأمين العام المساعد للشؤون السياسية والمفاوضات",
                    "Assistant Secretary-General for Political Affairs and Negotiations",
                    "دستیار دبیرکل در امور سیاسی و مذاکرات",
                ),
                "gcc",
            ),
            (
                "idriss-lallali",
                "spoke",
                T("المدير بالإنابة", "Acting Director", "مدیر موقت"),
                "acsrt",
            ),
            (
                "edmund-fitton-brown",
                "spoke",
                T(
                    "منسق فريق رصد تنظيم الدولة الإسلامية (داعش) والقاعدة وطالبان",
                    "Coordinator, ISIL (Da'esh)/Al-Qaida/Taliban Monitoring Team",
                    "هماهنگ‌کننده تیم نظارت بر داعش، القاعده و طالبان",
                ),
                None,
            ),
            (
                "eelco-kessels",
                "spoke",
                T("المدير التنفيذي", "Executive Director", "مدیر اجرایی"),
                "global-center",
            ),
            (
                "oas-cicte-deputy-executive-secretary",
                "spoke",
                T("نائبة المدير التنفيذي", "Deputy Executive Secretary", "معاون دبیر اجرایی"),
                "oas-cicte",
            ),
        ],
    ),
    "beneficiaries-forum-doha": dict(
        title=T(
            "المنتدى السنوي الأول لمستفيدي المساعدة الفنية في مكافحة الإرهاب",
            "First Annual Forum of Beneficiaries of Counter-Terrorism Technical Assistance",
            "نخستین مجمع سالانه بهره‌مندان از کمک‌های فنی مبارزه با تروریسم",
        ),
        kind="forum",
        format="in_person",
        # "last Thursday", says the release.
        start_date=last_weekday(calendar.THURSDAY, before=DOHA_FORUM_REPORTED),
        date_precision="day",
        city=T("الدوحة", "Doha", "دوحه"),
        country="QA",
        organisers=["qatar", "unoct"],
        outcome=T(
            "وافق المنتدى على إعداد وثيقة نتائج تتضمن توجيهات حول أفضل الممارسات والتوصيات لتعزيز "
            "المساعدة الفنية وبناء القدرات المقدمة من مكتب الأمم المتحدة لمكافحة الإرهاب وشركائه.",
            "The Forum agreed to prepare an outcome document with guidance on best practices and "
            "recommendations to strengthen the technical assistance and capacity building that "
            "UNOCT and its implementing partners provide.",
            "مجمع با تهیه سند نتایجی موافقت کرد که رهنمودهایی درباره بهترین شیوه‌ها و توصیه‌هایی "
            "برای تقویت کمک فنی و ظرفیت‌سازی UNOCT و شرکای اجرایی آن در بر دارد.",
        ),
        participations=[
            (
                "sultan-al-muraikhi",
                "announced",
                T(
                    "وزير الدولة للشؤون الخارجية",
                    "Minister of State for Foreign Affairs",
                    "وزیر مشاور در امور خارجه",
                ),
                "qatar",
            ),
            (
                "vladimir-voronkov",
                "spoke",
                T(
                    "وكيل الأمين العام للأمم المتحدة ورئيس مكتب الأمم المتحدة لمكافحة الإرهاب",
                    "Under-Secretary-General and head of UNOCT",
                    "معاون دبیرکل و رئیس UNOCT",
                ),
                "unoct",
            ),
            (
                "abdulaziz-al-ansari",
                "spoke",
                T(
                    "مدير إدارة التعاون الدولي بوزارة الداخلية، رئيس اللجنة الوطنية لمكافحة الإرهاب",
                    "Director of International Cooperation, Ministry of Interior; Chair of the "
                    "National Counter-Terrorism Committee",
                    "مدیر همکاری‌های بین‌المللی وزارت کشور؛ رئیس کمیته ملی مبارزه با تروریسم",
                ),
                "qatar",
            ),
            (
                "alya-al-thani",
                "spoke",
                T(
                    "المندوبة الدائمة لدولة قطر لدى الأمم المتحدة",
                    "Permanent Representative of Qatar to the United Nations",
                    "نماینده دائم قطر در سازمان ملل متحد",
                ),
                "qatar",
            ),
        ],
    ),
    "vulnerable-targets-network-launch": dict(
        title=T(
            "إطلاق الشبكة العالمية للخبراء والممارسين بشأن حماية البنية التحتية الحيوية والأهداف "
            "المعرضة للخطر",
            "Launch of the Global Network of Experts and Practitioners on the Protection of "
            "Critical Infrastructure and Vulnerable Targets",
            "راه‌اندازی شبکه جهانی کارشناسان و دست‌اندرکاران حفاظت از زیرساخت‌های حیاتی و اهداف "
            "آسیب‌پذیر",
        ),
        kind="launch",
        format="virtual",
        # "today, Tuesday", says the release.
        start_date=NETWORK_LAUNCH_REPORTED,
        date_precision="day",
        organisers=["unoct"],
        partners=["qatar", "republic-of-korea"],
        programme="vulnerable-targets",
        participant_count=200,
        participant_count_qualifier="about",
        participations=[
            ("vladimir-voronkov", "opened", USG, "unoct"),
            (
                "alya-al-thani",
                "opened",
                T(
                    "مندوبة قطر الدائمة لدى الأمم المتحدة",
                    "Permanent Representative of Qatar to the United Nations",
                    "نماینده دائم قطر در سازمان ملل متحد",
                ),
                "qatar",
            ),
            (
                "cho-hyun",
                "opened",
                T(
                    "الممثل الدائم لجمهورية كوريا لدى الأمم المتحدة",
                    "Permanent Representative of the Republic of Korea to the United Nations",
                    "نماینده دائم جمهوری کره در سازمان ملل متحد",
                ),
                "republic-of-korea",
            ),
        ],
    ),
}

# Keyed by seed file. Titles given here replace the importer's provisional ones; the English and
# Persian text comes from translations/<seed>.<language>.txt. `corrections` are an editor's, made
# to the imported Arabic before it is published, in order: (scraped words or pattern, edited).
RELEASES = {
    "000_e54f5213487fe7ca.txt": dict(
        kind="press_release",
        events=["icsant-advocacy-tajikistan-2021"],
        people=["vladimir-voronkov", "rustam-shohmurod", "dmitry-kobitsky", "sezin-sinanoglu"],
        organisations=[
            "uncct",
            "unoct",
            "unodc",
            "iaea",
            "interpol",
            "ola",
            "eu",
            "ipa-cis",
            "majlisi-namoyandagon",
            "tajikistan",
            "rco-tajikistan",
        ],
        topics=[
            "nuclear-terrorism",
            "parliamentary-engagement",
            "international-cooperation",
            "technical-assistance",
        ],
        quotes=[
            (
                "vladimir-voronkov",
                "icsant-advocacy-tajikistan-2021",
                T(
                    "إن الهدف من فعالية اليوم هو إذكاء الوعي بخطر الإرهاب النووي وبالطريق الذي يمكن أن "
                    "تسلكه طاجيكستان للانضمام إلى الاتفاقية",
                    "The goal of today's event is to raise awareness both of the threat of nuclear "
                    "terrorism and of the path Tajikistan can take to join the Convention.",
                ),
            ),
        ],
    ),
    "001_712150a91ededc25.txt": dict(
        kind="news",
        published_on=date(2022, 10, 20),
        source_name=T(
            "جمعية للدفاع عن ضحايا الإرهاب",
            "Association for Defending Victims of Terrorism",
            "انجمن دفاع از قربانیان تروریسم",
        ),
        source_organisation="victims-association",
        corrections=[
            (DETACHED_WAW, "و"),
            # The scrape lost the end of the Secretary-General's quotation.
            ("في آسيا الوسطى وخارجها.", 'في آسيا الوسطى وخارجها."'),
            # The release names the President as his record does, once "رحمان", once "رحمن".
            ("إمام علي رحمن،", "إمام علي رحمان،"),
        ],
        events=["border-security-conference-dushanbe-2022"],
        people=[
            "antonio-guterres",
            "emomali-rahmon",
            "vladimir-voronkov",
            "ogulgeren-niyazberdieva",
        ],
        organisations=["unoct", "un", "tajikistan", "victims-association"],
        topics=["border-security", "international-cooperation", "human-rights"],
        quotes=[
            (
                "antonio-guterres",
                "border-security-conference-dushanbe-2022",
                T(
                    "تتطلب التهديدات عبر الوطنية مثل الإرهاب بطبيعتها حلولاً مشتركة ومتعددة الأطراف.",
                    "By their very nature, transnational threats such as terrorism require joint, "
                    "multilateral solutions.",
                    "تهدیدهای فراملی مانند تروریسم ذاتاً نیازمند راه‌حل‌های مشترک و چندجانبه است.",
                ),
            ),
            (
                "vladimir-voronkov",
                "border-security-conference-dushanbe-2022",
                T(
                    "لا خيار أمامنا سوى تعزيز الجهود المشتركة لمنع الإرهاب ومكافحته.",
                    "We have no choice but to strengthen our joint efforts to prevent and counter "
                    "terrorism.",
                    "ما چاره‌ای جز تقویت تلاش‌های مشترک برای پیشگیری و مقابله با تروریسم نداریم.",
                ),
            ),
        ],
    ),
    "002_244e17bef00f2ebe.txt": dict(
        kind="press_release",
        title_ar="مركز الأمم المتحدة لمكافحة الإرهاب يطلق حلقة نقاش افتراضية لكيانات مكافحة "
        "الإرهاب ومنع التطرف العنيف ومكافحته ومراكز التميز",
        dateline=T("الأمم المتحدة", "United Nations", "سازمان ملل متحد"),
        corrections=[
            ("حفلة النقاش", "حلقة النقاش"),
            ("حقلة النقاش", "حلقة النقاش"),
            ("التطرف العنفي", "التطرف العنيف"),
            ("أمل أن نتمكن", "آمل أن نتمكن"),
            # A garbled clause of the quotation, worded as the office's English has it.
            (
                "بينكم جميعاً أيضاً بصفة مركز الأمم المتحدة لمكافحة الإرهاب على أهل الاستعداد "
                "لدعم هذه الجهة",
                "بينكم جميعاً أيضاً، مع وقوف مركز الأمم المتحدة لمكافحة الإرهاب على أهبة "
                "الاستعداد لدعم هذا الجهد",
            ),
            # The roundtable is the Centre's, not a committee's.
            ("للجنة الأمم المتحدة لمكافحة الإرهاب خمس", "لمركز الأمم المتحدة لمكافحة الإرهاب خمس"),
            ("سنتسمم", "ستسهم"),
            ("المثلثى", "المثلى"),
            ("وشركاءها", "وشركائها"),
            ("المعنى بالمخدرات", "المعني بالمخدرات"),
            ("د. السيد شواه", "د. شواه"),  # one title, as for the others
            # His name, as his record spells it.
            ("عبد العزيز العويش الأمين", "عبد العزيز العويشق، الأمين"),
            ("بالإثابة", "بالإنابة"),
            # Ms. Botet, as the English release and her record have it.
            ("والسيد فيوليندا", "والسيدة فيوليندا"),
            ("الأمريكية.(OAS/CICTE)", "الأمريكية (OAS/CICTE)."),
        ],
        events=["virtual-roundtable-pcve-2020"],
        people=[
            "vladimir-voronkov",
            "abdallah-al-mouallimi",
            "jehangir-khan",
            "ghada-fathi-waly",
            "searcct-director-general",
            "michele-coninsx",
            "abdel-aziz-aluwaisheg",
            "idriss-lallali",
            "edmund-fitton-brown",
            "eelco-kessels",
            "oas-cicte-deputy-executive-secretary",
        ],
        organisations=[
            "uncct",
            "unoct",
            "unodc",
            "searcct",
            "cted",
            "gcc",
            "acsrt",
            "global-center",
            "oas-cicte",
            "saudi-arabia",
        ],
        topics=[
            "pcve",
            "human-rights",
            "foreign-terrorist-fighters",
            "cybersecurity",
            "border-security",
            "international-cooperation",
        ],
        quotes=[
            (
                "vladimir-voronkov",
                "virtual-roundtable-pcve-2020",
                T(
                    "منذ إنشائه قبل ما يقرب من 10 سنوات، عمل مركز مكافحة الإرهاب مع العديد من الجهات "
                    "الموجودة اليوم. نحن ممتنون لهذا التعاون الذي أتاح أن يكون لنا تأثير أعمق في عملنا.",
                    "Since its establishment almost 10 years ago, the Counter-Terrorism Centre has "
                    "worked with many of the entities present today. We are grateful for this "
                    "cooperation, which has enabled us to have a deeper impact in our work.",
                ),
            ),
        ],
    ),
    "003_6ca65b4004021384.txt": dict(
        kind="news",
        published_on=DOHA_FORUM_REPORTED,
        events=["beneficiaries-forum-doha"],
        people=["sultan-al-muraikhi", "vladimir-voronkov", "abdulaziz-al-ansari", "alya-al-thani"],
        organisations=["qatar", "unoct"],
        topics=["technical-assistance", "human-rights", "international-cooperation"],
        quotes=[],
    ),
    "004_5a1b13534b1d6e5d.txt": dict(
        kind="news",
        title_ar="إطلاق الشبكة العالمية للخبراء والممارسين بشأن حماية البنية التحتية الحيوية "
        "والأهداف المعرضة للخطر",
        published_on=NETWORK_LAUNCH_REPORTED,
        corrections=[
            (DETACHED_WAW, "و"),
            # The platform is the Office of Counter-Terrorism's, not the drugs office's.
            ("منصة تابعة لمكتب مكافحة المخدرات", "منصة تابعة لمكتب الأمم المتحدة لمكافحة الإرهاب"),
            ("للمعلومات مضللة", "للمعلومات المضللة"),
        ],
        events=["vulnerable-targets-network-launch"],
        people=["vladimir-voronkov", "alya-al-thani", "cho-hyun"],
        organisations=[
            "unoct",
            "qatar",
            "republic-of-korea",
            "unaoc",
            "unicri",
            "cted",
            "interpol",
        ],
        topics=["vulnerable-targets", "international-cooperation", "pcve"],
        quotes=[
            (
                "vladimir-voronkov",
                "vulnerable-targets-network-launch",
                T(
                    "الشبكة العالمية ستساهم في هذا الجهد من خلال تعزيز التآزر بين الخبراء من القطاعين "
                    "العام والخاص وكذلك الأوساط الأكاديمية والمجتمع المدني والمنظمات الدولية والإقليمية",
                    "The Global Network will contribute to this effort by fostering synergies among "
                    "experts from the public and private sectors, as well as academia, civil society "
                    "and international and regional organisations.",
                ),
            ),
        ],
    ),
}

PLEDGES = [
    dict(
        donor="qatar",
        recipient="unoct",
        amount=15_000_000,
        currency="USD",
        amount_basis="per_year",
        first_year=2024,
        last_year=2026,
        announced_at="beneficiaries-forum-doha",
        announced_by="sultan-al-muraikhi",
        reported_in="003_6ca65b4004021384.txt",
        description=T(
            "تجديد دعم قطر لمكتب الأمم المتحدة لمكافحة الإرهاب",
            "Qatar renews its support to UNOCT",
            "تمدید حمایت قطر از UNOCT",
        ),
    ),
    dict(
        donor="qatar",
        recipient="unoct",
        programme="vulnerable-targets",
        reported_in="004_5a1b13534b1d6e5d.txt",
        description=T(
            "قطر هي الممول الرئيسي للبرنامج",
            "Qatar is the programme's main funder",
            "قطر تأمین‌کننده اصلی مالی این برنامه است",
        ),
    ),
    dict(
        donor="republic-of-korea",
        recipient="unoct",
        programme="connect-and-learn",
        reported_in="004_5a1b13534b1d6e5d.txt",
        description=T(
            "تمول جمهورية كوريا منصة UNOCT Connect & Learn",
            "The Republic of Korea funds the UNOCT Connect & Learn platform",
            "جمهوری کره هزینه سکوی UNOCT Connect & Learn را تأمین می‌کند",
        ),
    ),
]
