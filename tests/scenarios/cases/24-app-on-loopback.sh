# Uvicorn's default host is 127.0.0.1: published, yet the proxy cannot reach it (curl 56).
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image uvicorn app.main:app --port 8000
docker ps -a
docker logs web
curl -sS localhost:8000
