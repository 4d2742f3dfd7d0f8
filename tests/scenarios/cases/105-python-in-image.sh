# Python in a container imports what the image's pip installed: python -c and sh -c 'python -c …' print the packages' versions.
# off-path
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.14-slim
RUN pip install --no-cache-dir fastapi==0.143.3 uvicorn==0.53.0
DOCKERFILE
docker build -q -t py-demo .
docker run --rm py-demo python -c 'import fastapi, uvicorn; print(fastapi.__version__, uvicorn.__version__)'
docker run --rm py-demo sh -c 'python -c "import pydantic; print(pydantic.VERSION)"'
