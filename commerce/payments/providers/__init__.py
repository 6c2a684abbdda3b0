"""The payment providers the shop knows, in the order checkout offers them."""

from .alipay import Alipay
from .bank_transfer import BankTransfer
from .base import (
    InvalidSignature,
    Notification,
    NotSupported,
    PaymentProvider,
    ProviderError,
    StartResult,
)
from .cod import CashOnDelivery
from .demo import DemoGateway
from .wechat import WeChatPayNative

PROVIDERS: list[PaymentProvider] = [
    CashOnDelivery(),
    BankTransfer(),
    Alipay(),
    WeChatPayNative(),
    DemoGateway(),
]


def available_providers() -> list[PaymentProvider]:
    """Providers switched on by settings (Alipay and WeChat Pay need their keys; the demo is off
    in production)."""
    return [provider for provider in PROVIDERS if provider.is_available()]


def provider_for(code: str) -> PaymentProvider | None:
    """The available provider with this code; ``None`` when unknown or switched off."""
    return next((provider for provider in available_providers() if provider.code == code), None)


__all__ = [
    "InvalidSignature",
    "Notification",
    "NotSupported",
    "PaymentProvider",
    "ProviderError",
    "StartResult",
    "PROVIDERS",
    "available_providers",
    "provider_for",
]
