"""URLs of product questions: asking one, My questions."""

from django.urls import path

from . import views

urlpatterns = [
    path("account/questions/", views.question_list, name="question_list"),
    path("questions/ask/<int:product_id>/", views.question_ask_view, name="question_ask"),
]
