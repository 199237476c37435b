"""Run every benchmarks/*.py and collect the JSON object each prints into a JSON-lines file.

Usage: ``python scripts/run_benchmarks.py [OUTPUT]`` (default ``bench-results.jsonl``).
Each benchmark runs as its own process with this interpreter. Its last non-empty
line of standard output must be one JSON object; it is written to OUTPUT as one
line, with ``"script"`` added when the benchmark did not name itself. A benchmark
that fails or prints no JSON object is reported, the others still run, and the
exit code is then 1.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def say(message: str) -> None:
    sys.stderr.write(f"bench: {message}\n")


def run_one(script: Path) -> dict[str, object]:
    """Run one benchmark script and return the JSON object it printed."""
    proc = subprocess.run(
        [sys.executable, str(script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"exit code {proc.returncode}\n{proc.stderr.strip()[-2000:]}")
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    if not lines:
        raise RuntimeError("printed nothing")
    result = json.loads(lines[-1])
    if not isinstance(result, dict):
        raise RuntimeError(f"printed {type(result).__name__}, not a JSON object")
    result.setdefault("script", str(script.relative_to(ROOT)))
    return result


def main(argv: list[str]) -> int:
    output = Path(argv[0]) if argv else ROOT / "bench-results.jsonl"
    scripts = sorted((ROOT / "benchmarks").glob("*.py"))
    scripts = [s for s in scripts if not s.name.startswith("_")]
    failed: list[str] = []
    with output.open("w", encoding="utf-8") as out:
        for script in scripts:
            started = time.monotonic()
            try:
                result = run_one(script)
            except (RuntimeError, ValueError) as exc:
                failed.append(script.name)
                say(f"{script.name} FAILED: {exc}")
                continue
            out.write(json.dumps(result, sort_keys=True) + "\n")
            out.flush()
            elapsed = time.monotonic() - started
            say(f"{script.name} ok in {elapsed:.1f} s")
    say(f"{len(scripts) - len(failed)} of {len(scripts)} benchmarks wrote {output}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
