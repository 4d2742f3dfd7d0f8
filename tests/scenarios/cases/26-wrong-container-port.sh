# -p 8000:80 while the app listens on 8000: published, but the proxy's connection is reset.
docker build -t demo-image .
docker run -d -p 8000:80 --name web demo-image
docker ps -a
curl -sS localhost:8000
