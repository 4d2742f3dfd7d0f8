# rmi refuses an image a stopped container uses; rmi -f only untags it (the container keeps it).
# off-path
docker build -t demo-image .
docker run --name once demo-image python --version
docker rmi demo-image
docker rmi -f demo-image
docker images --format '{{.ID}} {{.Repository}}:{{.Tag}}'
docker ps -a --format '{{.Names}} {{.Status}}'
docker image rm nope
