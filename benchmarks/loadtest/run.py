"""Load test: 50 people, each with 1,000 entries, using the app at once for 60 seconds,
three times in a row on each database.

    make loadtest                                   # SQLite, then PostgreSQL + Redis
    .venv/bin/python benchmarks/loadtest/run.py --db sqlite
    .venv/bin/python benchmarks/loadtest/run.py --db postgres \\
        --database-url postgres://postgres@127.0.0.1:5432/pct_load

Without --redis-url, the PostgreSQL runs start a redis-server of their own on a free
loopback port (no persistence) and stop it afterwards. --runs (default 3) repeats the
whole test, each time on a fresh database; the targets must hold in every run.

What it does, in order:
1. Production settings from the environment only (DJANGO_DEBUG=False, fresh secret and
   encryption keys), with the three that plain HTTP on 127.0.0.1 needs:
   DJANGO_SSL_REDIRECT=False, DJANGO_SECURE_COOKIES=False, DJANGO_BEHIND_PROXY=False;
   and DJANGO_TRUSTED_PROXIES=127.0.0.1, so each simulated person's X-Forwarded-For counts
   as their own address in the login rate limit (30 logins a minute per address), as it
   would behind the reverse proxy. Nothing in the code is changed for the test.
2. A fresh database (SQLite in var/loadtest/sqlite/, or the PostgreSQL database named by
   --database-url, which is DROPPED and created again) filled by prepare.py; the Redis
   database of --redis-url is flushed.
3. `make serve` (migrate, collectstatic, gunicorn with gunicorn.conf.py, and beside it
   the task worker, `manage.py db_worker`, which works out each person's insights after
   they log an entry) on 127.0.0.1.
4. locust, headless, from .venv-bench (requirements-bench.txt): 50 users, see
   locustfile.py. While it runs, every gunicorn worker's memory (VmRSS and PSS from
   /proc) is sampled twice a second.
5. A summary: requests, failures, requests/s, p50/p95/p99 overall and per page, the
   peak memory of any worker, the CPU the task worker used, and the CPU the load
   generator itself used.

Results go to var/loadtest/<db>/run<N>/ (locust's CSV files, the server log, summary.json).
"""

import argparse
import csv
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PYTHON = ROOT / ".venv" / "bin" / "python"
LOCUST = ROOT / ".venv-bench" / "bin" / "locust"
TARGETS = {"p95_ms": 300, "rps": 100, "worker_rss_mb": 250}


def _server_env(args, workdir: Path, port: int) -> dict:
    from cryptography.fernet import Fernet

    env = {
        **os.environ,
        "DJANGO_DEBUG": "False",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "DJANGO_SSL_REDIRECT": "False",
        "DJANGO_SECURE_COOKIES": "False",
        "DJANGO_BEHIND_PROXY": "False",
        "DJANGO_TRUSTED_PROXIES": "127.0.0.1",
        "DJANGO_VAR_DIR": str(workdir / "var"),
        "DJANGO_LOG_LEVEL": "WARNING",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESS_LOG": str(workdir / "access.log"),
        # LOADTEST_GUNICORN_ARGS: extra gunicorn options to try (e.g. "--keep-alive 2").
        "GUNICORN_CMD_ARGS": f"--pid {workdir / 'gunicorn.pid'} "
        + os.environ.get("LOADTEST_GUNICORN_ARGS", ""),
    }
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    if args.db == "postgres":
        env["DATABASE_URL"] = args.database_url
        env["REDIS_URL"] = args.redis_url
    return env


def _fresh_postgres(database_url: str) -> None:
    import psycopg

    url = urllib.parse.urlparse(database_url)
    name = url.path.lstrip("/")
    maintenance = url._replace(path="/postgres").geturl()
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def _flush_redis(redis_url: str) -> None:
    import redis

    redis.Redis.from_url(redis_url).flushdb()


