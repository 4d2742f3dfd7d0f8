# Changing only CMD: every step CACHED, yet a new image ID, and the old image is left dangling.
docker build -t demo-image .
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.14-slim
WORKDIR /demo
COPY ./requirements.txt /demo/requirements.txt
RUN pip install --no-cache-dir --upgrade -r /demo/requirements.txt
COPY ./app /demo/app
EXPOSE 8000
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000", "--proxy-headers"]
DOCKERFILE
docker build -t demo-image .
docker images
