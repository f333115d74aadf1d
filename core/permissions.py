"""What a staff member may write, asked by every admin: the permissions are defined on the
release model (app label "newsroom") and granted by the roles (staff/roles.py)."""

from .languages import CODES

PUBLISH = "newsroom.publish_release"


def translate_permission(language):
    return f"newsroom.translate_{language}"


def translation_languages(user):
    """The languages a translator may write in; None for staff who edit everything."""
    if user.is_superuser or user.has_perm("newsroom.add_release"):
        return None
    return {code for code in CODES if user.has_perm(translate_permission(code))}


def can_publish(user):
    return user.has_perm(PUBLISH)
