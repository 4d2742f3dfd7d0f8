# -p 127.0.0.1:8001:8000 publishes on IPv4 loopback only (no IPv6 row).
docker build -t demo-image .
docker run -d -p 127.0.0.1:8001:8000 --name web demo-image
docker ps -a
curl -sS http://127.0.0.1:8001/
