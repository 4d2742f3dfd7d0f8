# run -v: a host directory that does not exist is created empty; a file written in the container shows on the host.
# off-path
docker build -t demo-image .
docker run --rm -v "$(pwd)/data:/data" demo-image ls -A /data
docker run --rm -v "$(pwd)/data:/data" demo-image touch /data/made-inside
ls data
docker run --rm -v "$(pwd)/app:/demo/app" demo-image ls /demo/app
