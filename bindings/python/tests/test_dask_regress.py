"""santei.dask_regress on a local Dask cluster of two worker processes, against `santei regress`
(the single-process CLI) on the same generated claims: identical figures."""
import json
import mmap
import os
import pathlib
import subprocess

import pytest

import distributed  # python3-distributed: ctest registers this file only where it is installed

import santei
from santei import dask_regress

TOTALS = ("lines", "receipts", "priced_both", "failed_old", "failed_new", "newly_failing", "old_points", "new_points", "delta",
          "old_patient_yen", "new_patient_yen", "up", "down", "unchanged")


@pytest.fixture(scope="module")
def cli() -> pathlib.Path:
    """The santei CLI built beside libsantei_c (ctest sets SANTEI_LIBRARY)."""
    library = os.environ.get("SANTEI_LIBRARY")
    if not library:
        pytest.fail("SANTEI_LIBRARY is not set: run these tests through ctest, which sets it", pytrace=False)
    path = pathlib.Path(library).parent / "santei"
    if not path.exists():
        pytest.fail(f"{path} is not built", pytrace=False)
    return path


def test_histogram_labels_are_those_of_the_library():
    assert dask_regress.histogram_label(dask_regress.ZERO - 2) == "\u22129 \u2026 \u22125"
    assert dask_regress.histogram_label(dask_regress.BUCKETS - 1) == "+1000 or more"


def test_partitions_are_whole_lines_that_cover_the_file(tmp_path):
    path = tmp_path / "lines.jsonl"
    path.write_bytes(b"".join(f"line {i}\n".encode() for i in range(1, 11)) + b"\n" + b"x" * 40 + b"\nlast")
    data = path.read_bytes()
    parts = dask_regress.partitions(str(path), 12)
    assert b"".join(data[s:e] for s, e in parts) == data
    assert all(parts[i][1] == parts[i + 1][0] for i in range(len(parts) - 1))
    # "line 1\n" is bytes 0–6: the 12th byte is in "line 2\n", which ends the first partition
    assert data[parts[0][0]:parts[0][1]] == b"line 1\nline 2\n"
    assert data[parts[1][0]:parts[1][1]] == b"line 3\nline 4\n"
    # a line longer than a partition is read whole (after "line 10\n", the blank line and it); the
    # last line needs no newline
    assert data[parts[-2][0]:parts[-2][1]] == b"\n" + b"x" * 40 + b"\n"
    assert data[parts[-1][0]:parts[-1][1]] == b"last"
    assert dask_regress.partitions(str(path), len(data) * 2) == [(0, len(data))]
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    assert dask_regress.partitions(str(empty)) == []


def test_combined_partitions_number_failing_receipts_after_the_lines_before_theirs():
    def partial(lines, failing_lines):
        s = dask_regress.empty_summary("r04", "r06")
        s["failing"] = [{"id": f"c{n}", "line": n, "old_points": 1, "new_points": 0, "failures": []} for n in failing_lines]
        s["receipts"] = lines
        s["lines"] = lines
        return s
    a, b, c = partial(5, [2]), partial(3, []), partial(4, [1, 4])
    left_first = dask_regress.combine(dask_regress.combine(a, b), c)
    right_first = dask_regress.combine(a, dask_regress.combine(b, c))
    for combined in (left_first, right_first):
        assert [r["line"] for r in combined["failing"]] == [2, 9, 12]
        assert combined["lines"] == 12 and combined["receipts"] == 12
    assert [r["line"] for r in c["failing"]] == [1, 4]  # the inputs as they were


def test_merging_partial_summaries_in_any_order_gives_the_same_summary():
    a = dask_regress.empty_summary("r04", "r06")
    b = dask_regress.empty_summary("r04", "r06")
    a.update(receipts=2, old_points=700, new_points=690, priced_both=2, down=2, newly_failing=1)
    a["codes"] = {"111000110": [1, 1, 288, 291]}
    a["failing"] = [{"id": "x", "line": 9, "old_points": 1, "new_points": 2, "failures": ["f"]}]
    b.update(receipts=1, old_points=73, new_points=75, priced_both=1, up=1, newly_failing=1)
    b["codes"] = {"111000110": [0, 0, 0, 0], "112007410": [1, 1, 73, 75]}
    b["failing"] = [{"id": "y", "line": 3, "old_points": 1, "new_points": 2, "failures": ["g"]}]
    ab, ba = dask_regress.report(dask_regress.merge([a, b])), dask_regress.report(dask_regress.merge([b, a]))
    assert ab == ba
    assert ab["delta"] == -8 and ab["receipts"] == 3
    assert [r["line"] for r in ab["failing"]] == [3, 9]


