# docker compose after a code change: up -d keeps the old container, up --build -d recreates it with the new code; a missing service, an unknown command, a port already taken, a container name already in use and an unknown key get Compose's own errors.
# off-path
cat > compose.yaml <<'YAML'
services:
  web:
    build: .
    ports:
      - "8000:8000"
YAML
docker compose up --build -d
cat > app/main.py <<'PY'
from fastapi import FastAPI

app = FastAPI()


@app.get("/")
def welcome_root():
    return "Welcome back to root!"
PY
docker compose up -d
curl -s localhost:8000/
docker compose up --build -d
curl -s localhost:8000/
docker compose up nosuch
docker compose foo
docker compose kill
docker compose kill
docker compose rm -f
docker compose down
docker run -d --name web -p 8000:8000 demo-web
docker compose up -d
docker compose ps -a
docker compose down
docker rm -f web
docker run -d --name demo-web-1 demo-web
docker compose up -d
docker compose down
docker rm -f demo-web-1
cat > compose.yaml <<'YAML'
services:
  web:
    build: .
    portz:
      - "8000:8000"
YAML
docker compose up -d
rm compose.yaml
docker compose ps