def _free_port() -> int:
    # Others may be serving on this machine too (test servers): take a port nobody has.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_server(server: subprocess.Popen, pid_file: Path, port: int) -> int:
    """The gunicorn master's pid, once it has written it and answers on the port."""
    deadline = time.monotonic() + 180  # migrate and collectstatic come first
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server stopped; see server.log")
        if pid_file.exists():
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return int(pid_file.read_text())
            except (OSError, ValueError):
                pass
        time.sleep(0.5)
    raise SystemExit(f"the server did not answer on port {port}")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The parent pid is the second field after the ")" that closes the command name.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _memory_kb(pid: int) -> tuple[int, int]:
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def task_worker_pid(make_pid: int) -> int | None:
    """The `manage.py db_worker` that `make serve` started beside gunicorn."""
    for shell in _children(make_pid):
        for pid in _children(shell):
            try:
                command = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if b"db_worker" in command:
                return pid
    return None


class MemorySampler(threading.Thread):
    """Peak VmRSS and PSS of each gunicorn worker, sampled every `interval` seconds."""

    def __init__(
        self,
        master_pid: int,
        window_file: Path,
        interval: float = 0.5,
        task_worker: int | None = None,
    ):
        super().__init__(daemon=True)
        self.master_pid = master_pid
        self.task_worker = task_worker
        self.task_worker_cpu_at_window_open: float | None = None
        self.task_worker_peak_rss = 0
        self.window_file = window_file
        self.interval = interval
        self.peaks: dict[int, tuple[int, int]] = {}
        self.peak_total_pss = 0  # master and workers together: the memory really used
        self.cpu_at_window_open: float | None = None
        self.machine_at_window_open: tuple[float, float] | None = None
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            if self.cpu_at_window_open is None and self.window_file.exists():
                self.cpu_at_window_open = server_cpu_seconds(self.master_pid)
                self.machine_at_window_open = machine_cpu_seconds()
                if self.task_worker is not None:
                    self.task_worker_cpu_at_window_open = _cpu_seconds(self.task_worker)
            if self.task_worker is not None:
                rss = _memory_kb(self.task_worker)[0]
                self.task_worker_peak_rss = max(self.task_worker_peak_rss, rss)
            total_pss = _memory_kb(self.master_pid)[1]
            for pid in _children(self.master_pid):
                rss, pss = _memory_kb(pid)
                old_rss, old_pss = self.peaks.get(pid, (0, 0))
                self.peaks[pid] = (max(rss, old_rss), max(pss, old_pss))
                total_pss += pss
            self.peak_total_pss = max(self.peak_total_pss, total_pss)


def _cpu_seconds(pid: int, *, with_children: bool = False) -> float:
    """utime + stime of `pid` (and of its children that have ended, if asked)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    used = sum(int(value) for value in fields[11 : 15 if with_children else 13])
    return used / os.sysconf("SC_CLK_TCK")


def machine_cpu_seconds() -> tuple[float, float]:
    """(busy, all) CPU seconds of the whole machine since boot, from /proc/stat."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle and iowait
    ticks = os.sysconf("SC_CLK_TCK")
    return (sum(fields[:8]) - idle) / ticks, sum(fields[:8]) / ticks


def server_cpu_seconds(master_pid: int) -> float:
    """CPU used so far by gunicorn: the master, its live workers and recycled ones."""
    workers = sum(_cpu_seconds(pid) for pid in _children(master_pid))
    return _cpu_seconds(master_pid, with_children=True) + workers


def _run_locust(args, workdir: Path, port: int) -> tuple[int, float, float]:
    """Runs locust to the end; returns its exit code, CPU seconds and wall seconds."""
    env = {
        **os.environ,
        "LOADTEST_USERS": str(args.users),
        "LOADTEST_SECONDS": str(args.seconds),
        "LOADTEST_WINDOW_FILE": str(workdir / "window-open"),
    }
    command = [
        str(LOCUST),
        "--locustfile",
        str(HERE / "locustfile.py"),
        "--headless",
        "--host",
        f"http://127.0.0.1:{port}",
        "--users",
        str(args.users),
        "--spawn-rate",
        "10",
        # A hard stop in case the window never opens (the locustfile quits after it).
        "--run-time",
        f"{int(args.seconds) + 300}s",
        "--csv",
        str(workdir / "locust"),
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, cwd=HERE)  # noqa: S603 (our own tools)
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_utime + usage.ru_stime, time.monotonic() - started


