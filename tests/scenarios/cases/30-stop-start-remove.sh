# The container lifecycle: stop (nothing answers), start (answers again), rm refuses a running container.
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
docker stop web
curl -sS localhost:8000
docker ps -a
docker start web
curl -sS localhost:8000
docker rm web
docker rm -f web
docker ps -a
