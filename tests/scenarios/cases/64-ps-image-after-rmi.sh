# A container whose image lost its tag (rmi -f) shows the image's short ID in docker ps.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
docker rmi -f demo-image
docker ps --format '{{.Names}} {{.Image}}'
docker images --filter dangling=true --format '{{.ID}} {{.Repository}}:{{.Tag}}'
