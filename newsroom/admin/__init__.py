from . import releases, staff  # noqa: F401  (registers the models)
