# A body FastAPI cannot read gets its 422 JSON: a missing field, a wrong type, broken JSON, no body.
# off-path
cat > app/main.py <<'PY'
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str
    price: float


@app.get("/")
def welcome_root():
    return "Welcome to root"


@app.post("/items")
def create_item(item: Item):
    return {"name": item.name, "price": item.price, "with_tax": item.price * 1.2}
PY
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
curl -sS --json '{"name": "pen"}' localhost:8000/items
curl -sS --json '{"name": "pen", "price": "cheap"}' localhost:8000/items
curl -sS --json '{"name": "pen",' localhost:8000/items
curl -sS -X POST localhost:8000/items
curl -s -o /dev/null -w '%{http_code}\n' --json '[1, 2]' localhost:8000/items
