# A path no route matches: 404; a route with another method: 405 with Allow; the trailing slash redirect.
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
curl -sS -i localhost:8000/nope
curl -sS -i -X POST localhost:8000/
curl -sS -X DELETE localhost:8000/
curl -sS localhost:8000/openapi.json
