"""The gate in front of `archive serve`: addresses, hosts, origins, tokens, ids and upload names."""
from __future__ import annotations

import pytest

from converter.archive.desk.guard import Address, Gate, parse_address, safe_id, upload_name
from converter.model.errors import ArchiveError


@pytest.mark.parametrize("typed, host, port", [("127.0.0.1:8000", "127.0.0.1", 8000), ("localhost:8001", "localhost", 8001),
                                               ("[::1]:8002", "::1", 8002), ("0.0.0.0:80", "0.0.0.0", 80)])
def test_an_address_is_read_as_host_and_port(typed, host, port):
    assert parse_address(typed) == Address(host, port)


@pytest.mark.parametrize("typed", ["8000", "127.0.0.1", "127.0.0.1:http", "127.0.0.1:70000", ":8000", "a/b:8000"])
def test_a_wrong_address_is_one_line_with_an_example(typed):
    with pytest.raises(ArchiveError) as wrong:
        parse_address(typed)
    assert wrong.value.line() == f"预览地址“{typed}”无效。请写成“地址:端口”，例如 --dev-addr 127.0.0.1:8000。"


def test_on_this_machine_the_desk_answers_to_its_own_names_only():
    gate = Gate.for_address(Address("127.0.0.1", 8000), remote_desk=False)
    assert gate.desk
    assert [gate.host_ok(h) for h in ("127.0.0.1:8000", "LOCALHOST:8000", "[::1]:8000")] == [True, True, True]
    assert [gate.host_ok(h) for h in ("127.0.0.1:8001", "evil.example:8000", "", None)] == [False] * 4
    assert gate.origin_ok("http://localhost:8000", "localhost:8000")
    assert not gate.origin_ok("http://localhost:8000", "127.0.0.1:8000")  # another origin, even if the same server
    assert not gate.origin_ok("http://evil.example", "evil.example")


def test_on_a_network_address_the_desk_is_off_unless_allowed_for_a_named_address():
    assert not Gate.for_address(Address("192.168.1.5", 8000), remote_desk=False).desk
    allowed = Gate.for_address(Address("192.168.1.5", 8000), remote_desk=True)
    assert allowed.desk and allowed.hosts == {"192.168.1.5:8000"}
    with pytest.raises(ArchiveError):
        Gate.for_address(Address("0.0.0.0", 8000), remote_desk=True)


def test_each_server_has_its_own_token_and_only_it_passes():
    one, two = (Gate.for_address(Address("127.0.0.1", 8000), False) for _ in range(2))
    assert one.token != two.token and len(one.token) >= 40
    assert one.token_ok(one.token) and not one.token_ok(two.token) and not one.token_ok("") and not one.token_ok(None)


def test_only_generated_ids_are_looked_up():
    assert safe_id("0123456789abcdef") == "0123456789abcdef"
    assert [safe_id(v) for v in ("../../etc", "0123456789ABCDEF", "0123456789abcde", "", None)] == [None] * 5


def test_an_upload_name_keeps_what_staff_typed_and_gets_the_importers_suffix():
    assert upload_name("%E6%8A%A5%E5%91%8A%202023.DOCX") == ("报告 2023.DOCX", ".docx")
