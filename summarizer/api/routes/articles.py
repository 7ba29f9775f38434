"""GET /articles/{id}: a stored article's text, to read an event's quotes in their context."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool

from summarizer.api.deps import ServicesDep
from summarizer.errors import NotFound
from summarizer.schemas import ErrorResponse, StoredArticle

router = APIRouter(tags=["timeline"])


@router.get("/articles/{article_id}", responses={404: {"model": ErrorResponse}})
async def article(article_id: str, services: ServicesDep) -> StoredArticle:
    """The article as it was posted (text, publication time, source): every evidence quote is in its text."""
    found = await run_in_threadpool(services.store.article, article_id)
    if found is None:
        raise NotFound(f"no stored article has id {article_id!r}; ids come from an event's evidence", field="article_id")
    return found
