"""The framework floor: a bare Django view rendering a list of 20 items from a template, with no
query, about the size of the news list, under the same middleware and gunicorn as the site's
pages. A page's requests per second beside the floor's tell what the page itself costs."""

from django.shortcuts import render

from .corpus import sentences

ITEMS = 20
# About the news list's body: 20 summaries of about 1.1 KB each, and the page around them.
SUMMARY_CHARACTERS = 560


def floor(request):
    text = " ".join(sentences("ar"))
    items = [
        {"title": text[number * 7 : number * 7 + 70], "summary": text[:SUMMARY_CHARACTERS]}
        for number in range(ITEMS)
    ]
    return render(request, "benchmark/floor.html", {"items": items})
