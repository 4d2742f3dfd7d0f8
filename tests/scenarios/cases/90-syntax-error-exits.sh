# A syntax error in main.py: the image builds, the container exits 1 at import, nothing answers.
cat > app/main.py <<'PY'
from fastapi import FastAPI

app = FastAPI()


@app.get("/")
def welcome_root():
    return "Welcome to root
PY
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
docker ps -a
curl -sS localhost:8000
