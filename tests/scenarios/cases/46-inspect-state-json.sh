# docker inspect -f '{{json .State}}' on a running and a stopped container.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
docker inspect -f '{{json .State}}' web
docker stop web
docker inspect -f '{{json .State}}' web
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' web
