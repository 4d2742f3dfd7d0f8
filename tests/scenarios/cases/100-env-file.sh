# --env-file reads NAME=value lines (comments and blank lines skipped, a bare NAME taken from the caller's environment).
# off-path
cat > app/main.py <<'PY'
import os

from fastapi import FastAPI

app = FastAPI()


@app.get("/")
def welcome_root():
    return f"{os.getenv('GREETING', 'hello')} from {os.getenv('APP_MODE', 'nowhere')}"
PY
cat > app.env <<'ENV'
# settings for the demo
GREETING=hey there

APP_MODE=dev
ENV
docker build -t demo-image .
docker run -d -p 8000:8000 --env-file app.env --name web demo-image
curl -sS localhost:8000
docker exec web printenv GREETING
