from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile

from core.images import clean_image
from core.translation_admin import NewsroomTranslationAdmin, NewsroomTranslationInline

from .models import Person, Position


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = "__all__"  # noqa: DJ007  (PersonAdmin decides which fields the form shows)

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        # Re-encoded from its pixels: no location or camera data reaches the public site.
        return clean_image(photo) if isinstance(photo, UploadedFile) else photo


class PositionInline(NewsroomTranslationInline):
    model = Position
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Person)
class PersonAdmin(NewsroomTranslationAdmin):
    form = PersonForm
    list_display = ["name", "honorific", "name_en", "name_fa"]
    search_fields = ["name_ar", "name_en", "name_fa"]
    inlines = [PositionInline]
