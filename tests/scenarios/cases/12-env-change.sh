# Changing an ENV value: COPY before it stays cached, the next RUN misses and so does everything after.
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.14-slim
WORKDIR /demo
COPY ./requirements.txt /demo/requirements.txt
ENV APP_MODE=development
RUN pip install --no-cache-dir -r /demo/requirements.txt
COPY ./app /demo/app
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
DOCKERFILE
docker build -t demo-image .
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.14-slim
WORKDIR /demo
COPY ./requirements.txt /demo/requirements.txt
ENV APP_MODE=production
RUN pip install --no-cache-dir -r /demo/requirements.txt
COPY ./app /demo/app
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
DOCKERFILE
docker build -t demo-image .
