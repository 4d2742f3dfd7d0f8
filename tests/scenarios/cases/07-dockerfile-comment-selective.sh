# With selective COPYs a Dockerfile comment changes nothing: all CACHED, same image.
docker build -t demo-image .
echo '# just a comment' >> Dockerfile
docker build -t demo-image .
