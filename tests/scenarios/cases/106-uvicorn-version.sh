# uvicorn --version in an image that pip-installed it: as the container's command, from sh -c and by docker exec.
# off-path
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.14-slim
RUN pip install --no-cache-dir fastapi==0.143.3 uvicorn==0.53.0
DOCKERFILE
docker build -q -t uv-demo .
docker run --rm uv-demo uvicorn --version
docker run --rm uv-demo sh -c 'uvicorn --version && echo ok'
