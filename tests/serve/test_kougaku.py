# POST /v1/kougaku answers with exactly the bytes `santei kougaku` prints for each household month of
# examples/kougaku; bad input gets the error JSON (checked against docs/openapi.yaml like every
# answer) with 400 or 422, and the server keeps serving. On the demo masters: the insurer's
# 高額療養費 prices nothing (a UKE receipt, the one thing that would, names a file and is refused).
import glob
import os
import subprocess

import pytest

from conftest import SANTEI, SOURCE, Server

EXAMPLES = sorted(glob.glob(os.path.join(SOURCE, "examples", "kougaku", "*.json")))
JSON = {"Content-Type": "application/json"}
# 高額療養費 back for each example (examples/kougaku/README.md, the worked examples of kougaku_test).
BENEFITS = {
    "under70_three_institutions.json": 501000 - 94130,
    "elderly_general.json": 2000 + 18000,
    "mixed_ages.json": 12000 + 10400 + 846170,
    "turning_75.json": 6000 + 9000 + 28800,
    "results_many_times.json": 87430 + 30000 - 44400,
}


@pytest.fixture(scope="module")
def server():
    server = Server("--workers", "2")
    server.wait_ready()
    yield server
    server.stop()


def kougaku(path):
    run = subprocess.run([SANTEI, "kougaku", path], capture_output=True, timeout=120)
    return run.returncode, run.stdout


def test_examples_are_byte_identical_to_santei_kougaku(server):
    assert sorted(os.path.basename(path) for path in EXAMPLES) == sorted(BENEFITS)
    for path in EXAMPLES:
        code, expected = kougaku(path)
        assert code == 0, path
        with open(path, "rb") as f:
            answer = server.request("POST", "/v1/kougaku", f.read(), JSON)
        assert answer.status == 200, answer.body
        assert answer.body == expected, path
        assert answer.json()["benefit_yen"] == BENEFITS[os.path.basename(path)], path


def household(receipt):
    return ('{"format": "santei.kougaku/1", "month": "2024-06", "insurer": "employee", "bracket": "ウ", '
            '"members": [{"id": "本人", "birth_date": "1980-04-01", "receipts": [' + receipt + ']}]}').encode()


def error_of(answer, status, names_body=True):
    assert answer.status == status, answer.body
    error = answer.json()["error"]
    if names_body:  # an error of the household names the input as santei kougaku names its file
        assert error["file"] == "<body>"
    return error


def test_bad_input_is_refused_with_the_error_json_and_the_server_serves_on(server):
    answer = server.request("POST", "/v1/kougaku", b'{"format": "santei.kougaku/1", "month": ', JSON)
    assert error_of(answer, 400)["status"] == "parse_error"
    # A receipt naming a file on the server: refused by field, nothing is opened.
    for key in ("results_file", "uke_file"):
        answer = server.request("POST", "/v1/kougaku", household(
            '{"setting": "outpatient", "' + key + '": "/etc/passwd", "result_id": "x", "uke_receipt": 1}'), JSON)
        error = error_of(answer, 400)
        assert (error["status"], error["field"]) == ("invalid_argument", "members[0].receipts[0]." + key)
    # A key santei.kougaku/1 does not define, and a household the rules cannot take: 422 by field.
    answer = server.request("POST", "/v1/kougaku", household(
        '{"setting": "outpatient", "cost_yen": 1000, "patient_yen": 300, "costs_yen": 1}'), JSON)
    error = error_of(answer, 422)
    assert (error["status"], error["field"]) == ("claim_error", "members[0].receipts[0].costs_yen")
    answer = server.request("POST", "/v1/kougaku", household(
        '{"setting": "outpatient", "cost_yen": 100000, "patient_yen": 30000}').replace(b'"bracket": "\xe3\x82\xa6", ', b""), JSON)
    assert error_of(answer, 422)["field"] == "bracket"
    # An unknown query parameter is refused by name; a wrong media type and method by HTTP.
    with open(EXAMPLES[0], "rb") as f:
        good = f.read()
    answer = server.request("POST", "/v1/kougaku?explain=false", good, JSON)
    assert error_of(answer, 400, names_body=False)["field"] == "query: explain"
    assert server.request("POST", "/v1/kougaku", good, {"Content-Type": "text/plain"}).status == 415
    assert server.request("GET", "/v1/kougaku").status == 405
    assert server.request("POST", "/v1/kougaku", good, JSON).status == 200
    assert server.healthy()
