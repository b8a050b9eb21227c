"""gunicorn settings for `make serve`; every value can be overridden from the environment.

Worker formula: the app is CPU-bound when it renders charts or runs statistics and
I/O-bound the rest of the time, so it runs (cores + 1) processes of 4 threads each
(gthread). On the 2-core reference machine that is 3 workers x 4 threads = 12
requests in flight. In the load test (benchmarks/loadtest) a worker peaked at about
230 MB resident, much of it shared with the master: about 500 MB for the master and 3
workers together. 4 workers x 2 threads did no better there. Raise GUNICORN_THREADS for
more concurrent slow clients; raise GUNICORN_WORKERS only with more cores.
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
worker_class = "gthread"
# Load Django, pandas, SciPy and matplotlib once in the master; workers share those
# pages copy-on-write instead of each importing them again (see when_ready).
preload_app = True
timeout = 30
graceful_timeout = 20
# Idle keep-alive connections are closed after a second. A kept connection stays with
# the worker that accepted it, so with longer keep-alives a few busy browsers (or proxy
# connections) pin one worker at 100% while the others idle; closing them lets the next
# request go to whichever worker is free. In the load test (benchmarks/loadtest) going
# from 5 s to 1 s took the machine from 1.5 to 1.85 busy cores of 2 and p95 from 740 to
# 420 ms; reconnecting over loopback or a private network costs next to nothing.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 1))
# Recycle workers now and then so slow growth (caches, fragmentation) never adds up.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = 200
# Access log without query strings: a date range is harmless, but nothing else is
# logged either. "-" sends it to stderr for journald.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
# gunicorn's own trust in X-Forwarded-Proto (the request's scheme). The client address
# is Django's business: DJANGO_TRUSTED_PROXIES (pct_journal/client_address.py), which
# should name the same proxies; gunicorn never rewrites REMOTE_ADDR from a header.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")


def when_ready(server):
    """In the master, after the app is loaded and before any worker is forked.

    Django imports the views (and with them pandas, SciPy and matplotlib) only on the
    first request, so without this every worker would import them on its own, in
    memory of its own, and the first chart of each worker would also load matplotlib's
    fonts. Then freeze what is loaded: the garbage collector never walks those
    objects again (its full passes over them were a tenth of a chart's drawing time),
    and workers leave the shared pages alone instead of copying them. Workers inherit
    the collector's thresholds too (pct_journal/garbage_collection.py).
    """
    from django.urls import get_resolver

    from insights.charts.figure import render_empty_svg
    from pct_journal.garbage_collection import tune_garbage_collector

    get_resolver().url_patterns  # noqa: B018 (imports every view module)
    render_empty_svg(title="Warm-up", message="Loads the fonts once, in the master.")
    gc.collect()
    gc.freeze()
    tune_garbage_collector()
