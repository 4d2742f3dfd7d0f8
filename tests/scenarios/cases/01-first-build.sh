# A first build runs every step: nothing is cached yet.
docker build -t demo-image .
docker images
