"""How often the insights cry wolf, and how often they find a planted effect.

    .venv/bin/python benchmarks/bench_calibration.py                 # 200 seeds per cell
    .venv/bin/python benchmarks/bench_calibration.py --seeds 20      # a quick look
    .venv/bin/python benchmarks/bench_calibration.py --sizes 200 --scenarios none pain

For each scenario and journal size, journals from the demo generator behind
`seed_demo` (entries/demo.py, seeds 0 to N-1) go through the app's own entry frame and
analysis (insights/calibration.py). Printed per cell, as counts of journals:

- any: a possible or clear pattern in some factor that was not planted (a false alarm);
- clear: a clear pattern in some factor that was not planted;
- found: every planted factor reads clear.

Targets: with nothing planted, any at most 5 in 20 and clear at most 2 in 20 at 50, 200
and 1,000 entries; pain x3 at 200 entries found in at least 18 in 20. The rates are
printed per 20 journals but measured on 200 by default: twenty journals cannot tell a
rule that finds 90% from one that finds 80% (a true 90% gives 16 or fewer in 20 about
one run in eight).
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCENARIOS = {
    "none": ({}, False),
    "pain": ({"pain": 3.0}, False),
    "none+checkins": ({}, True),
    "pain+checkins": ({"pain": 3.0}, True),
    "phq9+checkins": ({"phq9_recent_high": 3.0}, True),
    "stress": ({"stress": 2.0}, False),
}
DEFAULT_SCENARIOS = ["none", "pain", "none+checkins", "phq9+checkins"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 1000])
    parser.add_argument("--seeds", type=int, default=200, help="Journals per cell (seeds 0..N-1).")
    parser.add_argument(
        "--scenarios", nargs="+", choices=sorted(SCENARIOS), default=DEFAULT_SCENARIOS
    )
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pct_journal.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from insights.analysis import CLEAR_Q, POSSIBLE_Q, POSSIBLE_RATIO
    from insights.calibration import Scenario, calibration_rates
    from insights.factors import PRIMARY, SECONDARY

    print(
        f"Rule: clear = interval above 1 and q < {CLEAR_Q[PRIMARY]} (primary factors) or "
        f"{CLEAR_Q[SECONDARY]} (others); possible = ratio >= "
        f"{POSSIBLE_RATIO} and q < {POSSIBLE_Q}. Seeds 0-{args.seeds - 1} per cell."
    )
    print(f"{'scenario':<16}{'entries':>8}  {'any':>12}  {'clear':>12}  {'found':>12}")
    started = time.perf_counter()
    for name in args.scenarios:
        plants, checkins = SCENARIOS[name]
        scenario = Scenario(name, plants, checkins)
        for size in args.sizes:
            rates = calibration_rates(scenario, size=size, seeds=range(args.seeds))

            def cell(count: int, rates=rates) -> str:
                return f"{count}/{rates.journals} ({rates.per_20(count):.1f})"

            found = cell(rates.planted_clear) if plants else "–"
            print(
                f"{name:<16}{size:>8}  {cell(rates.any_pattern):>12}  "
                f"{cell(rates.any_clear):>12}  {found:>12}"
            )
    print(f"(in brackets: per 20 journals) {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
