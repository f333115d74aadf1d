"""Where a request really comes from, behind the proxies the deployment trusts."""

import contextlib
import ipaddress

from django.conf import settings


def client_address(request):
    """The client's address, which django-axes counts logins by (AXES_CLIENT_IP_CALLABLE).

    Each of the TRUSTED_PROXY_COUNT proxies in front appends the address it was reached from to
    X-Forwarded-For, so the client's is that many from the end; whatever comes before it is the
    client's own say, forged at will. Without trusted proxies, or when the header is not what
    they would have written, it is the address of the connection itself.
    """
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if count and len(forwarded) >= count:
        with contextlib.suppress(ValueError):
            return str(ipaddress.ip_address(forwarded[-count].strip()))
    return request.META.get("REMOTE_ADDR")
