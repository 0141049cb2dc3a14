from django.urls import path, register_converter

from siyasa.transfer import views
from siyasa.transfer.files import FORMATS
from siyasa.transfer.resources import RESOURCES


class RegistryConverter:
    """A registry's slug (`people`, `accounts`, …); any other word is a 404."""

    regex = "|".join(RESOURCES)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class FormatConverter(RegistryConverter):
    regex = "|".join(FORMATS)


register_converter(RegistryConverter, "registry")
register_converter(FormatConverter, "fileformat")

urlpatterns = [
    path(
        "export/<registry:registry>.<fileformat:fmt>",
        views.export,
        name="transfer_export",
    ),
    path(
        "import/<registry:registry>/template.<fileformat:fmt>",
        views.template,
        name="transfer_template",
    ),
    path("import/<registry:registry>/", views.import_file, name="transfer_import"),
    path(
        "import/<registry:registry>/confirm/",
        views.import_confirm,
        name="transfer_import_confirm",
    ),
]
