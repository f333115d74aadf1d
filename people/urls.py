from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("people/<str:slug>/", views.person_detail, name="detail"),
]
