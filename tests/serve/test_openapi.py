# Every operation of docs/openapi.yaml answered by the real server and checked against the document
# (Server.request checks each answer: its status, Content-Type and body schema), and the document
# and the server agree on which operations exist.
import json
import os

import openapi
from conftest import SHARED_MASTERS, SOURCE

CLAIM = open(os.path.join(SOURCE, "examples", "claims", "outpatient.json"), "rb").read()
UKE = os.path.join(SHARED_MASTERS, "..", "uke", "RECEIPTC_GAIRAI_SAMPLE.UKE")


def test_every_operation_answers_as_documented(start_server, tmp_path):
    token = tmp_path / "token"
    token.write_text("a-token-of-some-length")
    server = start_server("--admin-token-file", str(token))
    json_body = {"Content-Type": "application/json"}
    assert server.request("POST", "/v1/price", CLAIM, json_body).status == 200
    assert server.request("POST", "/v1/price?explain=false&copay=false", CLAIM, json_body).status == 200
    lines = CLAIM.replace(b"\n", b"") + b"\n" + b'{"format":"santei.claim/1"}\n'
    answer = server.request("POST", "/v1/price", lines, {"Content-Type": "application/x-ndjson"})
    assert answer.status == 200 and len(answer.lines()) == 2 and "error" in answer.lines()[1]
    assert server.request("POST", "/v1/price", b"[]", json_body).status in (400, 422)
    assert server.request("POST", "/v1/price?mode=x", CLAIM, json_body).status == 400
    assert server.request("POST", "/v1/price", CLAIM, {"Content-Type": "text/csv"}).status == 415
    with open(UKE, "rb") as f:
        uke = f.read()
    assert server.request("POST", "/v1/uke", uke, {"Content-Type": "application/octet-stream"}).status == 200
    assert server.request("POST", "/v1/uke", b"not a UKE file\r\n", {"Content-Type": "text/plain"}).status == 200
    with open(os.path.join(SOURCE, "examples", "kougaku", "under70_three_institutions.json"), "rb") as f:
        assert server.request("POST", "/v1/kougaku", f.read(), json_body).status == 200
    assert server.request("POST", "/v1/kougaku", b"{", json_body).status == 400
    assert server.request("POST", "/v1/kougaku", b'{"format": "santei.kougaku/1"}', json_body).status == 422
    assert server.request("GET", "/v1/codes/111000110").status == 200
    assert server.request("GET", "/v1/codes/111000110?date=2024-06-03").status == 200
    assert server.request("GET", "/v1/codes/0000999").status in (200, 404)
    assert server.request("GET", "/v1/codes/999999999").status == 404
    assert server.request("GET", "/v1/codes/1234567890").status == 400
    assert server.request("GET", "/v1/revisions").status == 200
    assert server.request("GET", "/healthz").status == 200
    assert server.request("GET", "/readyz").status == 200
    assert server.request("GET", "/metrics").status == 200
    assert server.request("POST", "/v1/admin/reload").status == 401
    assert server.request("POST", "/v1/admin/reload", headers={"Authorization": "Bearer a-token-of-some-length"}).status == 200
    assert server.request("GET", "/nowhere").status == 404
    documented = {op["operationId"] for item in openapi.DOCUMENT["paths"].values() for op in item.values()}
    answered = {operation for operation, status in openapi.checked if operation}
    assert answered == documented


def test_the_document_lists_every_endpoint_the_server_routes():
    with open(os.path.join(SOURCE, "src", "serve", "endpoints.cpp"), encoding="utf-8") as f:
        source = f.read()
    routed = set()
    for line in source.splitlines():
        line = line.strip()
        if line.startswith('{"/'):
            path, method = [part.strip(' {"') for part in line.split(",")[:2]]
            routed.add((path, method.lower()))
    documented = {(path, method) for path, item in openapi.DOCUMENT["paths"].items() for method in item}
    assert routed and routed == documented
