"""The customer-service desk's admin URLs (under /admin/customer-service/, namespace
``service``).
"""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.NotesView.as_view(), name="notes"),
    path("out-of-stock/", views.OutOfStockView.as_view(), name="out_of_stock"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("orders/<str:number>/", views.OrderView.as_view(), name="order"),
    path("customers/<int:pk>/", views.CustomerView.as_view(), name="customer"),
]
