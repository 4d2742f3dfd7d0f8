# docker exec: a missing container, a stopped one, a missing command, no command.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
docker exec nope ls
docker exec web nosuchcommand
docker exec web
docker exec web ls /nowhere
docker stop web
docker exec web ls
