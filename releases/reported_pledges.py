"""A pledge reported in a release is public while the release is: the release's window of
publication (Release.public_window) is kept on its pledges (Pledge.public_from, public_until),
so that the funding page, its totals and the API read pledges alone, never a release per
pledge. Kept here, where both sides are known: when a pledge is saved, and when a release is.
A write that sends no signal (QuerySet.update, bulk_create, bulk_update) of a release's
status or dates, or of a pledge's release, calls `renew` for the pledges it touches."""

from django.db.models.signals import post_save, pre_save

from organisations.models import Pledge

from .models import Release

# What a release's window is made of.
WINDOW = ("status", "published_at", "expires_at")


def take_window(sender, instance, using=None, **kwargs):
    """Before a pledge is saved: the window of the release that reports it, as stored now (the
    release an admin form loaded may be older, and a restored revision's window is of its
    time). A fixture's release saved after its pledge gives its window then."""
    release = None
    if instance.reported_in_id is not None:
        release = Release.objects.using(using).filter(pk=instance.reported_in_id).only(*WINDOW)
        release = release.first()
    instance.public_from, instance.public_until = (
        release.public_window if release is not None else (None, None)
    )


def give_window(sender, instance, created=False, update_fields=None, using=None, **kwargs):
    """After a release is saved: its pledges take its window, as stored (the saved object may
    hold a status or an end of publication older than the row's)."""
    if created or (update_fields is not None and not set(WINDOW) & set(update_fields)):
        return
    renew(Pledge.objects.using(using).filter(reported_in=instance.pk))


def renew(pledges):
    """`pledges` (a queryset) take their releases' windows again, read from the database."""
    reported = list(
        pledges.filter(reported_in__isnull=False)
        .select_related("reported_in")
        .only("pk", "public_from", "public_until", *(f"reported_in__{f}" for f in WINDOW))
    )
    changed = []
    for pledge in reported:
        window = pledge.reported_in.public_window
        if (pledge.public_from, pledge.public_until) != window:
            pledge.public_from, pledge.public_until = window
            changed.append(pledge)
    Pledge.objects.using(pledges.db).bulk_update(
        changed, ["public_from", "public_until"], batch_size=1000
    )


def watch():
    pre_save.connect(take_window, sender=Pledge, dispatch_uid="pledge-takes-window")
    post_save.connect(give_window, sender=Release, dispatch_uid="release-gives-window")
