# curl -d sends a form unless told otherwise; --json @file and --data-binary @file send a file.
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
curl -sS -d 'name=pen&price=2' localhost:8000/items
curl -sS -d '{"name": "pen", "price": 2}' localhost:8000/items
printf '{"name": "lamp",\n "price": 30}\n' > item.json
curl -sS --json @item.json localhost:8000/items
curl -sS --data-binary @item.json -H 'Content-Type: application/json' localhost:8000/items
curl -sS -d @missing.json localhost:8000/items
