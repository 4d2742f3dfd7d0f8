# -p 8000:8000 publishes on every host address, IPv4 and IPv6; curl gets the app's answer.
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
docker ps -a
curl -sS localhost:8000
curl -sS localhost:8000/nope
