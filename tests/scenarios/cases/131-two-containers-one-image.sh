# The lesson "What is an image": two containers from one image, each with its own writable layer.
docker run -d --name one python:3.14-slim sleep 600
docker run -d --name two python:3.14-slim sleep 600
docker ps
docker exec one touch /tmp/hello.txt
docker diff one
docker exec two ls /tmp/hello.txt
docker rm -f one two
