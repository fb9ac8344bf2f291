# Bad HTTP gets its status and leaves the server serving: a malformed request line, a wrong
# Content-Type, a truncated body, 10 MB of garbage, a client leaving mid-body, headers and bodies
# over their limits, a client too slow to send its headers, unknown paths and methods.
import json
import os
import socket
import threading
import time

import pytest

from conftest import SLOW, SOURCE, Server

CLAIM = open(os.path.join(SOURCE, "examples", "claims", "outpatient.json"), "rb").read()


@pytest.fixture(scope="module")
def server():
    server = Server("--workers", "2", "--max-body-bytes", "12M", "--max-header-bytes", "8K",
                    "--header-timeout", "2", "--body-timeout", "3")
    server.wait_ready()
    yield server
    server.stop()


def exchange(server, data, shut=False, sender=False):
    """Raw bytes in, (status, headers, body) of the answer out; the connection must then close."""
    with server.connect() as sock:
        if sender:  # send in the background while the answer is read, as a client streaming garbage does
            thread = threading.Thread(target=lambda: _send_quietly(sock, data))
            thread.start()
        else:
            sock.sendall(data)
            if shut:
                sock.shutdown(socket.SHUT_WR)
        received = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
        if sender:
            thread.join()
    head, _, body = received.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
    return status, headers, body


def _send_quietly(sock, data):
    try:
        sock.sendall(data)
    except OSError:
        pass  # the server answered and closed before the end: that is allowed


def error_of(body):
    error = json.loads(body)
    assert error["format"] == "santei.result/1"
    return error["error"]


def test_malformed_request_line_is_400_and_the_server_goes_on(server):
    status, headers, body = exchange(server, b"GARBAGE / HTTP/1.1 extra\r\n\r\n")
    assert status == 400
    assert headers["connection"] == "close"
    assert error_of(body)["status"] == "parse_error"
    status, _, _ = exchange(server, b"GET /healthz HTTP/9.9\r\n\r\n")
    assert status == 400
    assert server.healthy()


def test_wrong_content_type_is_415(server):
    answer = server.request("POST", "/v1/price", CLAIM, {"Content-Type": "text/plain"})
    assert answer.status == 415
    assert "application/json, application/x-ndjson" in answer.json()["error"]["message"]
    answer = server.request("POST", "/v1/price", CLAIM)  # none at all
    assert answer.status == 415
    assert server.healthy()


def test_truncated_body_is_400(server):
    request = b"POST /v1/price HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n" + CLAIM[:100]
    status, _, body = exchange(server, request, shut=True)
    assert status == 400
    assert error_of(body)["message"] == "the body ended before its length"
    assert server.healthy()


def test_ten_megabytes_of_garbage(server):
    garbage = os.urandom(10 * 1024 * 1024)
    # As the request itself: the request line is refused at once, the rest read and dropped.
    status, _, body = exchange(server, garbage, sender=True)
    assert status == 400
    assert error_of(body)["status"] == "parse_error"
    # As the body of a claim: read whole (under the 12M limit), then refused by the claim reader.
    # (Connection: close: the body is read whole, so the connection could otherwise stay open.)
    head = (f"POST /v1/price HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n"
            f"Content-Length: {len(garbage)}\r\n\r\n")
    status, _, body = exchange(server, head.encode() + garbage, sender=True)
    assert status == 400
    assert error_of(body)["status"] in ("parse_error", "encoding_error")
    assert error_of(body)["file"] == "<body>"
    assert server.healthy()


def test_client_leaving_mid_body_costs_nothing(server):
    with server.connect() as sock:
        sock.sendall(b"POST /v1/price HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
        sock.sendall(CLAIM[:500])
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # a reset, not a goodbye
    # Found by what it read (the 500 bytes sent, not the 100,000 announced), not by counting lines:
    # a line is logged after its answer is written, so an earlier request's line can still arrive.
    logged = server.wait_for_event("request", 10, match=lambda line: 500 <= line.get("bytes_in", 0) < 100000)
    assert logged["status"] == 400 and "problem" in logged
    assert server.healthy()
    assert server.request("POST", "/v1/price", CLAIM, {"Content-Type": "application/json"}).status == 200


def test_headers_over_the_limit_are_431(server):
    request = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n"
    status, _, body = exchange(server, request)
    assert status == 431
    assert error_of(body)["status"] == "limit_exceeded"
    assert server.healthy()


def test_bodies_over_the_limit_are_413(server):
    # Announced: refused before a byte of the body is read.
    request = b"POST /v1/price HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 13000000\r\n\r\n{"
    status, _, body = exchange(server, request)
    assert status == 413
    assert "over the 12582912-byte limit" in error_of(body)["message"]
    # Chunked: refused when the chunks pass the limit.
    chunk = b"a" * (1024 * 1024)
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(13)) + b"0\r\n\r\n"
    request = b"POST /v1/price HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    status, _, body = exchange(server, request + chunks, sender=True)
    assert status == 413
    assert server.healthy()


def test_a_client_too_slow_with_its_headers_is_cut_off_and_others_are_served(server):
    with server.connect() as slow:
        slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        started = time.time()
        # Meanwhile others are served at once.
        assert server.healthy()
        slow.settimeout(10 * SLOW)
        rest = slow.recv(1024)  # the server closes after --header-timeout 2 (no answer: Beast closed it)
        assert rest == b""
        assert time.time() - started < 8 * SLOW
    # Waited for: the line is logged when the connection is closed, which the client may see first.
    logged = server.wait_for_event("request", 10, match=lambda line: line.get("status") == 408)
    assert logged["problem"] == "the request's headers did not arrive in time"


def test_unknown_path_is_404_and_wrong_method_is_405(server):
    assert server.request("GET", "/v2/price").status == 404
    answer = server.request("GET", "/v1/price")
    assert answer.status == 405
    assert answer.headers["allow"] == "POST"
    assert server.request("DELETE", "/healthz").status == 405
    assert server.request("GET", "/v1/codes/111000110/extra").status == 404


def test_bad_query_strings_are_400_naming_the_parameter(server):
    cases = {
        "/v1/price?explain=maybe": "query: explain",
        "/v1/price?colour=red": "query: colour",
        "/v1/price?explain=true&explain=false": None,
        "/v1/price?mode=sometimes": "query: mode",
        "/v1/price?revision=r99": "query: revision",
        "/v1/price?local_programmes=tokyo": "query: local_programmes",
        "/v1/price?bad=%zz": None,
        "/v1/price?bad=%00": None,
        "/v1/price?bad=%ff%fe": None,
    }
    for target, field in cases.items():
        answer = server.request("POST", target, CLAIM, {"Content-Type": "application/json"})
        assert answer.status == 400, target
        if field:
            assert answer.json()["error"]["field"] == field, target
    assert server.request("GET", "/v1/codes/111000110?date=2024-02-30").status == 400
    assert server.healthy()


def test_every_bad_request_was_counted_and_logged_without_bodies(server):
    server.metrics_when(lambda text: all(f'status="{status}"' in text for status in ("400", "413", "415", "431")), 10)
    for event in server.events("request"):
        assert {"request_id", "endpoint", "status", "duration_us"} <= event.keys()
        assert "body" not in event
