"""Word-by-word differences between two texts, for people who read them in their own direction."""

import difflib
import html

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from .languages import direction


def word_diff(old, new, language, css_class="word-diff"):
    """`new` against `old`, word by word, as HTML: removed words in <del>, added in <ins>, in
    `language`'s own direction (right to left for Arabic and Persian)."""
    old_words, new_words = strip_tags(old or "").split(), strip_tags(new or "").split()
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            parts.append(f"<del>{html.escape(' '.join(old_words[a1:a2]))}</del>")
        if tag in ("insert", "replace"):
            parts.append(f"<ins>{html.escape(' '.join(new_words[b1:b2]))}</ins>")
        if tag == "equal":
            parts.append(html.escape(" ".join(old_words[a1:a2])))
    return mark_safe(
        f'<div class="{css_class}" lang="{language}" dir="{direction(language)}">'
        f"{' '.join(parts)}</div>"
    )
