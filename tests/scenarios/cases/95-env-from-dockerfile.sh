# ENV in the Dockerfile reaches the app; -e overrides it.
cat > app/main.py <<'PY'
import os

from fastapi import FastAPI

app = FastAPI()


@app.get("/")
def welcome_root():
    return os.environ["GREETING"].upper()
PY
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.14-slim
WORKDIR /demo
COPY ./requirements.txt /demo/requirements.txt
RUN pip install --no-cache-dir --upgrade -r /demo/requirements.txt
COPY ./app /demo/app
ENV GREETING=from-the-image
EXPOSE 8000
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
DOCKERFILE
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
docker run -d -p 8001:8000 -e GREETING=overridden --name other demo-image
curl -sS localhost:8000
curl -sS localhost:8001
