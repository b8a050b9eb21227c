"""Garbage-collector thresholds for the server's processes (gunicorn.conf.py).

Python's default starts a young-generation collection every 700 new container objects.
Exporting or analysing a long journal creates hundreds of thousands of objects (rows,
records, strings) that all stay alive until the response is sent, and the collections
they set off walk them again and again without finding anything to free. Collecting
every 10,000 instead made the full backup and the CSV export of 20,000 entries about a
fifth faster (benchmarks/bench_large_user.py), while the garbage that does pile up
between collections stays a few megabytes.
"""

import gc

THRESHOLDS = (10_000, 10, 10)


def tune_garbage_collector() -> None:
    gc.set_threshold(*THRESHOLDS)
