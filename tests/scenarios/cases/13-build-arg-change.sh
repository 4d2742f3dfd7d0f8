# A build argument is part of every later RUN's key: the same value keeps the cache, a new value misses.
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.14-slim
WORKDIR /demo
COPY ./requirements.txt /demo/requirements.txt
ARG GREETING=hello
RUN echo "$GREETING" && pip install --no-cache-dir -r /demo/requirements.txt
COPY ./app /demo/app
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
DOCKERFILE
docker build --build-arg GREETING=hi -t demo-image .
docker build --build-arg GREETING=hi -t demo-image .
docker build --build-arg GREETING=bye -t demo-image .
