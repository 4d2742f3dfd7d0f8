# -p 8000 alone: Docker picks a free host port from the ephemeral range.
docker build -t demo-image .
docker run -d -p 8000 --name web demo-image
docker ps -a
