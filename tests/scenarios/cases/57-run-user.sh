# docker run --user runs the command as that user; an unknown name is an error.
# off-path
docker build -t demo-image .
docker run --rm demo-image id
docker run --rm --user 1000 demo-image id
docker run --rm -u nobody demo-image id
docker run --rm -u 1000:1000 demo-image id -g
docker run --rm -u nosuchuser demo-image id
