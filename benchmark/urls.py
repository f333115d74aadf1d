"""The site's addresses, and the framework floor: installed only by the benchmark's settings."""

from django.urls import path

from newsroom.urls import urlpatterns as site

from .floor import floor

urlpatterns = [path("benchmark/floor/", floor, name="benchmark-floor"), *site]
