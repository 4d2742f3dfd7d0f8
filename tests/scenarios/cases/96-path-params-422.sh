# A typed path parameter is converted; a value that is not an int gets FastAPI's 422 body.
cat > app/main.py <<'PY'
from fastapi import FastAPI

app = FastAPI()


@app.get("/items/{item_id}")
def read_item(item_id: int):
    return {"item_id": item_id, "next": item_id + 1}
PY
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
curl -sS localhost:8000/items/41
curl -sS localhost:8000/items/abc
curl -sS -i localhost:8000/items/4.5
docker logs web
