"""Spelling-tolerant matching for Arabic and Persian text.

The same word is written many ways: hamza forms of alef, ta marbuta or ha, alef maqsura or ya,
Persian or Arabic ya and kaf, tatweel, diacritics, three sets of digits. `normalise` folds them
into one spelling. Persian keeps its zero-width non-joiner's meaning (می‌خواهم is one word) and is
never stemmed; Arabic words are also indexed without their article and clitics (الـ، والـ، للـ),
so that ارهاب finds الإرهاب. PostgreSQL's own `arabic` configuration is not used: it mangles
Persian (برای becomes رای) and strips a leading ف from words such as فلسطين.
"""

import re
import unicodedata

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
FOLDS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ی": "ي",
        "ێ": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ک": "ك",
        "ګ": "ك",
        "ـ": None,  # tatweel
        "\u200c": None,  # zero-width non-joiner: joins the parts of one Persian word
        "\u200d": None,
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Persian digits
    }
)
WORD = re.compile(r"\w+")
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
# Longest first; a prefix is stripped only where the rest still reads as a word.
ARABIC_PREFIXES = ("وبال", "وال", "بال", "كال", "فال", "لل", "ال")
MIN_STEM = 3
# English is written both ways: a reader typing "centers" or "organization" finds "centres" and
# "organisation". Each British spelling is folded to the American one, in the text and the
# query alike, by its stem ({British: American}) or, for -ise verbs and -isation nouns, by rule.
AMERICAN_STEMS = {
    "centre": "center",
    "theatre": "theater",
    "metre": "meter",
    "litre": "liter",
    "fibre": "fiber",
    "calibre": "caliber",
    "programme": "program",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "analogue": "analog",
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "pretence": "pretense",
    "colour": "color",
    "labour": "labor",
    "behaviour": "behavior",
    "favour": "favor",
    "honour": "honor",
    "neighbour": "neighbor",
    "harbour": "harbor",
    "rumour": "rumor",
    "endeavour": "endeavor",
    "humour": "humor",
    "vigour": "vigor",
    "armour": "armor",
    "judgement": "judgment",
    "ageing": "aging",
    "enrolment": "enrollment",
    "fulfilment": "fulfillment",
    "travell": "travel",
    "cancell": "cancel",
    "counsell": "counsel",
    "labell": "label",
    "modell": "model",
    "signall": "signal",
    "fuell": "fuel",
}
BRITISH_STEM = re.compile("^(" + "|".join(sorted(AMERICAN_STEMS, key=len, reverse=True)) + ")")
# "organise", "organised", "organising", "organisation": long enough not to be "rise" or "wise".
ISE = re.compile(r"^([a-z]{4,})is(e|ed|es|ing|er|ers|ation|ations)$")


def normalise(text):
    """One spelling for every way of writing the same Arabic, Persian or Latin word."""
    text = unicodedata.normalize("NFKC", text or "")
    text = DIACRITICS.sub("", text).translate(FOLDS)
    return text.casefold()


def words(text):
    return WORD.findall(normalise(text))


def arabic_stem(word):
    """The word without its article or clitic prefix (والإرهاب → ارهاب), if enough remains."""
    for prefix in ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM:
            return word[len(prefix) :]
    return word


def american(word):
    """A Latin word in its American spelling: "centres" → "centers"; any other word as it is."""
    folded = BRITISH_STEM.sub(lambda match: AMERICAN_STEMS[match.group(1)], word)
    return ISE.sub(r"\1iz\2", folded)


def index_terms(text, *, arabic):
    """The terms a text is found by: its words, for Arabic their stems too, and for English
    their American spelling."""
    terms = []
    for word in words(text):
        terms.append(word)
        variants = {american(word), arabic_stem(word) if arabic else word}
        terms.extend(sorted(variants - {word}))
    return terms


def query_terms(query):
    """[{variants of one searched word}] from what a reader typed, in any of the languages."""
    return [{word, arabic_stem(word), american(word)} for word in words(query)][:12]


def local_digits(text, language):
    """Numbers in the digits a reader of `language` expects: Persian digits for Persian.

    Arabic keeps Latin digits, as UN Arabic documents do."""
    text = str(text)
    return text.translate(PERSIAN_DIGITS) if language == "fa" else text
