# A comment line inside a continued RUN is no part of the command (BuildKit drops it): the step's name leaves it out, and editing it keeps the cache.
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.14-slim
WORKDIR /demo
COPY ./requirements.txt /demo/requirements.txt
RUN pip install --no-cache-dir -r /demo/requirements.txt \
    # install the dependencies, then say so
    && echo installed
COPY ./app /demo/app
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
DOCKERFILE
docker build -t demo-image .
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.14-slim
WORKDIR /demo
COPY ./requirements.txt /demo/requirements.txt
RUN pip install --no-cache-dir -r /demo/requirements.txt \
    # a reworded comment
    && echo installed
COPY ./app /demo/app
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
DOCKERFILE
docker build -t demo-image .
