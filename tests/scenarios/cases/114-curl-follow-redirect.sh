# A trailing slash gets FastAPI's 307 redirect; curl follows it only with -L.
# off-path
cat > app/main.py <<'PY'
from fastapi import FastAPI

app = FastAPI()


@app.get("/items")
def list_items():
    return ["pen", "cup"]
PY
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
curl -sS localhost:8000/items/
curl -sSi localhost:8000/items/
curl -sSL localhost:8000/items/
curl -sSLi localhost:8000/items/
curl -s -o /dev/null -w '%{http_code} %{redirect_url}\n' localhost:8000/items/
