"""Interface strings of Django and of the packages the admin uses that their own Arabic or
Persian catalogues lack (Django 6's newest among them) or translate wrongly: listed here so that
makemessages keeps them in ours (locale/ar, locale/fa), which LOCALE_PATHS reads first. Nothing
imports this module; makemessages reads it. core/catalogue_gaps.js does the same for the
admin's scripts.

A string Persian lacks would not show in English but in Arabic: Django falls back to the
LANGUAGE_CODE's catalogue. tests/test_admin_in_every_language.py checks that Persian has every
string Arabic has.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

STRINGS = [
    # Django's admin
    gettext_noop("Select this object for an action - {}"),
    gettext_noop('The app "%s" could not be found.'),
    # Django's Arabic says "added" for this one.
    gettext_noop("The {name} “{obj}” was changed successfully."),
    ngettext_lazy("…and %(count)d more object.", "…and %(count)d more objects.", "n"),
    gettext_noop("Run"),
    gettext_noop("Breadcrumbs"),
    gettext_noop("Model name"),
    ngettext_lazy("Please correct the error below.", "Please correct the errors below.", "n"),
    gettext_noop(
        "This action will <strong>enable</strong> password-based authentication for this user."
    ),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would result in deleting related "
        "objects, but your account doesn't have permission to delete the following types of "
        "objects:"
    ),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would require deleting the following "
        "protected related objects:"
    ),
    gettext_noop(
        "Are you sure you want to delete the %(object_name)s “%(escaped_object)s”? All of the "
        "following related items will be deleted:"
    ),
    gettext_noop("Pagination %(name)s entries"),
    ngettext_lazy("entry", "entries", "n"),
    gettext_noop("Logout"),
    gettext_noop("In case you’ve forgotten, you are:"),
    # Django's forms, models, validators and accounts
    gettext_noop("Conflicting form data submitted. Please try again."),
    gettext_noop("Password-based authentication was disabled."),
    gettext_noop("Set password: %s"),
    gettext_noop("Reset password"),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. If disabled, "
        "they may still be able to authenticate using other backends, such as Single Sign-On or "
        "LDAP."
    ),
    gettext_noop("Password-based authentication"),
    gettext_noop("Enabled"),
    gettext_noop("Disabled"),
    gettext_noop("Raw passwords are not stored, so there is no way to see the user’s password."),
    gettext_noop("Enable password-based authentication for this user by setting a password."),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "n",
    ),
    gettext_noop(
        "Enter a valid username. This value may contain only unaccented lowercase a-z and "
        "uppercase A-Z letters, numbers, and @/./+/-/_ characters."
    ),
    gettext_noop("Enter a valid domain name."),
    gettext_noop("Enter a valid %(protocol)s address."),
    gettext_noop("IPv4"),
    gettext_noop("IPv6"),
    gettext_noop("IPv4 or IPv6"),
    gettext_noop("Ensure this value is a multiple of step size %(limit_value)s."),
    gettext_noop(
        "Ensure this value is a multiple of step size %(limit_value)s, starting from %(offset)s, "
        "e.g. %(offset)s, %(valid_value1)s, %(valid_value2)s, and so on."
    ),
    gettext_noop("Constraint “%(name)s” is violated."),
    gettext_noop("- Select an option -"),
    gettext_noop("“%(value)s” is not a valid binary value."),
    gettext_noop("%(model)s instance with %(field)s %(value)r is not a valid choice."),
    ngettext_lazy(
        "Please submit at most %(num)d form.", "Please submit at most %(num)d forms.", "n"
    ),
    ngettext_lazy(
        "Please submit at least %(num)d form.", "Please submit at least %(num)d forms.", "n"
    ),
    # Django's settings and PostgreSQL fields
    gettext_noop("Central Kurdish (Sorani)"),
    gettext_noop("Haitian Creole"),
    gettext_noop("Uyghur"),
    gettext_noop("Ensure that the upper bound of the range is not greater than %(limit_value)s."),
    gettext_noop("Ensure that the lower bound of the range is not less than %(limit_value)s."),
    # django-reversion (some here for a better Arabic than its own)
    gettext_noop("Comment"),
    gettext_noop(
        'The %(model)s "%(name)s" was reverted successfully. You may edit it again below.'
    ),
    gettext_noop("Could not load %(object_repr)s version - not found"),
    gettext_noop("Recover %(name)s"),
    gettext_noop("Revert %(name)s"),
    gettext_noop("Recover deleted %(name)s"),
    gettext_noop("Reversion"),
    gettext_noop("Could not save %(object_repr)s version - missing dependency."),
    gettext_noop("revision"),
    gettext_noop("revisions"),
    gettext_noop("Could not load %(object_repr)s version - incompatible version data."),
    gettext_noop("Could not load %(object_repr)s version - unknown serializer %(format)s."),
    gettext_noop("versions"),
    gettext_noop("Press the save button below to recover this version of the object."),
    gettext_noop("Choose a date from the list below to recover a deleted version of an object."),
    gettext_noop("There are no deleted objects to recover."),
    gettext_noop("Revert %(verbose_name)s"),
    gettext_noop("Press the save button below to revert to this version of the object."),
]
