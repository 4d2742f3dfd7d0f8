# kill ends the container with 137; restart starts it again; kill of a stopped container is refused.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
docker kill web
docker ps -a --format '{{.Names}} {{.Status}}'
docker kill web
docker restart web
curl -sS localhost:8000
docker ps --format '{{.Names}} {{.Status}}'
docker stop web
docker stop web
docker start web
docker start web
curl -sS localhost:8000
