# POST /v1/price answers with exactly the bytes `santei price` prints, for every claim of examples/
# and of a generated batch, with each query option as its command-line option; POST /v1/uke with
# exactly what `santei price --uke` prints. On the real r06 masters.
import glob
import json
import os
import subprocess

import pytest

from conftest import SANTEI, SHARED_MASTERS, SOURCE, Server

R06 = os.path.join(SHARED_MASTERS, "r06")
DPC = os.path.join(SHARED_MASTERS, "..", "dpc")  # MHLW's DPC電子点数表, for examples/claims/dpc.json
EXAMPLES = sorted(glob.glob(os.path.join(SOURCE, "examples", "claims", "*.json")))
# Each query as the options `santei price` takes for it.
OPTIONS = [
    ("", []),
    ("?explain=false", ["--no-explain"]),
    ("?copay=false&explain=false", ["--no-copay", "--no-explain"]),
    ("?mode=as_claimed", ["--mode", "as_claimed"]),
    ("?revision=r06&mode=automatic", ["--revision", "r06", "--mode", "automatic"]),
]


def cli(*args, input=None):
    run = subprocess.run([SANTEI, *args], input=input, capture_output=True, timeout=600)
    return run.returncode, run.stdout


@pytest.fixture(scope="module")
def server():
    server = Server("--masters", R06, "--dpc", DPC, "--workers", "2")
    server.wait_ready(120)
    yield server
    server.stop()


def test_examples_are_byte_identical_to_santei_price(server, tmp_path):
    assert len(EXAMPLES) >= 2
    claims = [open(path, "rb").read() for path in EXAMPLES]
    # All examples in one santei price run per option (loading the masters is most of a run): the
    # same claims as JSON Lines, each answered with the line it gets alone.
    batch = tmp_path / "examples.jsonl"
    batch.write_text("".join(json.dumps(json.loads(claim), ensure_ascii=False) + "\n" for claim in claims), encoding="utf-8")
    for query, options in OPTIONS:
        code, expected = cli("price", "--masters", R06, "--dpc", DPC, *options, str(batch))
        assert code == 0, query
        expected_lines = expected.splitlines(keepends=True)
        assert len(expected_lines) == len(claims)
        for path, claim, line in zip(EXAMPLES, claims, expected_lines):
            answer = server.request("POST", "/v1/price" + query, claim, {"Content-Type": "application/json"})
            assert answer.status == 200, answer.body
            assert answer.body == line, f"{path}{query}"
        code, alone = cli("price", "--masters", R06, "--dpc", DPC, *options, EXAMPLES[0]) if query == "" else (0, expected_lines[0])
        assert (code, alone) == (0, expected_lines[0])  # a pretty-printed claim prices as its one line does


def test_generated_batch_is_byte_identical_as_json_lines_and_claim_by_claim(server, tmp_path):
    batch = tmp_path / "batch.jsonl"
    code, _ = cli("generate", "--masters", R06, "--month", "2024-06", "--count", "300", "--seed", "18", "-o", str(batch))
    assert code == 0
    code, expected = cli("price", "--masters", R06, str(batch))
    assert code == 0  # every generated claim prices: no error line names the file
    body = batch.read_bytes()
    answer = server.request("POST", "/v1/price", body, {"Content-Type": "application/x-ndjson"})
    assert answer.status == 200
    assert answer.headers.get("transfer-encoding") == "chunked"  # streamed
    assert answer.body.count(b"\n") == 300
    assert answer.body == expected
    # The same claims one by one as application/json: each its own line of the batch's answer.
    for claim, line in list(zip(body.splitlines(), expected.splitlines()))[:40]:
        single = server.request("POST", "/v1/price?copay=true", claim, {"Content-Type": "application/json"})
        assert single.body == line + b"\n"


