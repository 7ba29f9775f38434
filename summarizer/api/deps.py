"""FastAPI dependencies: the process's services, from app.state."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from summarizer.services import Services


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]
