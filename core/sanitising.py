"""Rich text from the editor is untrusted: only an allow-list of tags and attributes survives."""

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "a", "ul", "ol", "li", "blockquote", "figure", "figcaption", "hr",
    "table", "thead", "tbody", "tr", "th", "td",
    "bdi", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "ol": {"start", "type"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    # Direction and language may be marked on any element: mixed Arabic and Latin text needs it.
    "*": {"dir", "lang"},
}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes={"http", "https", "mailto"},
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def sanitise_html(value):
    """The HTML with everything outside the allow-list removed (scripts, styles, handlers)."""
    if not value:
        return value
    return _cleaner.clean(value).strip()
