# Query parameters: defaults, conversion, a missing required one.
cat > app/main.py <<'PY'
from fastapi import FastAPI

app = FastAPI()


@app.get("/calc")
def calc(a: int, b: int = 10, short: bool = False, q: str | None = None):
    result = {"sum": a + b, "half": a / 2}
    if q:
        result["q"] = q.upper()
    return {"sum": a + b} if short else result
PY
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
curl -sS 'localhost:8000/calc?a=3'
curl -sS 'localhost:8000/calc?a=3&b=4&q=hi'
curl -sS 'localhost:8000/calc?a=3&short=yes'
curl -sS localhost:8000/calc
curl -sS 'localhost:8000/calc?a=x&short=maybe'
