"""Price one claim from Python with the santei package (bindings/python, ctypes over libsantei_c).

usage: python3 price_claim.py CLAIM.json [MASTERS_DIR]   (no MASTERS_DIR: the demo master)
Set SANTEI_LIBRARY to libsantei_c.so if it is not on the loader path.
"""
import sys

import santei


def main(argv):
    if len(argv) < 2:
        print(f"usage: {argv[0]} CLAIM.json [MASTERS_DIR]", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as file:
        claim = file.read()
    try:
        masters = santei.Masters.load(argv[2]) if len(argv) > 2 else santei.Masters.demo()
        with masters, santei.Context(masters) as context:
            result = context.price(claim)
    except santei.SanteiError as error:
        print(f"{argv[1]}: {error}", file=sys.stderr)
        return 1
    print(f"total_points: {result.total_points}")
    print(f"patient_yen: {result.patient_yen}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
