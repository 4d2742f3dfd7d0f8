# container prune removes stopped containers; image prune removes dangling images.
# off-path
docker build -t demo-image .
docker run --name once demo-image python --version
echo '# changed' >> app/main.py
docker build -t demo-image .
docker container prune -f
docker ps -a --format '{{.Names}}'
docker image prune -f
docker images --filter dangling=true -q
