#!/usr/bin/env bash
# Set up parley on a fresh machine (Python 3.11 and the package registry are all it needs),
# then materialise the built-in demo drop into warehouse/parley.duckdb.
#   ./setup.sh             install and run the demo
#   ./setup.sh --no-demo   install only (what CI does before the tests)
set -euo pipefail
cd "$(dirname "$0")"

python_bin=${PYTHON:-}
if [ -z "$python_bin" ]; then
  python_bin=$(command -v python3.11 || command -v python3 || true)
fi
if [ -z "$python_bin" ] || ! "$python_bin" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
  echo "setup.sh: needs Python 3.11 (set PYTHON=/path/to/python3.11)" >&2
  exit 1
fi

[ -x .venv/bin/python ] || "$python_bin" -m venv .venv
# Exact, hashed versions of everything, including the spaCy model package. The lock is
# complete, so --no-deps: pip's hash mode otherwise trips over extras like gql[requests].
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements.lock
.venv/bin/python -m pip check
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .

if [ "${1:-}" != "--no-demo" ]; then
  # The demo drop is seeds/, copied into the default drops root as the drop "seeds".
  mkdir -p drops
  [ -e drops/seeds ] || cp -R seeds drops/seeds
  .venv/bin/parley run
  echo
  echo "Demo published to warehouse/parley.duckdb. Open the UI with: .venv/bin/parley ui"
fi
