FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/app/media

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
# collectstatic needs settings to load; these values exist only for this build step.
RUN SECRET_KEY=collectstatic-at-build-time-only-this-is-not-a-secret \
    DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    python manage.py collectstatic --noinput \
    && useradd --system --uid 1000 newsroom \
    && mkdir -p /app/media && chown newsroom /app/media

USER newsroom
EXPOSE 8000
CMD ["gunicorn", "newsroom.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
