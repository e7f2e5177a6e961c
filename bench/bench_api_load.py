"""The ledger list API under concurrent load, against a bare Django view returning the same rows.

    .venv/bin/python -m bench api_load [--quick] [--seconds 15] [--connections 32] [--workers 4]

Starts gunicorn (sync workers) on a free loopback port against the generated district (see
bench_figures_vs_sql), signs in as the 党政办 of one 街道 with a Bearer token and loads
the list's second page, GET /api/disputes/?status=success&cursor=… (the first page's ``next`` link), with
wrk (or, if wrk is not installed, a threaded Python client — said so in the output); then the same for the
floor, /bare/disputes/ (bench/bare_urls.py: the same 50 rows with the same fields by .values() and
JsonResponse after the same keyset position, no authentication, scoping or serializer). The API's and the
floor's rows must be equal field for field. Prints requests/s
and p50/p95/p99 latency of both and their ratio. Any non-2xx answer fails the bench.
"""

import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import support

LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.status + e.connect + e.read + e.write + e.timeout))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_user():
    from fazhi.accounts import tokens

    return tokens.create(support.office_user("bench-office", "压测党政办"), "压测")[1]


def start_server(url: str, port: int, workers: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "bench.bare_settings",
        "FAZHI_ENV": "development",
        "FAZHI_DEBUG": "0",
        "FAZHI_ALLOWED_HOSTS": "127.0.0.1",
        "FAZHI_DB_CONN_MAX_AGE": "60",
        "PYTHONPATH": str(support.ROOT),
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [
        str(gunicorn),
        "fazhi.wsgi:application",
        "-w",
        str(workers),
        "-b",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, cwd=support.ROOT, env=env, start_new_session=True)
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    sys.exit("gunicorn 未能在30秒内启动")


def get(port: int, path: str, token: str = "") -> tuple[int, bytes]:
    # generous: the first requests wait for the workers to import Django on a busy machine
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=180)
    connection.request("GET", path, headers={"Authorization": f"Bearer {token}"} if token else {})
    response = connection.getresponse()
    return response.status, response.read()


def with_wrk(port, path, token, seconds, connections) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA)
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", script.name, "--timeout", "30s"]
    if token:
        command += ["-H", f"Authorization: Bearer {token}"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True
    ).stdout
    os.unlink(script.name)
    line = next(x for x in output.splitlines() if x.startswith("RESULT"))
    requests, duration, p50, p95, p99, errors = (int(v) for v in line.split()[1:])
    return {"rps": requests / (duration / 1e6), "p50": p50 / 1000, "p95": p95 / 1000, "p99": p99 / 1000,
            "errors": errors, "requests": requests}  # fmt: skip


def with_threads(port, path, token, seconds, connections) -> dict:
    """Closed-loop clients on keep-alive connections, one thread each (when wrk is missing)."""
    latencies: list[float] = []
    errors = [0]
    stop = time.perf_counter() + seconds
    headers = {"Authorization": f"Bearer {token}"} if token else {}

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        while time.perf_counter() < stop:
            began = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - began)
            if response.status >= 300:
                errors[0] += 1
        latencies.extend(mine)

    began = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    spent = time.perf_counter() - began
    cuts = statistics.quantiles(latencies, n=100)
    return {"rps": len(latencies) / spent, "p50": cuts[49] * 1000, "p95": cuts[94] * 1000, "p99": cuts[98] * 1000,
            "errors": errors[0], "requests": len(latencies)}  # fmt: skip


def same_rows(api_rows, bare_rows) -> bool:
    """The same records with the same fields and values (the floor names the masked columns as stored)."""

    def plain(row):
        parties = []
        for party in row["parties"]:
            party = dict(party)
            for name in ("id_number", "phone"):
                if f"{name}_masked" in party:
                    party[name] = party.pop(f"{name}_masked")
            parties.append(party)
        return {**row, "parties": parties}

    def normal(rows):
        return json.loads(json.dumps([plain(r) for r in rows], sort_keys=True, default=str))

    return normal(api_rows) == normal(bare_rows)


def main() -> None:
    def add(parser):
        parser.add_argument(
            "--seconds", type=int, default=None, help="每项负载时长（默认 15 s，--quick 3 s）"
        )
        parser.add_argument("--connections", type=int, default=32)
        parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))

    options = support.options(__doc__.splitlines()[0], add)
    if options.quick:
        options.connections = 8
    options.seconds = options.seconds or (3 if options.quick else 15)
    _size, url, _year = support.open_district(options.quick)
    token = bench_user()
    street = support.first_street()
    bare = f"/bare/disputes/?under={street.code}&status=success"
    load = with_wrk if shutil.which("wrk") else with_threads
    tool = "wrk" if load is with_wrk else "Python 线程客户端（未安装 wrk：apt-get install wrk）"
    port = free_port()
    server = start_server(url, port, options.workers)
    try:
        status, body = get(port, "/api/disputes/?status=success", token)
        if status != 200:
            sys.exit(f"接口返回 {status}：{body[:300]!r}")
        first = json.loads(body)["results"]
        api = "/api/" + json.loads(body)["next"].split("/api/", 1)[1]  # the second page, by its cursor
        bare += f"&after={first[-1]['received_on']},{first[-1]['id']}"
        api_rows = json.loads(get(port, api, token)[1])["results"]
        bare_rows = json.loads(get(port, bare)[1])["results"]
        if not api_rows or not same_rows(api_rows, bare_rows):
            sys.exit("下限视图与接口返回的记录或字段不同，比较无意义")
        api_numbers = api_rows
        print(
            f"数据库：{support.engine_label(url)}；gunicorn {options.workers} 个同步 worker；负载：{tool}，"
            f"{options.connections} 个连接，每项 {options.seconds} s；{street.name}党政办，每页 {len(api_numbers)} 条"
        )
        results = {}
        for label, path, key in (("接口", api, token), ("下限", bare, "")):
            load(port, path, key, 1, options.connections)  # warm-up: workers' connections and caches
            get(port, path, key)  # and wait until the warm-up's queue has drained
            results[label] = found = load(port, path, key, options.seconds, options.connections)
            print(
                f"{label} {path}：{found['rps']:,.0f} 请求/秒；p50 {found['p50']:.1f} ms，"
                f"p95 {found['p95']:.1f} ms，p99 {found['p99']:.1f} ms（{found['requests']:,} 次，错误 {found['errors']}）"
            )
        if any(r["errors"] for r in results.values()):
            sys.exit("有请求失败（非2xx或连接错误）")
        a, b = results["接口"], results["下限"]
        print(
            f"比值（下限/接口 请求每秒）{b['rps'] / a['rps']:.2f}；p50 比值 {a['p50'] / b['p50']:.2f}，p99 比值 {a['p99'] / b['p99']:.2f}"
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
