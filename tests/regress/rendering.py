"""Does a report's Japanese text render? Headless Chromium driven over its DevTools pipe
(--remote-debugging-pipe: commands on fd 3, replies on fd 4, each a JSON message ended by NUL) says
which font drew an element's text and takes screenshots of it. Standard library only."""
import base64
import json
import os
import shutil
import subprocess
import tempfile
import time


class Chromium:
    def __init__(self, executable, env=None, log=None):
        self.profile = tempfile.mkdtemp(prefix="santei-chromium-")
        to_chromium = os.pipe()
        from_chromium = os.pipe()

        def pipes_on_3_and_4():
            # Through high numbers first: the pipes may already sit on 3 or 4, and dup2 onto the
            # same number would keep them close-on-exec.
            os.dup2(to_chromium[0], 100)
            os.dup2(from_chromium[1], 101)
            os.dup2(100, 3)
            os.dup2(101, 4)

        self.process = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--hide-scrollbars",
             "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={self.profile}"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log or subprocess.DEVNULL,
            preexec_fn=pipes_on_3_and_4, close_fds=False, env=env)
        os.close(to_chromium[0])
        os.close(from_chromium[1])
        self._out = to_chromium[1]
        self._in = from_chromium[0]
        self._buffer = b""
        self._id = 0
        self.session = None

    def send(self, method, **params):
        self._id += 1
        message = {"id": self._id, "method": method, "params": params}
        if self.session and not method.startswith("Target."):
            message["sessionId"] = self.session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self._buffer:
                chunk = os.read(self._in, 1 << 20)
                if not chunk:
                    raise RuntimeError(f"chromium closed its pipe during {method}")
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self._id:  # events (no id) are not needed here
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]

    def open(self, url, width=1200, height=900):
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "DOM", "CSS", "Runtime"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
        self.send("Page.navigate", url=url)
        for _ in range(300):  # up to 30 s for the page and its fonts
            ready = self.send("Runtime.evaluate", expression="document.readyState === 'complete' && "
                              "document.fonts.status === 'loaded'", returnByValue=True)
            if ready["result"].get("value"):
                return
            time.sleep(0.1)
        raise RuntimeError(f"{url} did not finish loading")

    def evaluate(self, expression):
        return self.send("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def node(self, selector):
        root = self.send("DOM.getDocument")["root"]["nodeId"]
        node = self.send("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        if not node:
            raise RuntimeError(f"no element matches {selector}")
        return node

    def fonts(self, selector):
        """The fonts that drew the text of the element: [(family, glyphs)]."""
        fonts = self.send("CSS.getPlatformFontsForNode", nodeId=self.node(selector))["fonts"]
        return [(f["familyName"], f["glyphCount"]) for f in fonts]

    def screenshot(self, selector):
        """PNG bytes of the element's box, scrolled into view, once two shots in a row agree. CI's
        ASan job once saw the no-Japanese-fonts check differ, with the suite running beside it, where
        20 runs here under load did not: a shot taken before the page settled is the suspect."""
        last = None
        for _ in range(20):
            box = self.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); "
                                "e.scrollIntoView(); const r = e.getBoundingClientRect(); "
                                "return [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height]; })()")
            clip = {"x": box[0], "y": box[1], "width": box[2], "height": box[3], "scale": 1}
            shot = base64.b64decode(self.send("Page.captureScreenshot", format="png", clip=clip)["data"])
            if shot == last:
                return shot
            last = shot
            time.sleep(0.05)
        raise RuntimeError(f"the screenshot of {selector} did not settle in 20 shots")

    def close(self):
        try:
            self.send("Browser.close")
            self.process.wait(timeout=30)
        except Exception:
            self.process.kill()
            self.process.wait()
        os.close(self._out)
        os.close(self._in)
        shutil.rmtree(self.profile, ignore_errors=True)


# Japanese text must be drawn with a Japanese font, not as boxes (豆腐): the report declares the
# stack, fonts-noto-cjk provides the first of it on Debian, and a screenshot shows glyphs.
JAPANESE_STACK = ["Noto Sans CJK JP", "Hiragino", "Yu Gothic", "Meiryo"]
# A fontconfig that hides every font covering Japanese: what a machine without fonts-noto-cjk shows.
NO_JAPANESE_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><pattern><patelt name="lang"><string>ja</string></patelt></pattern></rejectfont></selectfont>
</fontconfig>
"""


def kanji_kana_swapped(text):
    """Each かな/漢字 replaced by its neighbour code point: the same layout, other glyphs."""
    return "".join(chr(ord(c) + 1) if 0x3041 <= ord(c) <= 0x9FFE else c for c in text)


def glyphs_differ(chromium, selector):
    """Does the element's screenshot change when its かな/漢字 do? Boxes (豆腐) all look alike."""
    element = f"document.querySelector({json.dumps(selector)})"
    original = chromium.evaluate(f"{element}.textContent")
    before = chromium.screenshot(selector)
    chromium.evaluate(f"{element}.textContent = {json.dumps(kanji_kana_swapped(original))}")
    after = chromium.screenshot(selector)
    chromium.evaluate(f"{element}.textContent = {json.dumps(original)}")
    if chromium.screenshot(selector) != before:
        raise RuntimeError(f"{selector}: the same text drew differently twice; screenshots cannot tell glyphs here")
    return original, before != after


def japanese_text_checks(executable, report, selector, workdir):
    """Is the Japanese text of `selector` in the page `report` drawn, in a Japanese font? A list of
    (text, ok) checks for report_check.finish()."""
    checks = []
    url = "file://" + os.path.abspath(report)
    browser = Chromium(executable)
    try:
        browser.open(url)
        stack = browser.evaluate(f"getComputedStyle(document.querySelector({json.dumps(selector)})).fontFamily") or ""
        for font in JAPANESE_STACK:
            checks.append((f"the report's font stack names {font}", font in stack))
        fonts = browser.fonts(selector)
        name, differ = glyphs_differ(browser, selector)
        checks.append((f"'{name}' has かな or 漢字 to look at", any(0x3041 <= ord(c) <= 0x9FFE for c in name)))
        checks.append((f"'{name}' is drawn in Noto Sans CJK JP ({fonts})",
                       bool(fonts) and all(family == "Noto Sans CJK JP" for family, _ in fonts)))
        checks.append((f"'{name}': its screenshot changes with its characters (glyphs, not boxes)", differ))
    finally:
        browser.close()
    # The same screenshot check where no font covers Japanese must see boxes, or it proves nothing.
    config = os.path.join(workdir, "no-japanese-fonts.conf")
    with open(config, "w", encoding="utf-8") as f:
        f.write(NO_JAPANESE_FONTS)
    browser = Chromium(executable, env=dict(os.environ, FONTCONFIG_FILE=config))
    try:
        browser.open(url)
        _, differ = glyphs_differ(browser, selector)
        checks.append((f"without Japanese fonts the same check sees boxes (it can fail; drawn in "
                       f"{browser.fonts(selector)})", not differ))
    finally:
        browser.close()
    return checks
