# -H and -A set request headers the app reads; -H 'Name:' removes one of curl's own.
# off-path
cat > app/main.py <<'PY'
from fastapi import FastAPI, Request

app = FastAPI()


@app.get("/")
def headers(request: Request):
    return {
        "user-agent": request.headers.get("user-agent"),
        "accept": request.headers.get("accept"),
        "x-trace": request.headers.get("x-trace"),
    }
PY
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
curl -sS localhost:8000/
curl -sS -H 'X-Trace: 42' -A 'learner/1.0' localhost:8000/
curl -sS -H 'Accept:' -H 'X-Trace;' localhost:8000/
