from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site: the five seed articles curated into a published newsroom (`load_demo`)."""

    name = "demo"
    verbose_name = "Demo"
