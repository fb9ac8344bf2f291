#!/usr/bin/env python3
"""Writes the bad-input master fixtures of tests/unit/bad_masters_test.cpp into OUT_DIR.

good/ is a tiny r06 revision directory in the SSK layouts (CP932, CRLF, every field quoted):
a few rows per master, typed here by hand with real-looking values (never copied from the SSK
files). Every other directory is good/ with exactly one defect, so a failing load can only be
caused by that defect. The build writes them (tests/CMakeLists.txt) into the build directory;
no fixture bytes are committed:

    python3 tests/bad/masters/make_fixtures.py OUT_DIR
"""
import shutil
import sys
from pathlib import Path


def row(width, defaults, values):
    """One row of `width` fields: a column's value from `values`, else `defaults`, else ""."""
    return [str(values.get(n, defaults.get(n, ""))) for n in range(1, width + 1)]


# 医科診療行為マスター, 150 columns: numeric columns are "0", age codes "00", text empty.
S_DEFAULTS = {n: "0" for n in range(1, 132)}
S_DEFAULTS.update({n: "" for n in (5, 7, 10, 85, 86, 113, 117)})
S_DEFAULTS.update({n: "00" for n in (41, 42, 100, 101, 103, 104, 106, 107, 109, 110, 91, 93, 96, 98, 99)})
S_DEFAULTS.update({2: "S", 12: "0.00", 32: "99999999", 34: "0.00", 58: "0.00", 88: "99999999",
                   92: "000", 94: "000", 97: "000", 131: "000"})


def s_row(values):
    return row(150, S_DEFAULTS, values)


def s_update_row(values):
    return row(150, {2: "S"}, values)  # 変更 rows carry only what changed


Y_DEFAULTS = {n: "0" for n in range(1, 41)}
Y_DEFAULTS.update({n: "" for n in (5, 7, 10, 29, 32, 35, 37, 38)})
Y_DEFAULTS.update({2: "Y", 31: "99999999"})

T_DEFAULTS = {n: "0" for n in range(1, 39)}
T_DEFAULTS.update({n: "" for n in (5, 7, 10, 25, 34, 35, 36, 37)})
T_DEFAULTS.update({2: "T", 15: "00", 16: "00", 29: "00000000", 30: "99999999", 38: "000"})

C_DEFAULTS = {n: "0" for n in range(1, 25)}
C_DEFAULTS.update({2: "C", 3: "8", 7: "", 9: "", 22: "99999999"})

B_DEFAULTS = {n: "0" for n in range(1, 47)}
B_DEFAULTS.update({n: "" for n in (6, 8, 10, 13, 14, 15, 16, 17, 18, 22, 38, 39, 40, 41)})
B_DEFAULTS.update({2: "B", 19: "00", 21: "00", 24: "99999999", 43: "00", 44: "00"})

Z_DEFAULTS = {1: "0", 2: "Z", 12: "0", 13: "0", 16: "99999999"}

