# A NameError while the module is imported ends the container (exit 1) before Uvicorn listens.
cat > app/main.py <<'PY'
from fastapi import FastAPI

app = FastAPI()
settings = load_settings()


@app.get("/")
def welcome_root():
    return "Welcome to root"
PY
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
docker ps -a
curl -sS localhost:8000
