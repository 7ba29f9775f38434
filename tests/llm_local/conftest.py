"""The local model test reuses the API tests' app factory."""

from tests.api.conftest import make_client  # noqa: F401
