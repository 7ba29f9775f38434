# The service on the offline default engine; set SUMMARIZER_MODEL (and a provider key) for an LLM.
# Two stages: uv (pinned) builds a self-contained .venv, the runtime image gets only that venv, runs as an
# unprivileged user and checks /health. No build cache is kept in any layer.

FROM python:3.11-slim AS build
ENV PYTHONDONTWRITEBYTECODE=1 UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_NO_CACHE=1 \
    UV_PYTHON_DOWNLOADS=never PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN pip install uv==0.13.9
WORKDIR /app
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project
COPY summarizer ./summarizer
COPY prompts ./prompts
# the project itself as a wheel inside the venv (templates, static assets and prompts included)
RUN uv sync --frozen --no-dev --no-editable

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH=/app/.venv/bin:$PATH \
    SUMMARIZER_DATA_DIR=/data LITELLM_LOCAL_MODEL_COST_MAP=True DISABLE_AIOHTTP_TRANSPORT=True
RUN groupadd --system --gid 10001 summarizer \
    && useradd --system --uid 10001 --gid summarizer --no-create-home --home-dir /nonexistent summarizer \
    && mkdir /data && chown summarizer:summarizer /data
COPY --from=build /app/.venv /app/.venv
USER summarizer:summarizer
WORKDIR /app
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:8000/health', timeout=4)"]
CMD ["summarizer", "serve", "--host", "0.0.0.0", "--port", "8000"]