GOOD = {
    "s_ALL20240531.csv": [
        s_row({3: "111000110", 4: 3, 5: "初診料", 6: 7, 7: "ｼｮｼﾝﾘｮｳ", 11: 3, 12: "291.00", 15: 110, 18: 1,
               27: 2, 28: 1, 38: 1101, 43: 1, 57: 3, 58: "288.00", 66: 110, 68: 1, 69: 1, 85: "A",
               87: "20240601", 89: "00230000", 90: 1, 91: "01", 94: "001", 101: "06", 102: "111000370",
               113: "初診料", 129: 1}),
        s_row({3: "111000370", 4: 9, 5: "乳幼児加算（初診）", 6: 12, 7: "ﾆｭｳﾖｳｼﾞｶｻﾝ(ｼｮｼﾝ)", 11: 3,
               12: "75.00", 14: 1, 15: 110, 18: 1, 38: 1101, 39: 1, 42: "06", 57: 3, 58: "75.00", 66: 110,
               68: 7, 69: 7, 85: "A", 87: "20240601", 89: "00240000", 90: 1, 91: "01", 94: "005",
               113: "乳幼児加算（初診）"}),
        s_row({3: "112007410", 4: 3, 5: "再診料", 6: 6, 7: "ｻｲｼﾝﾘｮｳ", 11: 3, 12: "75.00", 13: 2, 15: 120,
               27: 2, 28: 2, 38: 1201, 43: 1, 57: 3, 58: "73.00", 68: 1, 69: 1, 71: 5, 85: "A",
               87: "20240601", 89: "00500000", 90: 1, 91: "01", 92: "001", 94: "001", 101: "06",
               102: "112000970", 113: "再診料（一般病床２００床以上の病院を除く）", 129: 3}),
        s_row({3: "111703370", 4: 16, 5: "医療ＤＸ推進体制整備加算（初診）", 6: 15, 7: "ｲﾘｮｳDXｽｲｼﾝﾀｲｾｲｾｲﾋﾞｶｻﾝ",
               11: 3, 12: "8.00", 15: 110, 18: 1, 38: 1101, 39: 6, 66: 110, 68: 7, 69: 7, 85: "A",
               87: "20240601", 89: "00281000", 90: 1, 91: "01", 94: "013",
               113: "医療ＤＸ推進体制整備加算（初診）"}),
    ],
    # An update of 2024-09-06: 111703370 is renamed 加算３ from 2024-10-01 (変更区分 5, only the
    # changed fields filled).
    "updates/s_20240906.csv": [
        s_update_row({1: 5, 3: "111703370", 4: 17, 5: "医療ＤＸ推進体制整備加算３（初診）", 59: 1,
                      87: "20241001", 113: "医療ＤＸ推進体制整備加算３（初診）"}),
    ],
    "y_ALL20240531.csv": [
        row(40, Y_DEFAULTS, {3: "620098801", 4: 10, 5: "ロキソニン錠６０ｍｇ", 6: 13, 7: "ﾛｷｿﾆﾝｼﾞｮｳ60MG",
                             8: 16, 9: 1, 10: "錠", 11: 1, 12: "10.10", 22: 1, 24: 1, 25: "10.10", 28: 1,
                             30: "20240401", 32: "1149019F1560", 33: "007043000", 35: "ロキソニン錠６０ｍｇ",
                             37: "1149019F1ZZZ", 38: "【般】ロキソプロフェンＮａ錠６０ｍｇ", 39: 2}),
        row(40, Y_DEFAULTS, {3: "620002023", 4: 9, 5: "カロナール錠２００", 6: 9, 7: "ｶﾛﾅｰﾙｼﾞｮｳ200", 8: 16,
                             9: 1, 10: "錠", 11: 1, 12: "6.70", 17: 1, 24: 1, 25: "5.90", 28: 1,
                             30: "20240401", 32: "1141007F1063", 33: "006987000", 35: "カロナール錠２００",
                             37: "1141007F1ZZZ", 38: "【般】アセトアミノフェン錠２００ｍｇ", 39: 1}),
    ],
    "t_ALL20240315.csv": [
        row(38, T_DEFAULTS, {3: "700010000", 4: 2, 5: "半切", 6: 3, 7: "ﾊﾝｾﾂ", 8: 6, 9: 1, 10: "枚", 11: 1,
                             12: "120.00", 14: 1, 17: 1, 18: "120.00", 26: "1000000", 28: "20240601",
                             31: 3, 32: 1, 37: "フィルム・半切"}),
        row(38, T_DEFAULTS, {3: "739220000", 4: 8, 5: "酸素ボンベ・大型", 6: 13, 7: "ｻﾝｿﾎﾞﾝﾍﾞｵｵｶﾞﾀ", 8: 37, 9: 1,
                             10: "Ｌ", 11: 1, 12: "0.42", 17: 1, 18: "0.42", 21: 4, 22: 2, 23: 1,
                             26: "1045000", 28: "20240601", 37: "酸素ボンベ・大型"}),
    ],
    "c_ALL20240531.csv": [
        row(30, C_DEFAULTS, {4: 10, 5: 1, 21: "20240601", 23: "810000001", 24: "17470000"}),
        row(30, C_DEFAULTS, {4: 20, 5: 1, 6: 8, 7: "別途コメントあり", 8: 10, 9: "ﾍﾞｯﾄｺﾒﾝﾄｱﾘ",
                             21: "20240601", 23: "820000001", 24: "17480000"}),
    ],
    "b_20240601.txt": [
        row(46, B_DEFAULTS, {3: "8833421", 4: "8833421", 5: 4, 6: "高血圧症", 7: 4, 8: "高血圧症", 9: 9,
                             10: "コウケツアツショウ", 11: "20061593", 12: 1, 13: "UHGQ", 16: "I10",
                             22: "20020601", 23: "20240601", 39: "高血圧症", 42: 4}),
        row(46, B_DEFAULTS, {3: "2500015", 4: "2500015", 5: 5, 6: "２型糖尿病", 7: 5, 8: "２型糖尿病", 9: 11,
                             10: "２ガタトウニョウビョウ", 11: "20050020", 12: 1, 13: "U23V", 16: "E11",
                             23: "20240601", 39: "２型糖尿病", 42: 5}),
    ],
    "z_20240601.txt": [
        row(19, Z_DEFAULTS, {3: "8002", 6: 3, 7: "の疑い", 9: 5, 10: "ノウタガイ", 17: "27000001",
                             18: "5395", 19: "A8000000"}),
        row(19, Z_DEFAULTS, {3: "2060", 6: 2, 7: "左右", 9: 3, 10: "サユウ", 17: "27000359",
                             18: "5159", 19: "A2000000"}),
    ],
}


