"""Run benchmark scripts in bench/: python -m bench [NAME ...] [--quick] [other options].

Each matching bench_*.py runs in its own process (each sets up Django for its own database), with
the options given here.
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def main(arguments: list[str]) -> int:
    names = [a for a in arguments if not a.startswith("-")]
    flags = [a for a in arguments if a.startswith("-")]
    scripts = sorted(HERE.glob("bench_*.py"))
    if names:
        scripts = [s for s in scripts if any(n in s.stem for n in names)]
    failed = 0
    for script in scripts:
        print(f"== {script.stem} ==", flush=True)
        failed += subprocess.call([sys.executable, str(script), *flags]) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
