# A COPY source that is not in the context fails the build at that step.
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.13-slim
WORKDIR /demo
COPY ./requirement.txt /demo/requirements.txt
RUN pip install --no-cache-dir -r /demo/requirements.txt
DOCKERFILE
docker build -t demo-image .
