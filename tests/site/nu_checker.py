"""The Nu HTML Checker (vnu.jar, run with the machine's Java), for the tests that check
pages with it. vnu.jar comes from the npm registry's vnu-jar package, which `make test`
fetches into .venv/vnu (or set VNU_JAR)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

INSTALLED_VNU_JAR = settings.BASE_DIR / ".venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
VNU_JAR = Path(os.environ.get("VNU_JAR", INSTALLED_VNU_JAR))


def nu_checker() -> list[str]:
    """The command that runs the checker; without Java or vnu.jar the calling test is
    skipped, or fails when E2E_REQUIRED=1 (as in .ci/run)."""
    java = shutil.which("java")
    problem = None
    if java is None:
        problem = "Java is not installed (apt-get install default-jre-headless)"
    elif not VNU_JAR.exists():
        problem = f"vnu.jar not found at {VNU_JAR} (make test installs it; or set VNU_JAR)"
    if problem:
        if os.environ.get("E2E_REQUIRED") == "1":
            pytest.fail(problem)
        pytest.skip(problem)
    return [java, "-Xss4m", "-jar", str(VNU_JAR)]


def nu_errors(checker: list[str], folder: Path) -> list[dict]:
    done = subprocess.run(  # noqa: S603  (Java and the checker, with fixed arguments)
        [*checker, "--errors-only", "--format", "json", "--exit-zero-always", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(done.stderr)["messages"]
