"""The storage rule for values a station may send that a database cannot hold as they are."""

from __future__ import annotations

import json

import pytest

from ocppkit.storage.types import INT64_MAX, INT64_MIN, int64, nul_free, nul_free_json


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        (None, None),
        (0, 0),
        (2**31, 2**31),
        (INT64_MAX, INT64_MAX),
        (INT64_MIN, INT64_MIN),
        (2**80, INT64_MAX),
        (-(2**80), INT64_MIN),
    ],
)
def test_integers_are_saturated_to_64_bits(given: int | None, stored: int | None) -> None:
    assert int64(given) == stored


@pytest.mark.parametrize(
    "value",
    [
        "a\x00b",
        "\\u0000",
        "x\\\x00",
        "\\\\\x00",
        "plain",
        "",
        "\x00\x00",
    ],
)
def test_nul_in_json_text_and_values_is_replaced_alike(value: str) -> None:
    document = {"k\x00": [value, {"v": value}]}
    from_text = json.loads(nul_free_json(json.dumps(document)))
    from_value = nul_free(document)
    assert from_text == from_value
    assert "\x00" not in json.dumps(from_value, ensure_ascii=False)
    if "\x00" not in value:
        assert from_value["k\ufffd"][0] == value


def test_a_value_without_nul_is_returned_as_is() -> None:
    document = {"a": ["b", {"c": 1}]}
    assert nul_free(document) is document
