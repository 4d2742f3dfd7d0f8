# The same host port published twice in one run fails as the second listener cannot bind; a port another container holds is "already allocated"; the container is left Created with no ports.
# off-path
docker build -q -t demo-image .
docker run -d -p 8000:8000 -p 8000:8000 --name twice demo-image
docker ps -a --format '{{.Names}} {{.Status}} [{{.Ports}}]'
docker run -d -p 8000:8000 --name first demo-image
docker run -d -p 8000:8000 --name second demo-image
docker ps -a --format '{{.Names}} {{.Status}} [{{.Ports}}]'
docker rm -f twice first second
