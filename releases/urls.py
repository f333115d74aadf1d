from django.urls import path

from . import views

app_name = "releases"
urlpatterns = [
    path("", views.home, name="home"),
    path("news/", views.news_list, name="news"),
    path("news/preview/<int:pk>/", views.release_preview, name="release_preview"),
    path("news/<str:slug>/", views.release_detail, name="release"),
]
