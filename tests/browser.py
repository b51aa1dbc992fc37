"""A headless Chromium (Debian's package) driven over the DevTools protocol, for checking `annotator serve`.

Only what the serve test needs: open a page, read what its terminal shows, type, take a screenshot. The page
draws the terminal on a canvas (xterm.js), so its text is not in the DOM: a script added before the page's own
catches the xterm.js Terminal object as the page's code stores it (`this.terminal = ...`), and the text is read
from the terminal's buffer, the characters it displays.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import aiohttp

#: The flags that work on this machine: no sandbox as root, no GPU, no background connections (closed network).
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
    "--window-size=1200,800",
]

CATCH_TERMINAL = """
window.__terminals = [];
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {value, writable: true, configurable: true, enumerable: true});
    if (value && value.buffer) window.__terminals.push(value);
  },
});
"""

SCREEN_TEXT = """(() => {
  const terminal = window.__terminals[0];
  if (!terminal) return "";
  const buffer = terminal.buffer.active, lines = [];
  for (let y = 0; y < buffer.length; y++) lines.push(buffer.getLine(y).translateToString(true));
  return lines.join("\\n");
})()"""


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    """`async with Browser() as page:` one headless Chromium with one page.

    `resolving={"evil.example": "127.0.0.1"}` makes the browser find those names at those addresses, as a
    DNS-rebinding site's name is found at this machine's once its page is loaded."""

    def __init__(self, resolving: dict[str, str] | None = None) -> None:
        rules = ",".join(f"MAP {name} {address}" for name, address in (resolving or {}).items())
        self.flags = [f"--host-resolver-rules={rules}"] if rules else []

    async def __aenter__(self) -> Browser:
        binary = chromium()
        assert binary is not None, "chromium is not installed (apt-get install -y chromium)"
        self.profile = Path(tempfile.mkdtemp(prefix="annotator-chromium-"))
        self.process = subprocess.Popen(
            [binary, *FLAGS, *self.flags, f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        port = await self._devtools_port(seconds=120.0)
        self.session = aiohttp.ClientSession()
        async with self.session.get(f"http://127.0.0.1:{port}/json/list") as response:
            targets = await response.json()
        page = next(t for t in targets if t["type"] == "page")
        self.socket = await self.session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0)
        self.ids = itertools.count(1)
        await self.call("Page.enable")
        await self.call("Page.addScriptToEvaluateOnNewDocument", source=CATCH_TERMINAL)
        return self

    async def _devtools_port(self, seconds: float) -> int:
        """The port Chromium writes once it listens: a loaded CI machine can take well over 15 s to start it."""
        port_file = self.profile / "DevToolsActivePort"
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while loop.time() < deadline:
            if port_file.exists() and len(lines := port_file.read_text().splitlines()) >= 2:
                return int(lines[0])
            if self.process.poll() is not None:
                raise AssertionError(f"chromium exited with status {self.process.returncode} before it listened")
            await asyncio.sleep(0.1)
        self.process.kill()
        raise AssertionError(f"chromium did not listen within {seconds:.0f} s")

    async def __aexit__(self, *exc: object) -> None:
        await self.socket.close()
        await self.session.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        message_id = next(self.ids)
        await self.socket.send_str(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            message = json.loads((await self.socket.receive()).data)
            if message.get("id") == message_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    async def open(self, url: str) -> None:
        await self.call("Page.navigate", url=url)

    async def evaluate(self, expression: str) -> Any:
        """The value of a script run in the page (a promise's, once settled)."""
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        return result["result"].get("value")

    async def loaded(self, url: str, seconds: float = 60.0) -> str:
        """Open a page and wait until it is the document loaded: its text."""
        await self.open(url)
        for _ in range(int(seconds / 0.2)):
            if await self.evaluate("document.readyState === 'complete' && location.href") == url:
                return str(await self.evaluate("document.body ? document.body.innerText : ''"))
            await asyncio.sleep(0.2)
        raise AssertionError(f"{url} never loaded")

    async def screen_text(self) -> str:
        result = await self.call("Runtime.evaluate", expression=SCREEN_TEXT, returnByValue=True)
        return str(result["result"].get("value", ""))

    async def wait_for(self, text: str, seconds: float = 60.0) -> str:
        """The terminal's text once it shows `text` (AssertionError with what it shows after `seconds`)."""
        shown = ""
        for _ in range(int(seconds / 0.2)):
            shown = await self.screen_text()
            if text in shown:
                return shown
            await asyncio.sleep(0.2)
        raise AssertionError(f"the page never showed {text!r}; it shows:\n{shown}")

    async def press(self, key: str, code: str, key_code: int) -> None:
        """One key (as a person presses it) into the terminal: Enter, or a letter ("d", "KeyD", 68)."""
        await self.call("Runtime.evaluate", expression="document.querySelector('.xterm-helper-textarea').focus()")
        typed = "\r" if key == "Enter" else key if len(key) == 1 else ""
        for kind in ("keyDown", "keyUp"):
            await self.call(
                "Input.dispatchKeyEvent", type=kind, key=key, code=code, windowsVirtualKeyCode=key_code,
                nativeVirtualKeyCode=key_code, text=typed if kind == "keyDown" else "",
            )  # fmt: skip

    async def screenshot(self, path: Path) -> None:
        result = await self.call("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(result["data"]))
