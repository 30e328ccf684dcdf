"""`python -m bench.load`: the load test (bench/load/__init__.py says what it does)."""

import sys

from bench.load import main

sys.exit(main())
