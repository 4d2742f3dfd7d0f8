# Ignoring the Dockerfile itself: after that, a comment in the Dockerfile keeps COPY . . cached.
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.13-slim
WORKDIR /demo
COPY . .
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
DOCKERFILE
printf 'Dockerfile\n.dockerignore\n' >> .dockerignore
docker build -t demo-image .
echo '# a comment' >> Dockerfile
docker build -t demo-image .
