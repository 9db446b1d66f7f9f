"""The address a request came from, the one thing the sign-in lockout, the enrollment limit and
the audit trail count by.

Behind a reverse proxy every request arrives from the proxy (``REMOTE_ADDR``), which names the
client it forwarded in ``X-Forwarded-For``, adding it on the right of whatever the client sent
in that header itself. So the header is read only when the request comes from a proxy we were
told to trust (``NALTRACK_TRUSTED_PROXIES``), and from the right: each trusted proxy vouches for
the address to its left, and the first address that is not a trusted proxy is the client.
Anything further left was written by the client and could say anything. With no trusted
proxies (the default) the header is ignored and ``REMOTE_ADDR`` is the client.
"""

from __future__ import annotations

import ipaddress
from functools import cache
from typing import Any

from django.conf import settings

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def trusted_networks(entries: list[str] | tuple[str, ...]) -> tuple[Network, ...]:
    """``entries`` (addresses or CIDR networks) as networks; raises ``ValueError`` on a bad one."""
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries)


@cache
def _trusted(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return trusted_networks(entries)


def parse_address(text: str) -> Address | None:
    """One address as proxies write it, or None if it is not one.

    Some proxies add the client's port (``203.0.113.7:51000``, ``[2001:db8::1]:51000``) or an
    IPv6 zone (``fe80::1%eth0``); an IPv4 client reaching an IPv6 socket appears as
    ``::ffff:203.0.113.7``. Each is reduced to the plain address, so one client is counted as one
    however it is written.
    """
    text = text.strip()
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    try:
        address = ipaddress.ip_address(text.partition("%")[0])
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def client_address(request: Any) -> str | None:
    """The client's IP address, or None when the connection has none (e.g. a Unix socket).

    Takes any request-like object (django-axes calls it with what authentication was given).
    """
    meta = getattr(request, "META", None) or {}
    peer = parse_address(str(meta.get("REMOTE_ADDR") or ""))
    if peer is None:
        return None
    trusted = _trusted(tuple(settings.NALTRACK_TRUSTED_PROXIES))
    client = peer
    if any(peer in network for network in trusted):
        for hop in reversed(str(meta.get("HTTP_X_FORWARDED_FOR", "")).split(",")):
            address = parse_address(hop)
            if address is None:
                # Not an address where a trusted proxy should have written one: believe
                # nothing further left, keep the last address a trusted proxy vouched for.
                break
            client = address
            if not any(address in network for network in trusted):
                break
    return str(client)
