# -p 8001:8000/udp publishes UDP only: nothing answers TCP on 8001.
# off-path
docker build -t demo-image .
docker run -d -p 8001:8000/udp --name web demo-image
docker port web
docker ps --format '{{.Names}} {{.Ports}}'
curl -sS localhost:8001