def encode_line(fields):
    return ('"' + '","'.join(fields) + '"').encode("cp932") + b"\r\n"


def encode(rows):
    return b"".join(encode_line(r) for r in rows)


def with_field(rows, line, column, value):
    """A copy of `rows` whose row `line` (1-based) has `value` in `column` (1-based)."""
    out = [list(r) for r in rows]
    out[line - 1][column - 1] = value
    return out


def truncated(rows):
    """The file cut in the middle of the last row's 省略漢字名称 (col 5): no closing quote, no CRLF."""
    head = encode(rows[:-1])
    last = encode_line(rows[-1])
    name = rows[-1][4].encode("cp932")
    start = last.index(b'"' + name)
    return head + last[: start + 1 + 4]  # the quote and two whole double-byte characters


def not_cp932(rows):
    """Line 2's 傷病名基本名称 (col 6) with a 0xFF byte, which CP932 does not define."""
    lines = [encode_line(r) for r in rows]
    name = rows[1][5].encode("cp932")
    lines[1] = lines[1].replace(b'"' + name + b'"', b'"' + name[:4] + b"\xff" + name[4:] + b'"', 1)
    return b"".join(lines)


def utf8_row(rows, line):
    """Row `line` (1-based) written in UTF-8, the rest in CP932 (a row edited in a UTF-8 editor)."""
    lines = [encode_line(r) for r in rows]
    lines[line - 1] = ('"' + '","'.join(rows[line - 1]) + '"').encode("utf-8") + b"\r\n"
    return b"".join(lines)


def with_bytes(rows, line, column, value):
    """Like with_field, for a value of raw bytes (a NUL, say) that text cannot carry."""
    lines = [encode_line(r) for r in rows]
    old = b'"' + rows[line - 1][column - 1].encode("cp932") + b'"'
    fields = lines[line - 1].split(b",")
    assert fields[column - 1].rstrip(b"\r\n") == old
    fields[column - 1] = fields[column - 1].replace(old, b'"' + value + b'"')
    lines[line - 1] = b",".join(fields)
    return b"".join(lines)


# Each case: (directory, file it changes, new bytes or None to delete the file).
CASES = {
    "truncated_row": ("s_ALL20240531.csv", truncated(GOOD["s_ALL20240531.csv"])),
    "wrong_column_count": ("y_ALL20240531.csv",
                           encode([GOOD["y_ALL20240531.csv"][0], GOOD["y_ALL20240531.csv"][1][:39]])),
    "not_cp932": ("b_20240601.txt", not_cp932(GOOD["b_20240601.txt"])),
    "bad_date": ("s_ALL20240531.csv", encode(with_field(GOOD["s_ALL20240531.csv"], 2, 87, "20240230"))),
    "duplicate_code": ("s_ALL20240531.csv",
                       encode(with_field(GOOD["s_ALL20240531.csv"], 3, 3, "111000110"))),
    "update_unknown_code": ("updates/s_20240906.csv",
                            encode(with_field(GOOD["updates/s_20240906.csv"], 1, 3, "111703470"))),
    "missing_file": ("z_20240601.txt", None),
    "empty_file": ("z_20240601.txt", b""),
    "wrong_kind_letter": ("t_ALL20240315.csv", encode(with_field(GOOD["t_ALL20240315.csv"], 2, 2, "Y"))),
    "not_a_number": ("s_ALL20240531.csv", encode(with_field(GOOD["s_ALL20240531.csv"], 1, 12, "２９１.00"))),
    "overflowing_number": ("s_ALL20240531.csv",
                           encode(with_field(GOOD["s_ALL20240531.csv"], 2, 13, "99999999999"))),
    "overflowing_price": ("y_ALL20240531.csv",
                          encode(with_field(GOOD["y_ALL20240531.csv"], 2, 12, "1234567890123456789.70"))),
    "utf8_row": ("b_20240601.txt", utf8_row(GOOD["b_20240601.txt"], 2)),
    "embedded_nul": ("z_20240601.txt", with_bytes(GOOD["z_20240601.txt"], 2, 7, "左".encode("cp932") + b"\x00" +
                                                  "右".encode("cp932"))),
}


def write_tree(directory, files):
    if directory.exists():
        shutil.rmtree(directory)
    for name, data in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_fixtures.py OUT_DIR")
    out = Path(sys.argv[1])
    good = {name: encode(rows) for name, rows in GOOD.items()}
    write_tree(out / "good", good)
    for case, (name, data) in CASES.items():
        files = dict(good)
        if data is None:
            del files[name]
        else:
            files[name] = data
        write_tree(out / case, files)


if __name__ == "__main__":
    main()
