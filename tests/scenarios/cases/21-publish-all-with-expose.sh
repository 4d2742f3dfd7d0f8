# -P publishes every EXPOSEd port on a random host port.
docker build -t demo-image .
docker run -d -P --name web demo-image
docker ps -a
