"""Errors carry status, file, line, column, field and message; bad input never crashes."""
import json

import pytest

import santei


def test_a_claim_without_month_is_a_claim_error_naming_the_field(demo, claim_text):
    claim = json.loads(claim_text)
    del claim["month"]
    with santei.Context(demo) as context, pytest.raises(santei.SanteiError) as raised:
        context.price(claim)
    error = raised.value
    assert error.status == santei.Status.CLAIM
    assert error.status_name == "claim_error"
    assert error.field == "month"
    assert error.message
    assert "claim_error" in str(error)


def test_malformed_json_names_line_and_column(demo):
    with santei.Context(demo) as context, pytest.raises(santei.SanteiError) as raised:
        context.price('{\n  "format": "santei.claim/1",\n  "month": }')
    assert raised.value.status == santei.Status.PARSE
    assert raised.value.file == "<claim>"
    assert raised.value.line == 3
    assert raised.value.column > 0


def test_bytes_that_are_not_utf8_are_an_encoding_error_at_their_position(demo):
    with santei.Context(demo) as context, pytest.raises(santei.SanteiError) as raised:
        context.price(b'{"format":\n"\xff"}')
    assert raised.value.status == santei.Status.ENCODING
    assert (raised.value.line, raised.value.column) == (2, 2)


def test_an_unknown_code_is_unknown_code(demo, claim_text):
    claim = json.loads(claim_text)
    claim["visits"][0]["orders"][0]["items"][0]["code"] = "999999999"
    with santei.Context(demo) as context, pytest.raises(santei.SanteiError) as raised:
        context.price(claim)
    assert raised.value.status == santei.Status.UNKNOWN_CODE


def test_a_missing_master_directory_is_an_io_error_naming_it():
    with pytest.raises(santei.SanteiError) as raised:
        santei.Masters.load("/nonexistent/masters")
    assert raised.value.status == santei.Status.IO
    assert raised.value.file == "/nonexistent/masters"


def test_masters_are_frozen_once_a_context_uses_them(claim_text):
    with santei.Masters.demo() as masters:
        with santei.Context(masters):
            pass
        with pytest.raises(santei.SanteiError) as raised:
            masters.add("/tmp")
        assert raised.value.status == santei.Status.INVALID_ARGUMENT


def test_a_context_outlives_its_masters_handle(claim_text):
    masters = santei.Masters.demo()
    context = santei.Context(masters)
    masters.close()
    assert context.price(claim_text).total_points == 761
    context.close()
    context.close()  # a second close is harmless
    with pytest.raises(ValueError, match="the context is closed"):
        context.price(claim_text)
    with pytest.raises(ValueError, match="the masters are closed"):
        santei.Context(masters)


def test_lookup_of_111000110_on_the_demo_master_is_291_points(demo):
    record = demo.lookup("111000110", "2024-06-03")
    assert record["format"] == "santei.lookup/1"
    assert record["points"] == "291"
    assert record["name"] == "初診料"


@pytest.mark.parametrize("code,date,status", [
    ("999999999", None, santei.Status.UNKNOWN_CODE),
    ("abc", None, santei.Status.INVALID_ARGUMENT),
    ("1234567890", None, santei.Status.INVALID_ARGUMENT),
    ("111000110", "2024-02-30", santei.Status.INVALID_ARGUMENT),
    ("111000110", "1990-01-01", santei.Status.NOT_FOUND),
])
def test_lookup_errors(demo, code, date, status):
    with pytest.raises(santei.SanteiError) as raised:
        demo.lookup(code, date)
    assert raised.value.status == status


def test_version_of_the_loaded_library():
    assert santei.version().count(".") == 2
    major, minor, patch = (int(part) for part in santei.version().split("."))
    assert santei.version_number() == major * 10000 + minor * 100 + patch