def test_claim_errors_are_the_cli_error_lines_with_their_status(server, tmp_path):
    bad = b'{"format":"santei.claim/1","id":"no-month","setting":"outpatient","visits":[]}'
    path = tmp_path / "bad.json"
    path.write_bytes(bad)
    code, expected = cli("price", "--masters", R06, "-", input=bad)
    assert code == 1
    answer = server.request("POST", "/v1/price", bad, {"Content-Type": "application/json"})
    assert answer.status == 422
    # The input is named <stdin> by the command and <body> by the service; the rest is the same.
    assert answer.body == expected.replace(b'"<stdin>"', b'"<body>"')
    assert answer.json()["error"]["field"] == "month"
    unknown = open(os.path.join(SOURCE, "examples", "claims", "outpatient.json"), "rb").read().replace(b"111000110", b"111000119")
    answer = server.request("POST", "/v1/price", unknown, {"Content-Type": "application/json"})
    assert (answer.status, answer.json()["error"]["status"]) == (422, "unknown_code")
    answer = server.request("POST", "/v1/price", b'{"format": ', {"Content-Type": "application/json"})
    assert (answer.status, answer.json()["error"]["status"]) == (400, "parse_error")


def test_uke_report_is_byte_identical_to_santei_price_uke(server):
    uke = os.path.join(SHARED_MASTERS, "..", "uke", "RECEIPTC_GAIRAI_SAMPLE.UKE")
    code, expected = cli("price", "--uke", uke, "--masters", R06, "--revision", "r06")
    assert code in (0, 1)
    with open(uke, "rb") as f:
        body = f.read()
    answer = server.request("POST", "/v1/uke?revision=r06&name=" + uke, body, {"Content-Type": "application/octet-stream"})
    assert answer.status == 200
    assert answer.headers.get("transfer-encoding") == "chunked"  # the report streamed, not held whole
    assert answer.body == expected
    assert answer.json()["receipts_in_file"] > 0


def test_lookup_and_revisions(server):
    code, expected = cli("lookup", "--masters", R06, "--date", "2024-06-01", "111000110")
    assert code == 0
    answer = server.request("GET", "/v1/codes/111000110?date=2024-06-01")
    assert (answer.status, answer.body) == (200, expected)
    assert answer.json()["points"] == "291"  # 初診料 r06 (告示 A000)
    assert server.request("GET", "/v1/codes/999999999?date=2024-06-01").status == 404
    assert server.request("GET", "/v1/codes/12x").status == 400
    revisions = server.request("GET", "/v1/revisions").json()
    [r06] = revisions["revisions"]
    assert (r06["revision"], r06["from"], r06["origin"]) == ("r06", "2024-06-01", R06)
    assert {f["kind"] for f in r06["files"]} >= {"s", "y", "t", "c", "b", "z"}
    # Every file of the directory but the layout PDFs was read, and is reported once with what it is.
    on_disk = sorted(os.path.relpath(os.path.join(d, name), R06) for d, _, names in os.walk(R06)
                     for name in names if not name.endswith(".pdf"))
    reported = {os.path.relpath(f["path"], R06): f for f in r06["files"]}
    assert sorted(reported) == on_disk
    assert all((f["update"], f["rows"] > 0) == (name.startswith("updates/"), True) for name, f in reported.items())
    assert reported["s_ALL20240531.csv"]["date"] == "2024-05-31"
    assert reported["updates/y_20250813.csv"]["date"] == "2025-08-13"
    assert sum(f["bytes"] for f in r06["files"]) == r06["bytes"]
    assert (r06["partial"], r06["missing"]) == (False, [])


def test_a_partial_revision_says_which_masters_it_lacks(start_server):
    # ../shared/excerpts/r08: 248 real r08 医科診療行為マスター rows and no other master (its README).
    r08_dir = os.path.join(SHARED_MASTERS, "..", "excerpts", "r08")
    [r08] = start_server("--masters", r08_dir).request("GET", "/v1/revisions").json()["revisions"]
    assert (r08["revision"], r08["from"], r08["partial"]) == ("r08", "2026-06-01", True)
    assert [m["kind"] for m in r08["missing"]] == ["y", "t", "c", "b", "z"]
    assert r08["missing"][0]["master"] == "医薬品マスター (y_*.csv)"
    [s] = r08["files"]
    assert (os.path.basename(s["path"]), s["kind"], s["update"], s["rows"]) == ("s_ALL20261001.csv", "s", False, 248)
