from django import forms
from django_prose_editor.widgets import AdminProseEditorWidget


class RichTextEditor(AdminProseEditorWidget):
    """django-prose-editor's admin widget with its toolbar in the admin's language
    (core/static/core/prose_editor_i18n.js)."""

    @property
    def media(self):
        # A classic script: it runs before the editor's modules build the toolbar.
        return super().media + forms.Media(js=["core/prose_editor_i18n.js"])
