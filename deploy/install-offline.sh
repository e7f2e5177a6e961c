#!/usr/bin/env bash
# Installs Fazhi from the offline bundle (`make bundle`) on a machine with no network:
#   tar xzf fazhi-bundle-*.tar.gz && sudo fazhi-bundle/install-offline.sh /opt/fazhi
# Needs the same Python (major.minor) and architecture as the machine that built the bundle (its name says
# which). pip never asks an index: --no-index, and every wheel is checked against requirements.lock's hashes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${1:-/opt/fazhi}"
python="${PYTHON:-python3}"

want="$(cat "$here/PYTHON_VERSION")"
have="$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
if [ "$want" != "$have" ]; then
  echo "此安装包为 Python $want 制作，本机 $python 是 Python $have：请安装 Python $want，或设置 PYTHON=python$want 后重试。" >&2
  exit 1
fi

mkdir -p "$target"
"$python" -m venv "$target/.venv"
"$target/.venv/bin/pip" install --quiet --no-index --find-links "$here/wheels" --require-hashes -r "$here/requirements.lock"
"$target/.venv/bin/pip" install --quiet --no-index --no-deps "$here"/wheels/fazhi-*.whl
rm -rf "$target/deploy" && cp -r "$here/deploy" "$target/deploy"
echo "已安装到 $target。下一步见 README“Installing in an office”第2步起（数据库、环境文件、迁移、nginx、systemd）。"
