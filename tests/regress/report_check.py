#!/usr/bin/python3
"""The regression report as a person sees it: generate claims, run `santei regress` r04 -> r06,
open the HTML report in headless Chromium (--dump-dom), and check every headline figure in the DOM
against the sums of the CSV; then that its Japanese text is drawn, in a Japanese font (rendering.py:
fonts-noto-cjk, and a screenshot that shows glyphs, not boxes). Standard library only; run with
Debian's /usr/bin/python3."""
import argparse
import csv
import html.parser
import os
import shutil
import subprocess
import sys
import tempfile
import time

from rendering import japanese_text_checks

HEADLINE = ["receipts", "old-points", "new-points", "delta", "old-patient-yen", "new-patient-yen", "up", "down",
            "unchanged", "newly-failing", "failed-new", "failed-old"]


class Dom(html.parser.HTMLParser):
    """Headline cells (id + data-value + shown text) and histogram bars (data-receipts)."""

    def __init__(self):
        super().__init__()
        self.cells = {}
        self.shown = {}
        self.bars = []
        self.codes = 0
        self._open = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "td" and a.get("id") in HEADLINE:
            self.cells[a["id"]] = int(a["data-value"])
            self._open = a["id"]
            self.shown[self._open] = ""
        if tag == "g" and a.get("class") == "bar":
            self.bars.append(int(a["data-receipts"]))
        if tag == "tr" and a.get("class") == "code":
            self.codes += 1

    def handle_endtag(self, tag):
        if tag == "td":
            self._open = None

    def handle_data(self, data):
        if self._open:
            self.shown[self._open] += data


def shown_number(text):
    """'−41,539 点' -> -41539 (the page uses a real minus sign and thousands separators)."""
    digits = "".join(c for c in text if c.isdigit())
    negative = "−" in text or text.strip().startswith("-")
    return -int(digits) if negative else int(digits)


def run(cmd, **kw):
    started = time.monotonic()
    result = subprocess.run(cmd, check=False, **kw)
    print(f"  {os.path.basename(cmd[0])} {cmd[1] if len(cmd) > 1 else ''}: exit {result.returncode}, "
          f"{time.monotonic() - started:.1f} s", flush=True)
    return result


def dump_dom(chromium, path):
    """The page as headless Chromium renders it (--dump-dom); exits when it cannot."""
    if not shutil.which(chromium):
        sys.exit(f"{chromium} not found: install Debian's chromium (.ci/run does)")
    with tempfile.TemporaryDirectory() as profile:
        dom = run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                   "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
                   "--dump-dom", "file://" + os.path.abspath(path)],
                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, timeout=300)
    if dom.returncode != 0 or "</html>" not in dom.stdout:
        sys.exit("chromium could not render the report")
    return dom.stdout


def finish(checks):
    """Prints each (text, ok) check and the closing 'N passed, N failed' line; exits 1 if any failed."""
    failed = [text for text, ok in checks if not ok]
    for text, ok in checks:
        print(("ok   " if ok else "FAIL ") + text)
    print(f"{len(checks) - len(failed)} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--santei", required=True)
    p.add_argument("--masters", required=True)
    p.add_argument("--count", type=int, default=100000)
    p.add_argument("--month", default="2024-07")
    p.add_argument("--seed", default="20240701")
    p.add_argument("--workdir", required=True)
    p.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = p.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    claims = os.path.join(args.workdir, "claims.jsonl")
    out_csv = os.path.join(args.workdir, "regress.csv")
    out_html = os.path.join(args.workdir, "regress.html")

    if run([args.santei, "generate", "--masters", args.masters, "--month", args.month, "--count", str(args.count),
            "--seed", args.seed, "-o", claims], stderr=subprocess.DEVNULL).returncode != 0:
        sys.exit("santei generate failed")
    r = run([args.santei, "regress", "--old", args.masters, "--old-revision", "r04", "--new", args.masters,
             "--new-revision", "r06", "--csv", out_csv, "--html", out_html, claims], stdout=subprocess.PIPE, text=True)
    print(r.stdout)
    if r.returncode not in (0, 1):
        sys.exit("santei regress failed")

    page = Dom()
    page.feed(dump_dom(args.chromium, out_html))

    # The CSV, summed the way a spreadsheet would.
    sums = dict.fromkeys(["receipts", "old-points", "new-points", "delta", "old-patient-yen", "new-patient-yen",
                          "up", "down", "unchanged", "newly-failing", "failed-new", "failed-old"], 0)
    code_old = code_new = code_delta = 0
    deltas = []
    with open(out_csv, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["record"] == "receipt":
                sums["receipts"] += 1
                sums["old-points"] += int(row["old_points"])
                sums["new-points"] += int(row["new_points"])
                sums["delta"] += int(row["delta"])
                sums["old-patient-yen"] += int(row["old_patient_yen"] or 0)
                sums["new-patient-yen"] += int(row["new_patient_yen"] or 0)
                status = row["status"]
                sums["failed-new"] += status in ("new_failed", "both_failed")
                sums["failed-old"] += status in ("old_failed", "both_failed")
                sums["newly-failing"] += status == "new_failed" or (status == "ok" and row["notes"] != "")
                if status == "ok":
                    d = int(row["delta"])
                    deltas.append(d)
                    sums["up" if d > 0 else "down" if d < 0 else "unchanged"] += 1
            elif row["record"] == "code":
                code_old += int(row["old_points"])
                code_new += int(row["new_points"])
                code_delta += int(row["delta"])

    checks = []
    for key in HEADLINE:
        checks.append((f"{key}: DOM data-value {page.cells.get(key)} = CSV {sums[key]}", page.cells.get(key) == sums[key]))
        checks.append((f"{key}: shown text '{page.shown.get(key, '').strip()}' = CSV {sums[key]}",
                       key in page.shown and shown_number(page.shown[key]) == sums[key]))
    checks.append((f"receipts = {args.count} generated", sums["receipts"] == args.count))
    checks.append((f"per-code old points {code_old} = total {sums['old-points']}", code_old == sums["old-points"]))
    checks.append((f"per-code new points {code_new} = total {sums['new-points']}", code_new == sums["new-points"]))
    checks.append((f"per-code deltas {code_delta} = total delta {sums['delta']}", code_delta == sums["delta"]))
    checks.append((f"histogram bars {sum(page.bars)} = receipts priced by both {len(deltas)}", sum(page.bars) == len(deltas)))
    checks.append((f"19 histogram bars ({len(page.bars)})", len(page.bars) == 19))
    checks.append((f"codes that moved listed ({page.codes})", page.codes > 0))
    # The name of the code that moved the most: 漢字 and かな drawn in the report's Japanese font.
    checks += japanese_text_checks(args.chromium, out_html, "tr.code td:nth-child(2)", args.workdir)
    finish(checks)


if __name__ == "__main__":
    main()
