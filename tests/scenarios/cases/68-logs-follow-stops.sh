# docker logs -f on a container that stops: it prints the logs and returns when the container ends (one stream: stdout and stderr lines race in the log).
# off-path
docker build -t demo-image .
docker run -d --name counter demo-image sh -c 'echo "line 1"; echo "line 2"; echo "line 3"; echo done; exit 4'
#wait counter exited
docker logs -f counter
docker logs -f --tail 1 counter
docker ps -a --filter name=counter --format '{{.Names}} {{.Status}}'
