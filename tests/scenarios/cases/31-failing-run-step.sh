# A RUN that fails stops the build: pip cannot find a package.
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.14-slim
WORKDIR /demo
COPY requirements.txt .
RUN pip install -r requirements.txt && pip install nosuchpkg
DOCKERFILE
docker build -t demo-image .
