# curl in a pipeline: the body goes to the next command, a JSON body can come from stdin.
# off-path
cat > app/main.py <<'PY'
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str
    price: float


@app.post("/items")
def create_item(item: Item):
    return {"name": item.name, "price": item.price}
PY
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
echo '{"name": "pen", "price": 5}' | curl -sS --json @- localhost:8000/items
curl -s localhost:8000/openapi.json | grep -o '"title":"[^"]*"'
curl -s localhost:8000/openapi.json | wc -c
curl -sS localhost:8000/nope | tr -d '{}'
