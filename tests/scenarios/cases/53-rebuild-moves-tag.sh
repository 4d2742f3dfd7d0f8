# After a rebuild moves the tag, docker ps shows the running container's IMAGE as the old image's short ID.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
cat > app/main.py <<'PY'
from fastapi import FastAPI

app = FastAPI()


@app.get("/")
def welcome_root():
    return "Welcome to the new root"
PY
docker build -t demo-image .
docker ps --format '{{.Names}} {{.Image}}'
docker ps -a
curl -sS localhost:8000
docker images --format '{{.Repository}} {{.Tag}} {{.ID}}'
