# No -p: the port is only exposed, nothing listens on the host (curl 7).
docker build -t demo-image .
docker run -d --name web demo-image
docker ps -a
curl -sS localhost:8000
