# os.getenv reads the container's environment: -e sets it, the default shows without it.
cat > app/main.py <<'PY'
import os

from fastapi import FastAPI

app = FastAPI()


@app.get("/")
def welcome_root():
    return {"greeting": os.getenv("GREETING", "hello"), "mode": os.environ.get("APP_MODE")}
PY
docker build -t demo-image .
docker run -d -p 8000:8000 -e GREETING=hey -e APP_MODE=dev --name web demo-image
docker run -d -p 8001:8000 --name plain demo-image
curl -sS localhost:8000
curl -sS localhost:8001
