# curl -sv shows the request curl sends and the response headers, the body last.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
curl -sv localhost:8000/
curl -sv localhost:8000/nope
