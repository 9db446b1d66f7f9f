"""Which address a request came from: X-Forwarded-For believed only as far as trusted proxies
vouch for it."""

from __future__ import annotations

import ipaddress

import pytest
from django.test import RequestFactory, override_settings
from hypothesis import given
from hypothesis import strategies as st

from naltrack.web.client_address import client_address

PROXIES = ["10.0.0.0/8", "2001:db8:ffff::/48"]
NETWORKS = [ipaddress.ip_network(entry) for entry in PROXIES]


def address_of(
    remote: str, forwarded: str | None = None, trusted: list[str] = PROXIES
) -> str | None:
    extra = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    request = RequestFactory().get("/", REMOTE_ADDR=remote, **extra)
    with override_settings(NALTRACK_TRUSTED_PROXIES=trusted):
        return client_address(request)


def test_with_no_trusted_proxy_the_header_is_ignored():
    assert address_of("10.0.0.2", "203.0.113.7", trusted=[]) == "10.0.0.2"


def test_a_trusted_proxy_names_the_client():
    assert address_of("10.0.0.2", "203.0.113.7") == "203.0.113.7"


def test_a_header_from_an_untrusted_peer_is_ignored():
    """Spoofing: anyone can send X-Forwarded-For straight to the server."""
    assert address_of("198.51.100.9", "203.0.113.7") == "198.51.100.9"


def test_what_the_client_wrote_in_the_header_is_ignored():
    # The client sent "X-Forwarded-For: 1.1.1.1"; the proxy added the real address on its right.
    assert address_of("10.0.0.2", "1.1.1.1, 203.0.113.7") == "203.0.113.7"


def test_a_chain_of_trusted_proxies_is_walked_from_the_right():
    assert address_of("10.0.0.2", "1.1.1.1, 203.0.113.7, 10.1.2.3, 10.9.9.9") == "203.0.113.7"


def test_a_client_inside_the_trusted_network_is_the_leftmost_address():
    assert address_of("10.0.0.2", "10.5.5.5") == "10.5.5.5"


def test_a_proxy_that_names_no_one_is_the_client():
    assert address_of("10.0.0.2") == "10.0.0.2"
    assert address_of("10.0.0.2", "") == "10.0.0.2"


@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        ("2001:db8:ffff::1", "2001:DB8::7", "2001:db8::7"),
        ("::ffff:10.0.0.2", "203.0.113.7", "203.0.113.7"),  # IPv4 proxy on an IPv6 socket
        ("10.0.0.2", "::ffff:203.0.113.7", "203.0.113.7"),
        ("10.0.0.2", "[2001:db8::7]:51000", "2001:db8::7"),
        ("10.0.0.2", "203.0.113.7:51000", "203.0.113.7"),
        ("10.0.0.2", "fe80::1%eth0", "fe80::1"),
        ("2001:db8::9", "203.0.113.7", "2001:db8::9"),  # an untrusted IPv6 peer
    ],
)
def test_ipv6_and_the_ways_proxies_write_addresses(remote, forwarded, client):
    assert address_of(remote, forwarded) == client


@pytest.mark.parametrize(
    "forwarded",
    ["unknown", " , ,", "999.1.1.1", "203.0.113.7; drop table", "\x00", "1" * 10000, "🙂"],
)
def test_garbage_from_a_trusted_proxy_leaves_the_proxy_as_the_client(forwarded):
    assert address_of("10.0.0.2", forwarded) == "10.0.0.2"


def test_garbage_left_of_the_client_is_never_read():
    assert address_of("10.0.0.2", "not an address, 203.0.113.7") == "203.0.113.7"


@pytest.mark.parametrize("remote", ["", "unix:/run/naltrack.sock", "localhost"])
def test_a_connection_without_an_ip_address_has_none(remote):
    assert address_of(remote, "203.0.113.7") is None


def test_a_request_without_meta_has_no_address():
    """django-axes may pass what authentication was given, which can be no request at all."""
    assert client_address(None) is None


# --- properties ---------------------------------------------------------------------------------

ipv4 = st.ip_addresses(v=4)
ipv6 = st.ip_addresses(v=6).filter(lambda a: a.ipv4_mapped is None)
outside = st.one_of(ipv4, ipv6).filter(lambda a: not any(a in n for n in NETWORKS))
proxy = st.one_of(
    st.integers(0, 2**24 - 1).map(lambda n: ipaddress.IPv4Address(0x0A000000 + n)),
    st.integers(0, 2**80 - 1).map(lambda n: ipaddress.IPv6Address((0x20010DB8FFFF << 80) + n)),
)
hop_text = st.text(alphabet=st.characters(exclude_characters=","), max_size=40)


@given(remote=st.text(max_size=60), forwarded=st.text(max_size=200))
def test_any_input_gives_an_address_or_none_never_an_error(remote, forwarded):
    found = address_of(remote, forwarded)
    assert found is None or ipaddress.ip_address(found)


@given(peer=outside, forwarded=st.text(max_size=200))
def test_an_untrusted_peer_is_the_client_whatever_the_header_says(peer, forwarded):
    assert address_of(str(peer), forwarded) == str(peer)


@given(
    spoofed=st.lists(hop_text, max_size=4),
    client=outside,
    proxies=st.lists(proxy, min_size=1, max_size=4),
)
def test_the_first_untrusted_address_from_the_right_is_the_client(spoofed, client, proxies):
    """Whatever the client wrote itself, the proxies' own entries decide."""
    header = ", ".join([*spoofed, str(client), *map(str, proxies[:-1])])
    assert address_of(str(proxies[-1]), header) == str(client)
