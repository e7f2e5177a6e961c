"""Run benchmark scripts in bench/: python -m bench [NAME ...] [--quick] [other options].

Each matching bench_*.py runs in its own process (each sets up Django for its own database), with
the options given here.
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def main(arguments: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    names, flags = split(arguments, [s.stem for s in scripts])
    if names:
        scripts = [s for s in scripts if any(n in s.stem for n in names)]
    failed = 0
    for script in scripts:
        print(f"== {script.stem} ==", flush=True)
        failed += subprocess.call([sys.executable, str(script), *flags]) != 0
    return 1 if failed else 0


def split(arguments: list[str], stems: list[str]) -> tuple[list[str], list[str]]:
    """(benchmark names, options for the scripts): a word after an option is its value (``--repeat 9``)
    unless it names a benchmark (``--quick dashboard``)."""
    names, flags = [], []
    for index, argument in enumerate(arguments):
        after_option = index > 0 and arguments[index - 1].startswith("-") and "=" not in arguments[index - 1]
        a_value = after_option and not any(argument in stem for stem in stems)
        (flags if argument.startswith("-") or a_value else names).append(argument)
    return names, flags


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
