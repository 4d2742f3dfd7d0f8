# image prune -a removes every image no container uses, tagged ones too; system prune removes stopped containers, dangling images and build cache at once, -a every unused image (two running containers keep the base images in use).
# off-path
docker run -d --name keep314 python:3.14-slim sleep 600
docker run -d --name keep313 python:3.13-slim sleep 600
docker build -q -t demo-image .
docker tag demo-image demo-image:v2
docker run --name stopped1 demo-image true
echo n | docker image prune -a
docker image prune -af
docker images --format '{{.Repository}}:{{.Tag}}'
docker rm stopped1
docker image prune -af
docker images --format '{{.Repository}}:{{.Tag}}'
docker build -q -t demo-image .
docker run --name stopped2 demo-image true
echo n | docker system prune
docker system prune -f
docker ps -a --format '{{.Names}}'
docker images --format '{{.Repository}}:{{.Tag}}'
echo n | docker system prune -a
docker system prune -af
docker images --format '{{.Repository}}:{{.Tag}}'
docker system prune -f --volumes
docker rm -f keep314 keep313
