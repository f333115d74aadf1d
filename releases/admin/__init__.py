from . import release, topic  # noqa: F401  (registers the models)
