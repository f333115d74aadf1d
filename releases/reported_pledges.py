"""A pledge reported in a release is public while the release is: the release's window of
publication (Release.public_window) is kept on its pledges (Pledge.public_from, public_until),
so that the funding page, its totals and the API read pledges alone, never a release per
pledge. Kept here, where both sides are known: when a pledge is saved, and when a release is."""

from django.db.models.signals import post_save, pre_save

from organisations.models import Pledge

from .models import Release


def take_window(sender, instance, **kwargs):
    """Before a pledge is saved: the window of the release that reports it, as stored now (the
    release an admin form loaded may be older, and a restored revision's window is of its
    time). A fixture's release saved after its pledge gives its window then."""
    release = Release.objects.filter(pk=instance.reported_in_id).only(*WINDOW).first()
    instance.public_from, instance.public_until = (
        release.public_window if release is not None else (None, None)
    )


def give_window(sender, instance, **kwargs):
    """After a release is saved: its pledges take its window."""
    start, end = instance.public_window
    Pledge.objects.filter(reported_in=instance.pk).update(public_from=start, public_until=end)


def renew(pledges):
    """`pledges` (a queryset) take their releases' windows again: after a bulk load, whose
    rows were written without a save."""
    reported = list(
        pledges.filter(reported_in__isnull=False)
        .select_related("reported_in")
        .only("pk", *(f"reported_in__{field}" for field in WINDOW))
    )
    for pledge in reported:
        pledge.public_from, pledge.public_until = pledge.reported_in.public_window
    Pledge.objects.bulk_update(reported, ["public_from", "public_until"], batch_size=1000)


# What a release's window is made of.
WINDOW = ("status", "published_at", "expires_at")


def watch():
    pre_save.connect(take_window, sender=Pledge, dispatch_uid="pledge-takes-window")
    post_save.connect(give_window, sender=Release, dispatch_uid="release-gives-window")
