from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo shop (``manage.py load_demo``) and the catalogue generator for benchmarks."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "demo"
    verbose_name = "Demo content"
