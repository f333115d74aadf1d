"""The newsroom's roles as Django groups, each with the least it needs.

`sync_roles` runs after every migrate, so a fresh database has the groups and a changed
definition here reaches existing databases on the next deploy: roles are defined here, in code,
and nobody edits a group's permissions in the admin.

Who may change each kind of public record:
- releases: editors write and correct drafts and submit them; publishers publish, schedule,
  unpublish and archive (and change what is published);
- pledges, the money the office reports: publishers only (editors and translators read them;
  translators may still translate a pledge's description);
- events, people, organisations, programmes and topics, the facts releases refer to: editors
  and publishers; translators, their own language's text only;
- staff accounts: administrators, within the limits of staff/admin.py; superusers, all.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from core.languages import CODES, english_name

# Content the newsroom edits, by app label and model.
CONTENT = {
    "newsroom": ["release", "quote", "topic", "languageversion"],
    "events": ["event", "session", "participation"],
    "people": ["person", "position"],
    "organisations": ["organisation", "programme", "programmefunder", "pledge"],
}
# Rows edited inside another object's form: removing one is part of editing that object.
INLINE_ROWS = ["quote", "session", "participation", "position", "programmefunder"]
# Records only a publisher adds, changes or deletes: the money the office reports.
PUBLISHERS_ONLY = ["pledge"]
# What a translator may change (only the translated fields of their language, enforced by the
# admin); a programme's funders and language versions' approval are not theirs.
TRANSLATABLE = [
    "release",
    "quote",
    "topic",
    "languageversion",
    "event",
    "session",
    "participation",
    "person",
    "position",
    "organisation",
    "programme",
    "pledge",
]

EDITOR = "Editor"
PUBLISHER = "Publisher"
ADMINISTRATOR = "Administrator"


def translator_group(language):
    return f"Translator ({english_name(language)})"


def _codenames(actions, models=None):
    return [
        (app, f"{action}_{model}")
        for app, app_models in CONTENT.items()
        for model in app_models
        if models is None or model in models
        for action in actions
    ]


def role_permissions():
    edited = [model for models in CONTENT.values() for model in models]
    editor = [
        *_codenames(["view"]),
        *_codenames(["add", "change"], [m for m in edited if m not in PUBLISHERS_ONLY]),
        *_codenames(["delete"], INLINE_ROWS),
    ]
    roles = {
        EDITOR: editor,
        PUBLISHER: [
            *editor,
            *_codenames(["add", "change", "delete"], PUBLISHERS_ONLY),
            ("newsroom", "publish_release"),
        ],
        # Accounts, within staff/admin.py's limits; groups are only read: roles live here.
        ADMINISTRATOR: [
            *_codenames(["view"]),
            ("auth", "view_user"),
            ("auth", "add_user"),
            ("auth", "change_user"),
            ("auth", "view_group"),
            ("staff", "view_staffprofile"),
            ("staff", "add_staffprofile"),
            ("staff", "change_staffprofile"),
        ],
    }
    for language in CODES:
        roles[translator_group(language)] = [
            *_codenames(["view"]),
            *_codenames(["change"], TRANSLATABLE),
            ("newsroom", f"translate_{language}"),
        ]
    return roles


def sync_roles(**kwargs):
    """Create or update every role group to hold exactly its permissions."""
    for name, codenames in role_permissions().items():
        condition = Q(pk__in=[])
        for app_label, codename in codenames:
            condition |= Q(content_type__app_label=app_label, codename=codename)
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(Permission.objects.filter(condition))
