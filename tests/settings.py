"""The project's settings as a developer runs them locally, so tests need no production secret.

Django's test runner still turns DEBUG off while the tests run.
"""

import os

os.environ.setdefault("DEBUG", "1")

from newsroom.settings import *  # noqa: F403

# Pages are rendered afresh in tests; the page cache's own tests switch it on.
PAGE_CACHE_SECONDS = 0
