"""The same figures as bench_periods.py, with `bot.periods` compiled to C by mypyc.

Not how the bot is installed: a measurement of what compiling the very same code (no second
parser) would buy, for deciding between that and a lower speed target. Copies the package to a
throwaway directory, compiles `bot/periods` there with the mypyc that ships with mypy (a dev
dependency; it needs gcc and the Python headers), then runs bench_periods.py against the copy,
which prints both parsers' figures from one process as usual; the pure-Python figures first,
each against its own dateparser run (the ratio to compare, as the machine's speed drifts).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    """Compile, then print the figures of the compiled parser."""
    with tempfile.TemporaryDirectory(prefix="nhacviec-mypyc-") as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "bot", work / "bot", ignore=shutil.ignore_patterns("__pycache__", "*.so"))
        # (no pyproject.toml beside it: mypyc's setuptools run would read and validate ours)
        built = subprocess.run([sys.executable, "-m", "mypyc", "bot/periods"], cwd=work,
                               capture_output=True, text=True, check=False)
        if built.returncode != 0:
            sys.exit(f"mypyc could not compile bot/periods:\n{built.stdout[-2000:]}{built.stderr[-2000:]}")
        env = dict(os.environ, PYTHONPATH=str(work),
                   NHACVIEC_SHARED=os.environ.get("NHACVIEC_SHARED", str(ROOT.parent / "shared")))
        probe = subprocess.run([sys.executable, "-c", "import bot.periods.reader as r; print(r.__file__)"],
                               cwd=work, env=env, capture_output=True, text=True, check=True)
        if not probe.stdout.strip().endswith(".so"):
            sys.exit(f"the compiled modules were not the ones imported: {probe.stdout.strip()}")
        bench = [sys.executable, str(ROOT / "benchmarks" / "bench_periods.py")]
        print("bot.periods as installed (pure Python):", flush=True)
        subprocess.run(bench, cwd=ROOT, env=dict(env, PYTHONPATH=str(ROOT)), check=True)
        print("\nbot.periods compiled by mypyc (a measurement, not how the bot is installed):", flush=True)
        subprocess.run(bench, cwd=work, env=env, check=True)


if __name__ == "__main__":
    main()
