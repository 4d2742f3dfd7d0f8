# curl -X POST --json sends a JSON body: FastAPI reads it into a pydantic model.
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
curl -sS -X POST --json '{"name": "pen", "price": 2.5}' localhost:8000/items
curl -sS --json '{"name": "book", "price": 12}' http://localhost:8000/items
curl -sS -H 'Content-Type: application/json' -d '{"name": "cup", "price": 4}' localhost:8000/items
docker logs web
