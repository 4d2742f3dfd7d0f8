# Shell form with a missing command: /bin/sh starts, prints "not found" and exits 127.
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.14-slim
WORKDIR /demo
COPY ./requirements.txt /demo/requirements.txt
RUN pip install --no-cache-dir --upgrade -r /demo/requirements.txt
COPY ./app /demo/app
CMD uvicornx app.main:app --host 0.0.0.0 --port 8000
DOCKERFILE
docker build -t demo-image .
docker run -d --name web demo-image
docker ps -a
docker logs web
