# An ARG with a shell-style default in FROM: ${PYTHON_VERSION:-3.14} names python:3.14-slim when no --build-arg is given.
cat > Dockerfile <<'DOCKERFILE'
ARG PYTHON_VERSION
FROM python:${PYTHON_VERSION:-3.14}-slim
WORKDIR /demo
COPY ./requirements.txt /demo/requirements.txt
RUN pip install --no-cache-dir -r /demo/requirements.txt
COPY ./app /demo/app
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
DOCKERFILE
docker build -t demo-image .
docker build --build-arg PYTHON_VERSION=3.14 -t demo-image .
