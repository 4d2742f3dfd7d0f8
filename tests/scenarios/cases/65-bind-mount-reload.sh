# run -v binds the project's app/ into the container: an edit reaches it and --reload restarts the app.
# off-path
docker build -t demo-image .
docker run -d --name web -p 127.0.0.1:8000:8000 -v "$(pwd)/app:/demo/app" demo-image uvicorn app.main:app --host 0.0.0.0 --port 8000 --reload
#wait web log "Application startup complete."
curl -sS localhost:8000
cat > app/main.py <<'PY'
from fastapi import FastAPI

app = FastAPI()


@app.get("/")
def welcome_root():
    return "Edited while running"
PY
#wait web log "Application startup complete." 2
curl -sS localhost:8000
docker exec web cat app/main.py
docker inspect -f '{{range .Mounts}}{{.Type}} {{.Destination}} {{.RW}}{{end}}' web
