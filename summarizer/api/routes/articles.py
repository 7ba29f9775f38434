"""GET /articles/{id}: a stored article's text, to read an event's quotes in their context."""

from __future__ import annotations

from fastapi import APIRouter

from summarizer.api.auth import ReadCaller
from summarizer.api.deps import ServicesDep
from summarizer.errors import NotFound
from summarizer.offload import run_cpu
from summarizer.schemas import ErrorResponse, StoredArticle

router = APIRouter(tags=["timeline"])


@router.get(
    "/articles/{article_id}",
    responses={401: {"model": ErrorResponse}, 403: {"model": ErrorResponse}, 404: {"model": ErrorResponse}},
)
async def article(article_id: str, services: ServicesDep, caller: ReadCaller) -> StoredArticle:
    """The article as it was posted (text, publication time, source): every evidence quote is in its text."""
    found = await run_cpu(services.store.article, article_id)
    if found is None:
        raise NotFound(f"no stored article has id {article_id!r}; ids come from an event's evidence", field="article_id")
    return found
