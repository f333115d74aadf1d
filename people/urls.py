from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("people/", views.person_list, name="list"),
    path("people/<str:slug>/", views.person_detail, name="detail"),
]
