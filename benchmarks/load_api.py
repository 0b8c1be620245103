"""A bounded load test of the HTTP API on loopback: N concurrent clients post news-sized
texts to ``/api/code`` for a fixed time (at most 60 s), then the server is checked.

The server runs in its own process (``eventcoder serve``), the clients in this one (asyncio
and httpx). Reported: requests, errors (any answer but 200, or none), requests per second,
latency percentiles, and the in-run baseline: the latency of one request alone on the same
server (so runs on different machines compare as ratios). Optionally (``--page``) the time
the web page takes to show the first events of a pasted article beyond the coder's own time,
in headless Chromium.

    python benchmarks/load_api.py [--clients 50] [--seconds 60] [--page]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from eventcoder.api.browser import free_port

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "examples"


def _texts() -> list[str]:
    """The bundled example articles (our own), without their header lines."""
    out = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n\n", 1)[-1]
        out.append(body.strip())
    return out


def _start_server(db: Path, port: int, token: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "EVENTCODER_API_TOKEN": token}
    script = Path(sys.executable).with_name("eventcoder")
    command = [str(script), "serve", "--db", str(db), "--port", str(port)]
    return subprocess.Popen(command, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)


def _wait_ready(base: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("the server did not start")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def _client(base: str, texts: list[str], stop: float, n: int, out: dict) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        i = n
        while time.monotonic() < stop:
            body = {"text": texts[i % len(texts)], "date": "2024-03-11"}
            i += 1
            started = time.perf_counter()
            try:
                response = await client.post("/api/code", json=body)
                ok = response.status_code == 200
                coding = response.json().get("coding_ms") if ok else None
            except (httpx.HTTPError, ValueError):
                ok, coding = False, None
            out["latency"].append(time.perf_counter() - started)
            out["errors"] += 0 if ok else 1
            if coding is not None:
                out["coding_ms"].append(coding)


async def _load(base: str, texts: list[str], clients: int, seconds: float) -> dict:
    out: dict = {"latency": [], "errors": 0, "coding_ms": []}
    started = time.monotonic()
    stop = started + seconds
    await asyncio.gather(*(_client(base, texts, stop, n, out) for n in range(clients)))
    out["wall_s"] = time.monotonic() - started
    return out


def _single(base: str, texts: list[str], repeat: int = 5) -> float:
    """Median latency of one request with nothing else running (the baseline)."""
    times = []
    with httpx.Client(base_url=base, timeout=120) as client:
        for i in range(repeat):
            started = time.perf_counter()
            client.post("/api/code", json={"text": texts[i % len(texts)], "date": "2024-03-11"})
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def _page_overhead(base: str, text: str, repeat: int = 3) -> list[float] | None:
    """Seconds from clicking Code to the first highlighted event, minus the coder's time."""
    from eventcoder.api.browser import chromium_paths, headless_chromium, paste_text, press_code

    if chromium_paths() is None:
        return None
    from selenium.webdriver.common.by import By

    profile = tempfile.mkdtemp(prefix="ec-chromium-")
    driver = headless_chromium(profile)
    overheads = []
    try:
        for _ in range(repeat):
            paste_text(driver, base, text)
            started = time.perf_counter()
            press_code(driver)
            elapsed = time.perf_counter() - started
            status = driver.find_element(By.ID, "status").text
            coder_ms = float(re.search(r"coder (\d+) ms", status).group(1))  # type: ignore[union-attr]
            overheads.append(round(elapsed - coder_ms / 1000, 3))
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    return overheads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--page", action="store_true", help="Also time the web page.")
    parser.add_argument("--output", type=Path, default=HERE / "results" / "api_load.json")
    args = parser.parse_args()
    seconds = min(args.seconds, 60.0)
    texts = _texts()
    port, token = free_port(), "bench-token"
    with tempfile.TemporaryDirectory() as folder:
        server = _start_server(Path(folder) / "bench.duckdb", port, token)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_ready(base)
            baseline = _single(base, texts)
            run = asyncio.run(_load(base, texts, args.clients, seconds))
            alive = httpx.get(base + "/api/health", timeout=10).status_code == 200
            page = _page_overhead(base, texts[0]) if args.page else None
        finally:
            server.terminate()
            _, stderr = server.communicate(timeout=30)
    log_errors = [
        line
        for line in stderr.decode(errors="replace").splitlines()
        if re.search(r"ERROR|Traceback|Exception", line)
    ]
    latency = run["latency"]
    result = {
        "clients": args.clients,
        "seconds": round(run["wall_s"], 1),
        "requests": len(latency),
        "errors": run["errors"],
        "requests_per_s": round(len(latency) / run["wall_s"], 2),
        "latency_p50_s": round(_percentile(latency, 0.5), 3),
        "latency_p95_s": round(_percentile(latency, 0.95), 3),
        "latency_max_s": round(max(latency), 3),
        "baseline_single_request_s": round(baseline, 3),
        "p95_over_baseline": round(_percentile(latency, 0.95) / baseline, 1),
        "coder_ms_median": round(statistics.median(run["coding_ms"]), 1)
        if run["coding_ms"]
        else None,
        "text_chars": [len(t) for t in texts],
        "server_alive_after": alive,
        "server_log_errors": len(log_errors),
        "page_overhead_s": page,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    if run["errors"] or not alive or log_errors:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
