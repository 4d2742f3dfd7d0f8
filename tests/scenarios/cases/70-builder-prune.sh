# docker builder prune: -f frees only the build's sources (the next build is all CACHED); -a frees every record (the next build runs every step).
# off-path
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.13-slim
WORKDIR /srv
COPY app ./app
RUN echo built > /srv/marker
DOCKERFILE
docker build -t prune-demo .
echo n | docker builder prune
docker builder prune -f
docker builder prune -f
docker build -t prune-demo .
echo y | docker builder prune -a
docker build -t prune-demo .
