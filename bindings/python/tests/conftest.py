import os
import pathlib

import pytest

import santei


def _env_path(name: str) -> pathlib.Path:
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set: run these tests through ctest, which sets it", pytrace=False)
    return pathlib.Path(value)


# A skipped test must not let the run pass for a pass: ctest runs these tests where every runtime
# is installed (the README's and .ci/run's packages), so a skip means something is missing.
_skipped = []


def pytest_runtest_logreport(report):
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if _skipped and session.exitstatus == 0:
        print(f"\n{len(_skipped)} test(s) skipped, which fails the run: {', '.join(_skipped)}")
        session.exitstatus = 1


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
