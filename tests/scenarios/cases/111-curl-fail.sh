# curl -f turns an HTTP error into exit 22; --fail-with-body still prints the body.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
curl -sSf localhost:8000/nope
curl -sf localhost:8000/nope
curl -sS --fail-with-body localhost:8000/nope
curl -sSf localhost:8000/
