import os
import pathlib

import pytest

import santei


def _env_path(name: str) -> pathlib.Path:
    value = os.environ.get(name)
    if not value:
        pytest.skip(f"{name} is not set (ctest sets it)")
    return pathlib.Path(value)


@pytest.fixture(scope="session")
def shared_masters() -> pathlib.Path:
    return _env_path("SANTEI_SHARED_MASTERS")


@pytest.fixture(scope="session")
def reference_dir() -> pathlib.Path:
    return _env_path("SANTEI_REFERENCE_DIR")


@pytest.fixture(scope="session")
def claim_text() -> str:
    return (_env_path("SANTEI_SOURCE_DIR") / "examples" / "claims" / "outpatient.json").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def r06(shared_masters):
    with santei.Masters.load(shared_masters / "r06") as masters:
        yield masters


@pytest.fixture(scope="session")
def demo():
    with santei.Masters.demo() as masters:
        yield masters
