"""The finance desk's admin URLs (under /admin/finance/, namespace ``finance``)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.AwaitingView.as_view(), name="awaiting"),
    path("confirm/<str:number>/", views.ConfirmView.as_view(), name="confirm"),
    path("reconciliation/", views.ReconciliationView.as_view(), name="reconciliation"),
    path("reconciliation/<str:number>/", views.ReconcileView.as_view(), name="reconcile"),
    path(
        "reconciliation/<str:number>/excess/refund/",
        views.ExcessRefundView.as_view(),
        name="refund_excess",
    ),
    path(
        "reconciliation/<str:number>/duplicate/<int:payment_id>/refund/",
        views.DuplicateRefundView.as_view(),
        name="refund_duplicate",
    ),
    path("cod/", views.CodView.as_view(), name="cod"),
    path("cod/collections/", views.CodCollectionsView.as_view(), name="cod_collections"),
    path("refunds/", views.RefundQueueView.as_view(), name="refunds"),
    path("refunds/<str:number>/", views.RefundView.as_view(), name="refund"),
    path(
        "price-claims/<int:claim_id>/refund/",
        views.PriceClaimRefundView.as_view(),
        name="refund_price_claim",
    ),
    path("totals/", views.TotalsView.as_view(), name="totals"),
]
