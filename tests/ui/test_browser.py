"""The Dagster UI in a real browser: launch a drop, watch it publish, see the pictures.

Starts ``dagster dev`` on a free port of 127.0.0.1 over a temporary instance, drops root and
warehouse, and drives Debian's headless Chromium through Playwright (never a downloaded
browser). Screenshots go to ``test-artifacts/ui/``.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from parley.settings import DEMO_DROP, REPO_ROOT
from pipelines.cli import INSTANCE_YAML

CHROMIUM = Path("/usr/bin/chromium")
# Headless, and nothing that phones home or updates itself during a test.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = REPO_ROOT / "test-artifacts" / "ui"
LOCATION = "pipelines.definitions"
SERVER_START_TIMEOUT_S = 120
# The drop run, then a publish and a reports run started by the automation sensors, whose
# ticks are 30 s apart.
PIPELINE_TIMEOUT_MS = 150_000


def _require_chromium() -> None:
    """Skip without Debian's chromium on a workstation; in CI its absence is a failure."""
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is missing (apt-get install -y --no-install-recommends chromium)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI must run the browser test: {reason}")
    pytest.skip(reason)


@dataclass(frozen=True)
class DagsterUI:
    """A running ``dagster dev`` and the paths it works on."""

    base_url: str
    drops_dir: Path
    warehouse: Path
    log: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_serving(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"dagster dev exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/server_info", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(1)
    pytest.fail(f"dagster dev did not answer within {SERVER_START_TIMEOUT_S} s")


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    """End dagster dev and everything it started (webserver, daemon, code servers, runs)."""
    group = process.pid  # the process leads its own group (start_new_session)
    for sig, grace in ((signal.SIGTERM, 30.0), (signal.SIGKILL, 10.0)):
        try:
            os.killpg(group, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            process.poll()
            try:
                os.killpg(group, 0)
            except ProcessLookupError:
                return
            time.sleep(0.5)


@pytest.fixture(scope="module")
def dagster_ui(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DagsterUI]:
    """``dagster dev`` on 127.0.0.1 over a fresh instance and an empty drops root."""
    _require_chromium()
    root = tmp_path_factory.mktemp("ui")
    home = root / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text(INSTANCE_YAML)
    drops = root / "drops"
    drops.mkdir()
    warehouse = root / "warehouse" / "parley.duckdb"
    log = root / "dagster-dev.log"
    port = _free_port()
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "PARLEY_DROPS_DIR": str(drops),
        "PARLEY_WAREHOUSE": str(warehouse),
    }
    command = [sys.executable, "-m", "dagster", "dev", "-w", str(REPO_ROOT / "workspace.yaml")]
    command += ["-h", "127.0.0.1", "-p", str(port)]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_until_serving(url, process, log)
        yield DagsterUI(url, drops, warehouse, log)
    finally:
        _stop_group(process)


@pytest.fixture
def page() -> Iterator[Page]:
    """A page in Debian's headless Chromium; Dagster's newsletter pop-up is dismissed."""
    _require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            skip = page.get_by_role("button", name="Skip")
            # A DOM click: while the pop-up fades in, its own panel can sit over the button
            # and make a pointer click time out (seen under load).
            page.add_locator_handler(skip, lambda: skip.dispatch_event("click"))
            yield page
        finally:
            browser.close()


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name))


def _reload_until_visible(page: Page, text: str, timeout_ms: int) -> None:
    """Reload until ``text`` shows: asset pages do not always refresh on a new event."""
    deadline = time.monotonic() + timeout_ms / 1000
    target = page.get_by_text(text, exact=True).first
    while True:
        try:
            expect(target).to_be_visible(timeout=5_000)
            return
        except AssertionError:
            if time.monotonic() > deadline:
                raise
            page.reload()


def _open_picture(page: Page) -> None:
    """Open the asset's "picture" metadata and check the inline PNG decoded."""
    page.get_by_text("[Show Markdown]", exact=True).first.click()
    picture = page.get_by_role("dialog").locator("img[src^='data:image/png;base64,']")
    expect(picture).to_be_visible()
    assert picture.evaluate("img => img.complete && img.naturalWidth") >= 800
    # Let the dialog finish fading in, so the screenshot shows the picture, not the page.
    page.wait_for_timeout(1_000)


