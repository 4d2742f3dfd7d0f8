# A comment after the port on the EXPOSE line: Docker reads "#" as a port and the build stops before any step.
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.13-slim
WORKDIR /demo
COPY ./requirements.txt /demo/requirements.txt
RUN pip install --no-cache-dir --upgrade -r /demo/requirements.txt
COPY ./app /demo/app
EXPOSE 8000 # the port uvicorn listens on
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
DOCKERFILE
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
