"""The project's settings as a developer runs them locally, so tests need no production secret.

Django's test runner still turns DEBUG off while the tests run.
"""

import os

# Whatever the shell says (a DEBUG=0 left from a production-like run would send every request
# to HTTPS): tests run the local configuration; tests/test_settings.py checks production's.
os.environ["DEBUG"] = "1"

from newsroom.settings import *  # noqa: F403

# Pages are rendered afresh in tests; the page cache's own tests switch it on.
PAGE_CACHE_SECONDS = 0

# The suite and schemathesis ask the API more often than any client may; its own test of the
# limit lowers it.
API_RATE_LIMIT = "100000/m"

# The benchmark's archive builder is tested at a small size.
INSTALLED_APPS = [*INSTALLED_APPS, "benchmark"]  # noqa: F405
