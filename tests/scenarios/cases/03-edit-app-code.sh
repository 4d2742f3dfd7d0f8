# Editing app code: only the last COPY runs again; the new image answers with the new message.
docker build -t demo-image .
cat > app/main.py <<'PY'
from fastapi import FastAPI

app = FastAPI()


@app.get("/")
def welcome_root():
    return "Welcome back to root!"
PY
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
curl -sS localhost:8000
