"""The logistics desk's admin URLs (under /admin/logistics/, namespace ``logistics``)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.ReviewQueueView.as_view(), name="review"),
    path("stocking/", views.StockingView.as_view(), name="stocking"),
    path("packing/", views.PackingView.as_view(), name="packing"),
    path("packing-list/", views.PackingListView.as_view(), name="packing_list"),
    path("ship/", views.BulkShipView.as_view(), name="bulk_ship"),
    path("ship/<str:number>/", views.ShipView.as_view(), name="ship"),
    path("orders/<str:number>/<slug:action>/", views.OrderActionView.as_view(), name="action"),
]
