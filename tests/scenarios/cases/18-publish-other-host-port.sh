# -p 8080:8000: the host port is 8080; nothing answers on the host's 8000.
docker build -t demo-image .
docker run -d -p 8080:8000 --name web demo-image
docker ps -a
curl -sS localhost:8080
curl -sS localhost:8000