def _read_stats(workdir: Path) -> tuple[dict, list[dict]]:
    with open(workdir / "locust_stats.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    total = next(row for row in rows if row["Name"] == "Aggregated")
    # The logins come before the window opens: their rows are empty after the reset.
    pages = [row for row in rows if row["Name"] != "Aggregated" and int(row["Request Count"])]
    return total, pages


def _summary(
    total: dict, pages: list[dict], memory: MemorySampler, server_cpu: float, locust_cpu, seconds
) -> dict:
    def figures(row: dict) -> dict:
        return {
            "requests": int(row["Request Count"]),
            "failures": int(row["Failure Count"]),
            "rps": round(float(row["Requests/s"]), 1),
            "p50_ms": float(row["50%"]),
            "p95_ms": float(row["95%"]),
            "p99_ms": float(row["99%"]),
        }

    peak_rss = max((rss for rss, _pss in memory.peaks.values()), default=0) / 1024
    peak_pss = max((pss for _rss, pss in memory.peaks.values()), default=0) / 1024
    return {
        "overall": figures(total),
        "pages": {row["Name"]: figures(row) for row in pages},
        "server_cpu_seconds": round(server_cpu, 1),
        "server_cpu_ms_per_request": round(
            server_cpu * 1000 / max(1, int(total["Request Count"])), 1
        ),
        "workers_seen": len(memory.peaks),
        "worker_peak_rss_mb": round(peak_rss, 1),
        "worker_peak_pss_mb": round(peak_pss, 1),
        "server_peak_total_pss_mb": round(memory.peak_total_pss / 1024, 1),
        "locust_cpu_seconds": round(locust_cpu, 1),
        "locust_wall_seconds": round(seconds, 1),
        "load_average_before": os.getloadavg(),
    }


def _print_summary(db: str, summary: dict) -> bool:
    overall = summary["overall"]
    print(f"\n== {db}: {overall['requests']} requests, {overall['failures']} failures")
    print(f"{'page':<28}{'requests':>9}{'fail':>6}{'rps':>7}{'p50':>7}{'p95':>7}{'p99':>7}")
    for name, row in [*summary["pages"].items(), ("ALL", overall)]:
        print(
            f"{name:<28}{row['requests']:>9}{row['failures']:>6}{row['rps']:>7}"
            f"{row['p50_ms']:>7.0f}{row['p95_ms']:>7.0f}{row['p99_ms']:>7.0f}"
        )
    print(
        f"worker memory peak: {summary['worker_peak_rss_mb']} MB RSS "
        f"({summary['worker_peak_pss_mb']} MB PSS), {summary['workers_seen']} workers seen, "
        f"master and workers together {summary['server_peak_total_pss_mb']} MB PSS; "
        f"locust used {summary['locust_cpu_seconds']} s CPU in {summary['locust_wall_seconds']} s"
    )
    print(
        f"server CPU in the window: {summary['server_cpu_seconds']} s, "
        f"{summary['server_cpu_ms_per_request']} ms per request; the machine was busy on "
        f"{summary.get('machine_busy_cores', '?')} of {summary.get('machine_cores', '?')} "
        f"cores, gunicorn on {summary.get('server_cores', '?')}"
    )
    print(
        f"task worker: {summary.get('task_worker_cpu_seconds', '?')} s CPU in the window, "
        f"peak {summary.get('task_worker_peak_rss_mb', '?')} MB RSS"
    )
    met = (
        overall["failures"] == 0
        and overall["p95_ms"] < TARGETS["p95_ms"]
        and overall["rps"] >= TARGETS["rps"]
        and summary["worker_peak_rss_mb"] < TARGETS["worker_rss_mb"]
    )
    print(
        "targets (0 errors, p95 < 300 ms, >= 100 req/s, worker < 250 MB):",
        "met" if met else "MISSED",
    )
    return met


def run(args) -> bool:
    workdir = ROOT / "var" / "loadtest" / args.db / f"run{args.run_number}"
    shutil.rmtree(workdir, ignore_errors=True)
    (workdir / "var").mkdir(parents=True)
    port = _free_port()
    env = _server_env(args, workdir, port)
    if args.db == "postgres":
        _fresh_postgres(args.database_url)
        _flush_redis(args.redis_url)
    print(f"== {args.db}: load average {os.getloadavg()[0]:.2f}; preparing the database")
    manage = [str(PYTHON), str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True)  # noqa: S603
    fill = [str(PYTHON), str(HERE / "prepare.py"), f"--users={args.users}"]
    subprocess.run([*fill, f"--entries={args.entries}"], env=env, check=True)  # noqa: S603
    # `make serve` itself: migrate, collectstatic, gunicorn with gunicorn.conf.py.
    log = open(workdir / "server.log", "w")  # noqa: SIM115 (open while the server runs)
    make = shutil.which("make") or "make"
    serve = [make, "--no-print-directory", "serve"]
    server = subprocess.Popen(serve, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    pid_file = workdir / "gunicorn.pid"
    try:
        master = _wait_for_server(server, pid_file, port)
        task_worker = task_worker_pid(server.pid)
        if task_worker is None:
            raise SystemExit("`make serve` started no task worker; see server.log")
        memory = MemorySampler(master, workdir / "window-open", task_worker=task_worker)
        memory.start()
        code, locust_cpu, seconds = _run_locust(args, workdir, port)
        server_cpu = server_cpu_seconds(master) - (memory.cpu_at_window_open or 0.0)
        worker_cpu = _cpu_seconds(task_worker) - (memory.task_worker_cpu_at_window_open or 0.0)
        busy, every = machine_cpu_seconds()
        opened_busy, opened_every = memory.machine_at_window_open or (busy, every)
        machine = (busy - opened_busy, every - opened_every)
        memory.stopped.set()
        if code not in (0, 1):  # 1: some requests failed, which the summary shows
            raise SystemExit(f"locust exited with {code}")
    finally:
        # gunicorn's end ends `make serve`, which stops the task worker with it.
        if pid_file.exists():
            os.kill(int(pid_file.read_text()), signal.SIGTERM)
        server.wait(timeout=60)
        log.close()
    total, pages = _read_stats(workdir)
    summary = _summary(total, pages, memory, server_cpu, locust_cpu, seconds)
    # Everything else the machine did meanwhile (other people's test runs, the database
    # server, locust): cores busy on average, of the cores there are.
    summary["machine_busy_cores"] = round(machine[0] / args.seconds, 2)
    summary["machine_cores"] = round(machine[1] / args.seconds, 2)
    summary["server_cores"] = round(server_cpu / args.seconds, 2)
    summary["task_worker_cpu_seconds"] = round(worker_cpu, 1)
    summary["task_worker_peak_rss_mb"] = round(memory.task_worker_peak_rss / 1024, 1)
    (workdir / "summary.json").write_text(json.dumps(summary, indent=2))
    return _print_summary(args.db, summary)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/pct_load")
    parser.add_argument(
        "--redis-url",
        default=None,
        help="A Redis database the test may flush (default: a redis-server of its own, "
        "started on a free loopback port for the run and stopped after it).",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=3,
        help="Consecutive runs, each on a fresh database; the targets must hold in all.",
    )
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    if not LOCUST.exists():
        raise SystemExit("locust is missing: make .venv-bench (see requirements-bench.txt)")
    sys.path.insert(0, str(ROOT))
    own_redis = None
    if args.db == "postgres" and args.redis_url is None:
        own_redis, args.redis_url = _start_redis()
    try:
        results = []
        for number in range(1, args.runs + 1):
            print(f"== {args.db}: run {number} of {args.runs}", flush=True)
            args.run_number = number
            results.append(run(args))
    finally:
        if own_redis is not None:
            own_redis.terminate()
            own_redis.wait(timeout=30)
    print(f"== {args.db}: targets met in {sum(results)} of {len(results)} runs")
    return 0 if all(results) else 1


def _start_redis() -> tuple[subprocess.Popen, str]:
    """A redis-server of the test's own, on a free loopback port, keeping nothing on disk,
    so flushing its database touches nobody else's."""
    server = shutil.which("redis-server") or "/usr/bin/redis-server"
    port = _free_port()
    process = subprocess.Popen(  # noqa: S603
        [server, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return process, f"redis://127.0.0.1:{port}/0"
        time.sleep(0.1)
    process.terminate()
    raise SystemExit("redis-server did not start")


if __name__ == "__main__":
    raise SystemExit(main())
