# .dockerignore keeps ignored files out of COPY . .: a new log file keeps the cache, a new notes file does not.
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.13-slim
WORKDIR /demo
COPY . .
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
DOCKERFILE
echo '*.log' >> .dockerignore
docker build -t demo-image .
echo 'debug output' > debug.log
docker build -t demo-image .
echo 'some notes' > notes.txt
docker build -t demo-image .
