"""The address a request came from, for rate limits, the security log and sessions.

X-Forwarded-For is whatever the sender wrote, so it counts only when the request came
from a proxy named in TRUSTED_PROXIES (DJANGO_TRUSTED_PROXIES: addresses or networks).
Behind such a proxy the header is read from the right, the end the proxies wrote:
each trusted proxy is skipped, and the first address that is not one is the client.
Anything further left was written by the client itself and is never believed. With no
trusted proxy (the default) the client is the connection's own address, REMOTE_ADDR,
and a header sent straight to gunicorn changes nothing.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def trusted_networks(values: list[str] | tuple[str, ...]) -> tuple[IPNetwork, ...]:
    """The networks in DJANGO_TRUSTED_PROXIES; a value that is not one stops the app."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"DJANGO_TRUSTED_PROXIES takes IP addresses or networks, not {value!r}."
            ) from None
    return tuple(networks)


@lru_cache(maxsize=8)
def _networks(values: tuple[str, ...]) -> tuple[IPNetwork, ...]:
    return trusted_networks(values)


def _address(text: str | None):
    try:
        return ipaddress.ip_address((text or "").strip().removeprefix("[").removesuffix("]"))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str | None:
    """The client's address, or None when not even REMOTE_ADDR is an address."""
    peer = _address(request.META.get("REMOTE_ADDR"))
    if peer is None:
        return None
    networks = _networks(tuple(settings.TRUSTED_PROXIES))

    def trusted(address) -> bool:
        return any(address in network for network in networks)

    client = peer
    if trusted(peer):
        hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        for hop in reversed([hop for hop in hops if hop.strip()]):
            address = _address(hop)
            if address is None:
                break  # a garbled hop: nothing to its left can be believed either
            client = address
            if not trusted(address):
                break
    return str(client)
