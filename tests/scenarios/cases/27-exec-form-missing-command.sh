# Exec form with a command the image lacks: the start fails with exit 127 and the container stays Created.
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image uvicornx app.main:app
docker ps -a
curl -sS localhost:8000
