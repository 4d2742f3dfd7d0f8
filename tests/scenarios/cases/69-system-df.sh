# docker system df and -v after builds on both base images and a container that wrote a file: images, containers, build cache.
# off-path
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.13-slim
WORKDIR /srv
COPY app ./app
RUN echo built > /srv/marker
DOCKERFILE
cat > Dockerfile.314 <<'DOCKERFILE'
FROM python:3.14-slim
WORKDIR /srv
COPY app ./app
DOCKERFILE
docker build -t df-demo .
docker build -t df-demo-314 -f Dockerfile.314 .
docker run --name dfc df-demo sh -c 'echo hello > /srv/hello.txt'
docker system df
docker system df -v
