# Other methods on a GET route: 405 with FastAPI's body; -I asks with HEAD.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
curl -sS -X DELETE localhost:8000/
curl -sS -X PUT -i localhost:8000/
curl -sSI localhost:8000/
curl -sI -d x=1 localhost:8000/
