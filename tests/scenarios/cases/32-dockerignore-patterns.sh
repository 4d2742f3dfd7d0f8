# .dockerignore patterns as the build client applies them: a class (*.py[cod]), a leading ** and an escaped # keep these files out of COPY . .
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.13-slim
WORKDIR /demo
COPY . .
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
DOCKERFILE
cat >> .dockerignore <<'IGNORE'
*.py[cod]
**.log
\#notes.txt
IGNORE
docker build -t demo-image .
echo 'debug output' > app/debug.log
echo 'compiled' > cache.pyo
echo 'private' > '#notes.txt'
docker build -t demo-image .
echo 'some notes' > notes.txt
docker build -t demo-image .
