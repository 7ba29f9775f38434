# The service on the offline default engine; set SUMMARIZER_MODEL (and a provider key) for an LLM.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy \
    SUMMARIZER_DATA_DIR=/data LITELLM_LOCAL_MODEL_COST_MAP=True
RUN pip install --no-cache-dir uv
WORKDIR /app
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project
COPY summarizer ./summarizer
COPY prompts ./prompts
RUN uv sync --frozen --no-dev
VOLUME ["/data"]
EXPOSE 8000
CMD ["/app/.venv/bin/summarizer", "serve", "--host", "0.0.0.0", "--port", "8000"]
