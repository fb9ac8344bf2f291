"""Pricing through the Python binding: the E20 figures of fee-rules.md, and what the C++ API gives
(tests/capi/reference.cpp)."""
import io
import json
import mmap
import os
import pathlib
import threading

import pytest

import santei


def reference_figures(reference_dir) -> dict:
    lines = (reference_dir / "outpatient.figures").read_text().split()
    return {key: int(value) for key, value in (line.split("=") for line in lines)}


def test_json_lines_in_one_call_answer_each_line_as_context_price_does(r06, claim_text):
    one_line = json.dumps(json.loads(claim_text), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with santei.Context(r06) as context:
        single = context.price(one_line)
        text, errors = santei.price_json_lines(context, one_line + b"\n\nnot a claim\n" + one_line + b"\n",
                                               first_line=7, threads=2)
    lines = text.split("\n")
    assert lines[-1] == ""  # every line ends in a newline
    assert lines[0] == single.json and lines[2] == single.json
    assert json.loads(lines[0])["total_points"] == 761  # fee-rules.md E20
    error = json.loads(lines[1])["error"]
    assert (error["status"], error["line"]) == ("parse_error", 9)
    assert errors == 1


def test_json_lines_to_a_write_function_give_the_same_bytes_in_whole_lines(r06, claim_text, tmp_path):
    one_line = json.dumps(json.loads(claim_text), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    lines = (one_line + b"\n") * 300 + b"not a claim\n"  # 301 lines: two batches (256 + 45)
    path = tmp_path / "claims.jsonl"
    path.write_bytes(lines)
    with santei.Context(r06) as context:
        text, errors = santei.price_json_lines(context, lines, threads=2)
        pieces = []
        assert santei.price_json_lines_to(context, lines, pieces.append, threads=2) == 1
        assert b"".join(pieces).decode("utf-8") == text
        assert len(pieces) == 2 and all(piece.endswith(b"\n") for piece in pieces)
        assert pieces[0].count(b"\n") == 256
        # a mapped file, read where it lies
        with open(path, "r+b") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_COPY) as mapped:
            written = io.BytesIO()
            assert santei.price_json_lines_to(context, mapped, written.write) == 1
            assert written.getvalue().decode("utf-8") == text
            assert santei.price_json_lines(context, mapped) == (text, 1)

        # an exception in write stops the call and is raised again; the context still works
        def full_disk(piece):
            raise OSError(28, "No space left on device")

        with pytest.raises(OSError, match="No space left"):
            santei.price_json_lines_to(context, lines, full_disk, threads=2)
        pieces.clear()
        assert santei.price_json_lines_to(context, one_line, pieces.append) == 0
        assert json.loads(pieces[0])["total_points"] == 761


def test_example_claim_on_real_r06_masters_is_761_points_and_matches_the_cpp_api(r06, claim_text, reference_dir):
    expected = reference_figures(reference_dir)
    with santei.Context(r06) as context:
        result = context.price(claim_text)
    assert result.total_points == 761
    # The E20 figures, stated (fee-rules.md E20, copayment.md §2.2): 761点 = 7,610円; 3割 of each visit,
    # 10円未満四捨五入: day 3 634点 (291+99+144+40+60) = 6,340円 → 1,902 → 1,900; day 10 127点 (75+52)
    # = 1,270円 → 381 → 380; the patient 2,280円, the insurer 7,610 − 2,280 = 5,330円.
    assert result.medical_cost_yen == 7610
    assert result.patient_yen == 2280
    assert result.insurer_yen == 5330
    # ... and as the C++ API gives them (tests/capi/reference.cpp).
    assert result.total_points == expected["total_points"]
    assert result.patient_yen == expected["patient_yen"]
    assert result.insurer_yen == expected["insurer_yen"]
    assert result.medical_cost_yen == expected["medical_cost_yen"]
    assert len(result.public_expenses) == expected["public_expenses"]
    assert len(result.diagnostics) == expected["diagnostics"]
    assert result.revision == "r06"
    assert result.json == (reference_dir / "outpatient.json").read_text(encoding="utf-8")
    print(f"Python: total_points={result.total_points} patient_yen={result.patient_yen}")


def test_a_claim_given_as_dict_str_or_bytes_prices_the_same(demo, claim_text):
    with santei.Context(demo) as context:
        from_text = context.price(claim_text)
        from_dict = context.price(json.loads(claim_text))
        from_bytes = context.price(claim_text.encode("utf-8"))
    assert from_text.total_points == from_dict.total_points == from_bytes.total_points == 761
    assert from_text.to_dict()["categories"] == {"11": 291, "12": 127, "60": 283, "80": 60}


def test_age_rule_r06_an_infant_addition_for_a_44_year_old_is_a_diagnostic_not_an_error(r06, claim_text):
    claim = json.loads(claim_text)
    claim["visits"][0]["orders"][0]["items"].append({"code": "111000370"})  # 乳幼児加算 (初診)
    with santei.Context(r06) as context:
        result = context.price(claim)
    assert result.total_points == 761  # the addition is dropped
    rules = [d.rule for d in result.diagnostics]
    assert any(rule.startswith("年齢") for rule in rules), rules
    for diagnostic in result.diagnostics:
        assert isinstance(diagnostic.severity, santei.Severity)
        assert diagnostic.rule and diagnostic.message
    with pytest.raises(Exception):
        result.total_points = 0  # frozen


def test_without_copay_the_yen_figures_are_none(demo, claim_text):
    with santei.Context(demo, copay=False) as context:
        result = context.price(claim_text)
    assert result.total_points == 761
    assert result.patient_yen is None and result.insurer_yen is None and result.medical_cost_yen is None
    assert "copay" not in result.to_dict()


def test_forced_revision_must_be_loaded(demo):
    with pytest.raises(santei.SanteiError) as raised:
        santei.Context(demo, revision="r04")
    assert raised.value.status == santei.Status.NOT_FOUND
    assert raised.value.field == "options.revision"


def test_threads_share_masters_each_with_its_own_context(r06, claim_text):
    totals = []

    def work():
        with santei.Context(r06) as context:
            for _ in range(20):
                totals.append(context.price(claim_text).total_points)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert totals == [761] * 80


def test_a_dpc_stay_with_the_dpc_tables_is_92453_points_and_121465_yen(r06, shared_masters):
    # examples/claims/dpc.json (docs/dpc.md): grouped from C711 + G005 to 010010xx9901xx, 25 days, r06 sheet 11 row 6: 6 × 3,461 +
    # 13 × 2,370 + 6 × 2,014 = 63,660点 × 1.4523 = 92,453.418 → 92,453点; the patient pays the 区分ウ
    # limit 80,100 + (924,530 − 267,000) × 1% = 86,675円 plus 71 meals × 490円 = 34,790円.
    claim = (pathlib.Path(os.environ["SANTEI_SOURCE_DIR"]) / "examples" / "claims" / "dpc.json").read_text(encoding="utf-8")
    with santei.Context(r06, dpc=str(shared_masters.parent / "dpc")) as context:
        result = context.price(claim)
    assert result.total_points == 92453
    assert result.patient_yen == 86675 + 34790
    assert result.to_dict()["dpc"]["days_out"] == 0
    assert result.to_dict()["dpc"]["code"] == "010010xx9901xx"
    assert result.to_dict()["dpc"]["grouping"][0].startswith("傷病名 C711 → 分類 010010")
    with santei.Context(r06) as context, pytest.raises(santei.SanteiError) as error:
        context.price(claim)
    assert error.value.field == "admission.dpc"
