# Handlers are real Python: f-strings, string methods, arithmetic, lists and dicts.
cat > app/main.py <<'PY'
from fastapi import FastAPI

app = FastAPI()


@app.get("/")
def welcome_root():
    name = "docker learner"
    return f"Welcome, {name.title()}! {len(name)} letters, {2 ** 10} bytes."


@app.get("/squares")
def squares():
    return {"squares": [n * n for n in range(5)], "ratio": 7 / 2}
PY
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
curl -sS localhost:8000
curl -sS localhost:8000/squares
