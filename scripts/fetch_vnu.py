"""Fetch the Nu HTML Checker (vnu.jar) for tests/test_html_validity.py from the npm
registry's vnu-jar tarball, checked against its published sha512, with Python alone
(no npm needed). Usage: python scripts/fetch_vnu.py VERSION SHA512_BASE64 DEST_JAR"""

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

REGISTRY = "https://registry.npmjs.org/vnu-jar/-/vnu-jar-{version}.tgz"
MEMBER = "package/build/dist/vnu.jar"


def main(version: str, integrity: str, destination: str) -> None:
    url = REGISTRY.format(version=version)
    # A fixed https URL, and the download is checked against its sha512 below.
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310  # nosec B310
        tarball = response.read()
    digest = base64.b64encode(hashlib.sha512(tarball).digest()).decode()
    if digest != integrity:
        raise SystemExit(f"vnu-jar {version}: checksum mismatch, refusing to use it")
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        jar = archive.extractfile(MEMBER)
        if jar is None:
            raise SystemExit(f"vnu-jar {version}: {MEMBER} missing from the package")
        target = Path(destination)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(jar.read())
    print(f"vnu.jar {version} -> {target}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
