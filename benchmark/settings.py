"""Production settings with the benchmark's command added: `make benchmark` uses these, so the
benchmark app is never installed where the newsroom really runs."""

from newsroom.settings import *  # noqa: F403
from newsroom.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "benchmark"]
# The site, and the framework floor the load test measures beside it (benchmark/floor.py).
ROOT_URLCONF = "benchmark.urls"
