# docker images --no-trunc and --digests, docker ps -s: full image IDs, the DIGEST column, each container's writable layer.
# off-path
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.14-slim
WORKDIR /srv
COPY app ./app
DOCKERFILE
docker build -q -t flags-demo .
docker run --name flagsc flags-demo sh -c 'echo hello > /srv/hello.txt'
docker images --no-trunc flags-demo
docker images --digests flags-demo
docker ps -a -s
docker ps -a -s --format '{{.Names}} {{.Size}}'
docker rm flagsc