def test_the_library_counts_a_partitions_lines_blank_ones_and_an_unterminated_last_among_them(shared_masters):
    """combine() numbers a partition's lines after the lines before it: the count is the library's
    (santei_regress_json_lines' "lines"), every line read, not only the claims."""
    with santei.Masters.load(shared_masters) as masters, \
            santei.Context(masters, explain=False, revision="r04") as old, \
            santei.Context(masters, explain=False, revision="r06") as new:
        for data, lines in ((b"", 0), (b"\n", 1), (b"x\n\n", 2), (b"x\n\ny", 3), (b"x\r\n\r\ny\r\n", 3)):
            summary = santei.regress_json_lines(old, new, data)
            assert (summary["lines"], summary["receipts"]) == (lines, data.count(b"x") + data.count(b"y")), data


def test_a_partition_is_mapped_from_any_line_and_gives_what_its_bytes_read_give(tmp_path, shared_masters, cli):
    claims = tmp_path / "claims.jsonl"
    subprocess.run([str(cli), "generate", "--masters", str(shared_masters), "--month", "2024-07", "--count", "200",
                    "--seed", "6", "-o", str(claims)], check=True, stderr=subprocess.DEVNULL)
    with open(claims, "a", encoding="utf-8") as f:
        f.write("\nnot a claim\n")
    data = claims.read_bytes()
    start = data.index(b"\n", 5000) + 1  # a line's start inside a page: the mapping starts before it
    assert start % mmap.ALLOCATIONGRANULARITY != 0
    where = (str(shared_masters),)
    partial = dask_regress.regress_partition(str(claims), start, len(data), where, "r04", where, "r06")

    with santei.Masters.load(shared_masters) as masters, \
            santei.Context(masters, explain=False, revision="r04") as old, \
            santei.Context(masters, explain=False, revision="r06") as new:
        read = santei.regress_json_lines(old, new, data[start:])
        assert santei.regress_json_lines(old, new, bytearray(data[start:])) == read  # a buffer read where it lies
    lines = data[start:].split(b"\n")[:-1]
    assert partial["lines"] == read["lines"] == len(lines)
    assert partial["receipts"] == read["receipts"] == sum(1 for line in lines if line.strip())  # the blank one skipped
    assert partial["failed_old"] == partial["failed_new"] == 1  # not a claim
    assert partial == dask_regress._partial(read)


def test_local_cluster_of_two_worker_processes_matches_the_single_process_cli(tmp_path, shared_masters, cli):
    claims = tmp_path / "claims.jsonl"
    subprocess.run([str(cli), "generate", "--masters", str(shared_masters), "--month", "2024-07", "--count", "3000",
                    "--seed", "6", "-o", str(claims)], check=True, stderr=subprocess.DEVNULL)
    with open(claims, "a", encoding="utf-8") as f:
        f.write("\nnot a claim\n")  # a blank line and a line neither revision can price
    expected_path = tmp_path / "cli.json"
    run = subprocess.run([str(cli), "regress", "--old", str(shared_masters), "--old-revision", "r04", "--new",
                          str(shared_masters), "--new-revision", "r06", "--json", str(expected_path), str(claims)],
                         stdout=subprocess.DEVNULL)
    assert run.returncode == 1  # the bad line
    expected = json.loads(expected_path.read_text(encoding="utf-8"))

    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        # 2.7 MB in partitions of 64 KiB: about 40 tasks
        summary = dask_regress.regress(claims, old=shared_masters, old_revision="r04", new=shared_masters,
                                       new_revision="r06", client=client, bytes_per_partition=1 << 16)
        # The other way round one receipt newly fails (line 2061: its second ＰＳＡ, 160037510, over
        # r04's 上限回数 of 1 a month), in a partition far from the first: its line is the file's.
        backwards = dask_regress.regress(claims, old=shared_masters, old_revision="r06", new=shared_masters,
                                         new_revision="r04", client=client, bytes_per_partition=1 << 16)

    assert summary["receipts"] == 3001
    assert summary["lines"] == 3002  # 3,000 claims, the blank line and the bad one
    assert summary["failed_old"] == summary["failed_new"] == 1
    for key in TOTALS:
        assert summary[key] == expected[key], key
    assert summary["histogram"] == expected["histogram"]
    assert summary["codes"] == [{k: v for k, v in c.items() if k != "name"} for c in expected["codes"]]
    assert [(r["id"], r["line"], r["failures"]) for r in summary["failing"]] == \
        [(r["id"], r["line"], r["failures"]) for r in expected["failing"]]

    expected_backwards_path = tmp_path / "backwards.json"
    run = subprocess.run([str(cli), "regress", "--old", str(shared_masters), "--old-revision", "r06", "--new",
                          str(shared_masters), "--new-revision", "r04", "--json", str(expected_backwards_path),
                          str(claims)], stdout=subprocess.DEVNULL)
    assert run.returncode == 1
    expected_backwards = json.loads(expected_backwards_path.read_text(encoding="utf-8"))
    assert [r["line"] for r in expected_backwards["failing"]] == [2061]
    assert [(r["id"], r["line"], r["failures"]) for r in backwards["failing"]] == \
        [(r["id"], r["line"], r["failures"]) for r in expected_backwards["failing"]]
