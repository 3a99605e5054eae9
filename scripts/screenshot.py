"""Make docs/report.png, the README's picture of the bank's report: `starlint report` on
corpus/bank1.md in Debian's headless Chromium, scrolled to an answer with findings (Q93),
its first finding focused as the Tab key would, so that its message shows.

    python scripts/screenshot.py [--out docs/report.png] [--width 1100] [--height 1250]

Uses the DevTools client of the browser tests (tests/chromium.py).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.chromium import Browser, chromium_path  # noqa: E402

FOCUS = """(() => {
  const answer = [...document.querySelectorAll('article.answer')].find(a => a.querySelector('mark.f'));
  answer.scrollIntoView();
  window.scrollBy(0, -8);
  answer.querySelector('mark.f[tabindex="0"]').focus({preventScroll: true});
  return answer.querySelector('h3').textContent;
})()"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "report.png"))
    parser.add_argument("--width", type=int, default=1100)
    parser.add_argument("--height", type=int, default=1250)
    args = parser.parse_args()
    if chromium_path() is None:
        raise SystemExit("screenshot: Debian's chromium is needed (apt-get install -y chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "bank.html"
        subprocess.run([sys.executable, "-m", "starlint", "report", "corpus/bank1.md", "-o", str(page_file)],
                       check=True, cwd=ROOT)
        with Browser(width=args.width, height=args.height) as browser:
            page = browser.page(page_file.as_uri())
            title = page.evaluate(FOCUS)
            png = page.screenshot()
            problems = page.problems()
    if problems:
        raise SystemExit(f"screenshot: the page reported problems: {problems}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(png)
    print(f"{out}: {title}, {len(png) // 1024} KB")


if __name__ == "__main__":
    main()
