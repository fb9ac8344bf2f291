# The real `santei serve` on a free port, for the tests of this directory (ctest serve_*).
#
# Server starts the binary (SANTEI), reads its JSON log lines from stderr, and stops it with SIGTERM,
# failing the test if it does not exit 0 or if a sanitizer (the TSan and ASan builds of .ci/run)
# reported anything. Every answer received through Server.request is checked against
# docs/openapi.yaml (openapi.py) before the test sees it.
import http.client
import json
import os
import resource
import signal
import socket
import subprocess
import threading
import time

import pytest

import openapi

SANTEI = os.environ["SANTEI"]
SOURCE = os.environ["SANTEI_SOURCE_DIR"]
SHARED_MASTERS = os.environ["SANTEI_SHARED_MASTERS"]
# Sanitizer builds are 5–20 times slower: every wait scales with this.
SLOW = float(os.environ.get("SANTEI_SERVE_SLOW", "1"))


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body)

    def lines(self):
        return [json.loads(line) for line in self.body.decode().splitlines()]


def dechunk(response):
    """The body of a raw HTTP/1.1 answer sent with Transfer-Encoding: chunked."""
    head, _, rest = response.partition(b"\r\n\r\n")
    assert b"transfer-encoding: chunked" in head.lower()
    body = b""
    while True:
        size_line, _, rest = rest.partition(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            return body
        body += rest[:size]
        rest = rest[size + 2:]


class Server:
    def __init__(self, *args, max_files=None):
        """max_files: the server's limit on open file descriptors (RLIMIT_NOFILE), when not the default."""
        self.args = list(args)
        self.logs = []
        self.raw = []
        self.cond = threading.Condition()
        self.proc = subprocess.Popen([SANTEI, "serve", "--listen", "127.0.0.1:0", *self.args],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     preexec_fn=max_files and (lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (max_files, max_files))))
        self.reader = threading.Thread(target=self._read_logs, daemon=True)
        self.reader.start()
        listening = self.wait_for_event("listening", 30)
        self.port = listening["port"]

    def _read_logs(self):
        for raw in self.proc.stderr:
            line = raw.decode(errors="replace")
            with self.cond:
                self.raw.append(line)
                try:
                    self.logs.append(json.loads(line))
                except ValueError:
                    pass  # a sanitizer report or a library warning: kept in raw
                self.cond.notify_all()

    def events(self, name):
        with self.cond:
            return [line for line in self.logs if line.get("event") == name]

    def wait_for_event(self, name, timeout, count=1, match=lambda line: True):
        """The count-th log line of event `name` (that `match` accepts), waiting for it."""
        deadline = time.time() + timeout * SLOW
        with self.cond:
            while True:
                found = [line for line in self.logs if line.get("event") == name and match(line)]
                if len(found) >= count:
                    return found[count - 1]
                if self.proc.poll() is not None and not self.reader.is_alive():
                    raise AssertionError(f"santei serve exited ({self.proc.returncode}) before '{name}':\n{''.join(self.raw)}")
                if time.time() > deadline:
                    raise AssertionError(f"no '{name}' log line in {timeout}s:\n{''.join(self.raw)}")
                self.cond.wait(0.1)

    def wait_ready(self, timeout=60):
        deadline = time.time() + timeout * SLOW
        while time.time() < deadline:
            if self.request("GET", "/readyz").status == 200:
                return
            time.sleep(0.05)
        raise AssertionError("never ready:\n" + "".join(self.raw))

    def metrics_when(self, ready, timeout):
        """The /metrics text once `ready(text)` holds, scraping until then: a counter may move just
        after the answer that moves it (a request is counted once its answer is written)."""
        deadline = time.time() + timeout * SLOW
        while True:
            text = self.request("GET", "/metrics").body.decode()
            if ready(text):
                return text
            if time.time() > deadline:
                raise AssertionError(f"/metrics not as expected within {timeout}s:\n{text}")
            time.sleep(0.05)

    def connect(self, timeout=30):
        return socket.create_connection(("127.0.0.1", self.port), timeout=timeout * SLOW)

    def request(self, method, target, body=None, headers=None, check=True, timeout=60):
        """One request on a new connection; the answer is checked against docs/openapi.yaml."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout * SLOW)
        try:
            connection.request(method, target, body=body, headers=headers or {})
            response = connection.getresponse()
            answer = Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
        finally:
            connection.close()
        assert answer.headers.get("x-request-id"), "every answer carries X-Request-Id"
        if check:
            openapi.check(method, target, answer)
        return answer

    def healthy(self):
        return self.request("GET", "/healthz").status == 200

    def stop(self, expect=0):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout=60 * SLOW)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise AssertionError("santei serve did not stop within 60s of SIGTERM:\n" + "".join(self.raw))
        self.reader.join(10)
        report = "".join(self.raw)
        assert "Sanitizer" not in report, report
        assert code == expect, f"exit status {code}, expected {expect}:\n{report}"
        return code


@pytest.fixture
def start_server():
    """start_server(*args) → a ready Server, stopped (and checked) at the end of the test."""
    servers = []

    def start(*args, ready=True, max_files=None):
        server = Server(*args, max_files=max_files)
        servers.append(server)
        if ready:
            server.wait_ready()
        return server

    yield start
    for server in servers:
        server.stop()
