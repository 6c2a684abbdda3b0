"""Fixtures for commerce tests: a real SMTP server on the loopback interface."""

import email
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.utils import translation


@pytest.fixture(autouse=True)
def english(settings):
    """Messages are asserted in English; the shop's default language is Chinese."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def free_port() -> int:
    """A TCP port nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Collector:
    """aiosmtpd handler keeping every received message, parsed."""

    def __init__(self, messages: list):
        self.messages = messages

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append(message)
        return "250 Message accepted for delivery"


class SmtpServer:
    """An aiosmtpd server on 127.0.0.1:``port`` that can be stopped and started again on that
    port."""

    def __init__(self, port: int):
        self.port = port
        self.messages: list = []
        self._controller = None

    def start(self) -> None:
        self._controller = Controller(
            _Collector(self.messages), hostname="127.0.0.1", port=self.port
        )
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp_server(settings):
    """A running SMTP server Django's SMTP backend sends to; ``.messages`` holds what arrived.

    ``smtp_server.stop()`` makes the mail server "down" (the port refuses
    connections); ``smtp_server.start()`` brings it back on the same port.
    """
    server = SmtpServer(free_port())
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    server.start()
    yield server
    server.stop()


@pytest.fixture
def shop(db):
    """A tin of green tea (68.00, 100 in stock) and a ¥10 shipping method, free from ¥199:
    what placing an order in desk tests needs (``make_order(shop, …)``)."""
    from tests.factories.catalogue import make_category, make_product, make_product_type
    from tests.factories.commerce import make_shipping_method
    from tests.factories.orders import Shop

    product = make_product(
        category=make_category("Tea", "tea"),
        product_type=make_product_type(),
        name="Green tea",
        prices=["68.00"],
        on_hand=100,
    )
    return Shop(sku=product.variants.get().sku, method=make_shipping_method())