def test_ui_launches_a_drop_and_shows_checks_and_pictures(
    dagster_ui: DagsterUI, page: Page
) -> None:
    base = dagster_ui.base_url
    try:
        # Every automation is listed: the drop sensor, both automation sensors, the schedule.
        page.goto(f"{base}/automation")
        for name in ("drop_sensor", "publish_automation", "reports_automation"):
            expect(page.get_by_text(name, exact=True).first).to_be_visible(timeout=30_000)
        expect(page.get_by_text("daily_warehouse_checks", exact=True).first).to_be_visible()
        # The sensor kinds load after the names; wait so the screenshot shows them.
        expect(page.get_by_text("Automation condition sensor").first).to_be_visible()
        _shot(page, "01-automation.png")

        # The asset graph: per-drop assets feed the warehouse, which feeds the reports.
        page.goto(f"{base}/asset-groups")
        for group in ("per_drop", "warehouse", "reports"):
            expect(page.get_by_text(group, exact=True).first).to_be_visible(timeout=30_000)
        _shot(page, "02-asset-graph.png")

        # Stop the drop sensor first, so the run under test is the one launched by hand.
        page.goto(f"{base}/locations/{LOCATION}/jobs/process_drop")
        switch = page.locator("a[href$='/sensors/drop_sensor'] + label")
        expect(switch.locator("input")).to_be_checked(timeout=30_000)
        switch.click()
        expect(switch.locator("input")).not_to_be_checked()
        shutil.copytree(DEMO_DROP, dagster_ui.drops_dir / "seeds")

        # Materialise the drop: add its partition in the launch dialog and launch one run.
        page.get_by_role("button", name="Materialize all").click()
        launch = page.get_by_role("dialog").filter(has_text="Partition selection")
        launch.get_by_text("Add a partition").click()
        add = page.get_by_role("dialog").filter(has_text="Add a partition for drops")
        add.locator("input").fill("seeds")
        add.get_by_role("button", name="Save").click()
        launch.get_by_role("button", name="Launch 1 run").click()
        expect(page.get_by_text("Launched run")).to_be_visible(timeout=30_000)
        # Open the run from the job's run list and wait for it to finish.
        page.goto(f"{base}/locations/{LOCATION}/jobs/process_drop/runs")
        run_link = page.get_by_role("link", name=re.compile(r"^run [0-9a-f]{8}$")).first
        expect(run_link).to_be_visible(timeout=30_000)
        run_link.click()
        expect(page.get_by_text("Success", exact=True).first).to_be_visible(timeout=120_000)
        _shot(page, "03-drop-run.png")

        # The automation sensors publish the warehouse (its checks ride along) and redraw.
        page.goto(f"{base}/assets/reports/who_met_whom")
        _reload_until_visible(page, "[Show Markdown]", PIPELINE_TIMEOUT_MS)
        _open_picture(page)
        _shot(page, "04-who-met-whom.png")
        page.goto(f"{base}/assets/reports/meeting_timeline")
        _reload_until_visible(page, "[Show Markdown]", 30_000)
        _open_picture(page)
        _shot(page, "05-meeting-timeline.png")

        page.goto(f"{base}/assets/meetings?view=checks")
        for name in ("keys_unique", "meeting_dates_not_future", "meeting_has_two_parties"):
            expect(page.get_by_text(name, exact=True).first).to_be_visible(timeout=30_000)
        succeeded = page.get_by_text("Succeeded", exact=True)
        expect(succeeded.first).to_be_visible()
        assert succeeded.count() >= 3
        _shot(page, "06-meeting-checks.png")
    except Exception:
        _shot(page, "failure.png")
        print(dagster_ui.log.read_text()[-5000:])
        raise
    assert (dagster_ui.warehouse.parent / "reports" / "who_met_whom.png").exists()
