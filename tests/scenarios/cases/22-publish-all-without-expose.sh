# -P with no EXPOSE in the image publishes nothing: PORTS is empty.
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.14-slim
WORKDIR /demo
COPY ./requirements.txt /demo/requirements.txt
RUN pip install --no-cache-dir --upgrade -r /demo/requirements.txt
COPY ./app /demo/app
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
DOCKERFILE
docker build -t demo-image .
docker run -d -P --name web demo-image
docker ps -a
curl -sS localhost:8000
