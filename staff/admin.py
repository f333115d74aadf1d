"""Staff accounts in the admin, with the least privilege each role needs.

A superuser may do anything. An Administrator manages the newsroom's accounts: creates them,
deactivates them, gives other accounts the newsroom's roles and sends them a link to set their
password. It never changes its own roles or flags, never edits a superuser or another
Administrator, never grants superuser or the Administrator role, never sets anyone's password
and never edits a group (roles are defined in staff/roles.py). The fields it may not change are
not in its forms at all, so a hand-made POST of them is ignored; an account it may not edit is
read-only to it, and a POST to it is refused. Every change of an account's roles or flags is
written to the admin log, from what to what.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, PasswordResetForm
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext, override
from django.utils.translation import gettext_lazy as _

from . import roles
from .accounts import SYSTEM_USERNAME, is_system_account
from .models import StaffProfile

User = get_user_model()
FLAGS = ("is_active", "is_staff", "is_superuser")


def is_administrator(user):
    return user.groups.filter(name=roles.ADMINISTRATOR).exists()


def manages(actor, account):
    """Whether `actor` may change `account` beyond its own name and e-mail address."""
    if is_system_account(account):
        return False
    if actor.is_superuser:
        return True
    return account != actor and not account.is_superuser and not is_administrator(account)


def assignable_roles(actor):
    """The groups `actor` may give others: for all but a superuser, every role but Administrator."""
    groups = Group.objects.all()
    return groups if actor.is_superuser else groups.exclude(name=roles.ADMINISTRATOR)


def account_state(user):
    """What the log records of an account: its flags and roles."""
    return {
        **{flag: getattr(user, flag) for flag in FLAGS},
        "roles": sorted(user.groups.values_list("name", flat=True)),
    }


def state_change_message(before, after):
    """The change of flags and roles, from what to what, in English for the log."""

    def yes_no(value):
        return "yes" if value else "no"

    with override("en"):
        labels = {flag: capfirst(User._meta.get_field(flag).verbose_name) for flag in FLAGS}
        parts = [
            f"{labels[flag]}: {yes_no(before[flag])} → {yes_no(after[flag])}"
            for flag in FLAGS
            if before[flag] != after[flag]
        ]
    if before["roles"] != after["roles"]:
        parts.append(
            f"Roles: {', '.join(before['roles']) or 'none'} → {', '.join(after['roles']) or 'none'}"
        )
    return "; ".join(parts)


def refuse_reserved_username(username):
    if username == SYSTEM_USERNAME:
        raise forms.ValidationError(_("This name is reserved for the system's own account."))
    return username


class SuperuserAccountForm(AdminUserCreationForm):
    def clean_username(self):
        return refuse_reserved_username(super().clean_username())


class NewAccountForm(forms.ModelForm):
    """An account made by an Administrator: no password (its owner sets one from the link the
    Administrator sends), and staff, so that it can log in to the admin."""

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "groups"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True

    def clean_username(self):
        return refuse_reserved_username(self.cleaned_data["username"])

    def save(self, commit=True):
        user = super().save(commit=False)
        user.is_staff = True
        user.set_unusable_password()
        if commit:
            user.save()
            self.save_m2m()
        return user


class PasswordLinkForm(PasswordResetForm):
    """The reset e-mail of Django's password reset, sent to one chosen account: also to a new
    account, which has no password yet (Django's own form skips those)."""

    def __init__(self, account):
        super().__init__({"email": account.email})
        self.account = account

    def get_users(self, email):
        return [self.account] if self.account.is_active and self.account.email else []


class StaffProfileInline(admin.StackedInline):
    model = StaffProfile
    can_delete = False
    fields = ["language"]


admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    inlines = [StaffProfileInline]
    list_display = [*UserAdmin.list_display, "is_active"]
    list_filter = [*UserAdmin.list_filter, "groups"]
    actions = ["send_password_links"]
    add_form = SuperuserAccountForm

    def get_fieldsets(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        personal = (_("Personal info"), {"fields": ("first_name", "last_name", "email")})
        if obj is None:
            return (
                (None, {"fields": ("username",)}),
                personal,
                (_("Roles"), {"fields": ("groups",)}),
            )
        if not manages(request.user, obj):
            return ((None, {"fields": ("username",)}), personal)
        return (
            (None, {"fields": ("username",)}),
            personal,
            (_("Roles"), {"fields": ("is_active", "is_staff", "groups")}),
            (_("Important dates"), {"fields": ("last_login", "date_joined")}),
        )

    def get_form(self, request, obj=None, **kwargs):
        if obj is None and not request.user.is_superuser:
            kwargs["form"] = NewAccountForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser or obj is None:
            return super().get_readonly_fields(request, obj)
        if obj == request.user:
            return ["username", "last_login", "date_joined"]
        # The address a password link goes to: an Administrator who could change it could have
        # a link to anyone's account sent to itself.
        return ["username", "email", "last_login", "date_joined"]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        response = super().render_change_form(request, context, add, change, form_url, obj)
        if add and not request.user.is_superuser:
            # Django's page for a new account asks for a password first; this one has none.
            response.template_name = ["admin/auth/user/change_form.html", "admin/change_form.html"]
        return response

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            kwargs["queryset"] = assignable_roles(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if not allowed or obj is None:
            return allowed
        if is_system_account(obj):
            return False
        if request.user.is_superuser:
            return True
        # Their own name and address, and the accounts they manage.
        return obj == request.user or manages(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        # Deleting an account would delete its entries in the admin log: deactivate it instead.
        return request.user.is_superuser

    def user_change_password(self, request, id, form_url=""):
        # Nobody but a superuser sets another account's password; everyone changes their own
        # through the admin's "Change password", which asks for the old one.
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)

    def save_model(self, request, obj, form, change):
        # As stored: the form has already set the new flags on `obj`.
        request.account_before = account_state(User.objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        account = form.instance
        kept = []
        if change and "groups" in form.cleaned_data:
            # Groups the actor may not give are not in its form; an account keeps them.
            offered = assignable_roles(request.user)
            kept = list(Group.objects.filter(user=account).exclude(pk__in=offered))
        super().save_related(request, form, formsets, change)
        if kept:
            account.groups.add(*kept)

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        after = account_state(form.instance)
        if add:
            before = {flag: False for flag in FLAGS} | {"roles": []}
        else:
            before = getattr(request, "account_before", None) or after
        change = state_change_message(before, after)
        # The log's own words for the other fields, then the flags and roles from what to what.
        return [*message, {"changed": {"fields": [change]}}] if change else message

    @admin.action(description=_("Send a link to set the password"), permissions=["change"])
    def send_password_links(self, request, queryset):
        sent = 0
        for account in queryset:
            if not manages(request.user, account) or not account.email:
                self.message_user(
                    request,
                    gettext("%(account)s: no link sent (not an account you manage, or no address).")
                    % {"account": account},
                    messages.WARNING,
                )
                continue
            form = PasswordLinkForm(account)
            form.is_valid()
            form.save(request=request, use_https=request.is_secure())
            self.log_change(request, account, "Sent a link to set the password.")
            sent += 1
        self.message_user(
            request,
            ngettext("%(count)d link sent.", "%(count)d links sent.", sent) % {"count": sent},
            messages.SUCCESS,
        )


@admin.register(Group)
class RoleAdmin(GroupAdmin):
    """Roles are read here and defined in staff/roles.py: even a superuser's changes would be
    undone by the next migrate."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
