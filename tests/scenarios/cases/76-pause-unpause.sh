# docker pause freezes a running server: ps says (Paused), its port accepts and holds curl until -m gives up, exec, start and rm refuse it, unpause lets it answer again, and stop still ends it.
# off-path
docker build -q -t demo-image .
docker run -d --name web -p 8000:8000 demo-image
docker pause web
docker ps --format '{{.Names}} {{.State}} {{.Status}}'
docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.Paused}}' web
curl -s -m 2 localhost:8000/
docker exec web ls
docker start web
docker rm web
docker pause web
docker unpause web
curl -s localhost:8000/
docker unpause web
docker pause web
docker stop web
docker ps -a --format '{{.Names}} {{.Status}}'
docker pause web
docker rm web
