# With COPY . . the Dockerfile is part of the context: a comment change in it misses the COPY.
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.14-slim
WORKDIR /demo
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
DOCKERFILE
docker build -t demo-image .
echo '# just a comment' >> Dockerfile
docker build -t demo-image .
