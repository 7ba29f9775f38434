"""GET /docs and /redoc from vendored Swagger UI and ReDoc assets: the docs render with no network."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

VENDOR = "/static/vendor"
SWAGGER_JS = f"{VENDOR}/swagger-ui-5.32.6.bundle.js"
SWAGGER_CSS = f"{VENDOR}/swagger-ui-5.32.6.css"
REDOC_JS = f"{VENDOR}/redoc-2.5.3.standalone.js"
FAVICON = f"{VENDOR}/fastapi-favicon.png"


@router.get("/docs")
async def swagger_ui(request: Request) -> HTMLResponse:
    root = request.scope.get("root_path", "")
    return get_swagger_ui_html(
        openapi_url=f"{root}{request.app.openapi_url}",
        title=f"{request.app.title} - Swagger UI",
        oauth2_redirect_url=f"{root}/docs/oauth2-redirect",
        swagger_js_url=f"{root}{SWAGGER_JS}",
        swagger_css_url=f"{root}{SWAGGER_CSS}",
        swagger_favicon_url=f"{root}{FAVICON}",
        swagger_ui_parameters={"validatorUrl": None},  # never call validator.swagger.io
    )


@router.get("/docs/oauth2-redirect")
async def swagger_ui_redirect() -> HTMLResponse:
    return get_swagger_ui_oauth2_redirect_html()


@router.get("/redoc")
async def redoc(request: Request) -> HTMLResponse:
    root = request.scope.get("root_path", "")
    return get_redoc_html(
        openapi_url=f"{root}{request.app.openapi_url}",
        title=f"{request.app.title} - ReDoc",
        redoc_js_url=f"{root}{REDOC_JS}",
        redoc_favicon_url=f"{root}{FAVICON}",
        with_google_fonts=False,
    )
