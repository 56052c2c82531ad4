"""``python -m bench``: the corpus benchmark (see bench/run.py)."""

import sys

from bench.run import main

sys.exit(main())
