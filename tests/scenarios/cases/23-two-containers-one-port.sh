# A second container on a taken host port: exit 125, "port is already allocated", left Created.
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
docker run -d -p 8000:8000 --name web2 demo-image
docker ps -a
curl -sS localhost:8000
