#!/usr/bin/python3
"""The month's UKE check report as a person sees it: price the sample UKE file as claimed
(`santei price --uke --revision r04 --html`), open the HTML report in headless Chromium
(--dump-dom), and check its figures against the santei.uke-report/1 JSON of the same run: the
headline, the reasons table, one section per priced receipt, one row per unit. Standard library
only (and the regress check's Chromium helpers); run with Debian's /usr/bin/python3."""
import argparse
import html.parser
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "regress"))
from report_check import dump_dom, finish  # noqa: E402  (the regress report's Chromium check)
from rendering import japanese_text_checks  # noqa: E402

HEADLINE = ["receipts", "priced", "skipped", "units", "agreeing", "claimed-differently"]


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.cells = {}
        self.reasons = {}
        self.receipts = []   # (id, data-units, data-agreeing)
        self.units = 0
        self.agreeing_rows = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "td" and a.get("id") in HEADLINE:
            self.cells[a["id"]] = int(a["data-value"])
        if tag == "tr" and a.get("class") == "reason":
            self.reasons[a["data-reason"]] = int(a["data-units"])
        if tag == "section" and a.get("class") == "receipt":
            self.receipts.append((a["id"], int(a["data-units"]), int(a["data-agreeing"])))
        if tag == "tr" and a.get("class") == "unit":
            self.units += 1
            self.agreeing_rows += a.get("data-agrees") == "true"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--santei", required=True)
    p.add_argument("--masters", required=True)
    p.add_argument("--uke", required=True)
    p.add_argument("--workdir", required=True)
    p.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = p.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    out_html = os.path.join(args.workdir, "check.html")
    r = subprocess.run([args.santei, "price", "--uke", args.uke, "--masters", args.masters, "--revision", "r04",
                        "--html", out_html], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, check=False)
    if r.returncode not in (0, 1):
        sys.exit(f"santei price --uke failed: exit {r.returncode}")
    report = json.loads(r.stdout)
    page = Dom()
    page.feed(dump_dom(args.chromium, out_html))
    expected = {"receipts": report["receipts_in_file"], "priced": report["receipts_priced"],
                "skipped": report["receipts_skipped"], "units": report["units"], "agreeing": report["agreeing_units"],
                "claimed-differently": report["claimed_differently_units"]}
    checks = [(f"{k}: DOM {page.cells.get(k)} = JSON {v}", page.cells.get(k) == v) for k, v in expected.items()]
    checks.append((f"reasons {page.reasons} = JSON {report['reasons']}", page.reasons == report["reasons"]))
    checks.append((f"receipt sections {len(page.receipts)} = priced {report['receipts_priced']}",
                   len(page.receipts) == report["receipts_priced"]))
    checks.append((f"unit rows {page.units} = units {report['units']}", page.units == report["units"]))
    checks.append((f"agreeing rows {page.agreeing_rows} = {report['agreeing_units']}", page.agreeing_rows == report["agreeing_units"]))
    checks.append(("per-receipt agreeing adds up", sum(a for _, _, a in page.receipts) == report["agreeing_units"]))
    # The 診療識別 heading of the first receipt's table: 漢字 drawn in the report's Japanese font.
    checks += japanese_text_checks(args.chromium, out_html, "section.receipt th:nth-child(2)", args.workdir)
    finish(checks)


if __name__ == "__main__":
    main()
