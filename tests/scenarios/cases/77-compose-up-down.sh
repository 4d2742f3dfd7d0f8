# docker compose up --build -d builds demo-web and starts demo-web-1 on the demo_default network; ps, logs and curl see it; up again leaves it running; stop, start, a second stop, down and a second down print what Compose prints.
cat > compose.yaml <<'YAML'
services:
  web:
    build: .
    ports:
      - "127.0.0.1:8000:8000"
YAML
docker compose version
docker compose up --build -d
docker compose ps
docker ps --format '{{.Names}} {{.Image}} {{.Ports}} {{.Networks}}'
docker compose logs
curl -s localhost:8000/
docker compose up -d
docker compose stop
docker compose stop
docker compose ps
docker compose ps -a
docker compose start
docker compose start
docker compose down
docker compose down
docker compose ps -a
docker images --format '{{.Repository}}:{{.Tag}}'
