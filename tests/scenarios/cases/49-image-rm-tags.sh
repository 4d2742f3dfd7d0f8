# docker tag adds a name; image rm of one of two tags only untags; rm -f of the last tag deletes the unused image.
# off-path
docker build -t demo-image .
docker tag demo-image demo-image:v1
docker tag demo-image my/demo:1.0
docker images --format '{{.ID}} {{.Repository}}:{{.Tag}}'
docker image rm demo-image:v1
docker image rm -f my/demo:1.0
docker images --format '{{.ID}} {{.Repository}}:{{.Tag}}'
docker rmi demo-image
docker images --format '{{.ID}} {{.Repository}}:{{.Tag}}'
