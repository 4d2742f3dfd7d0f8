# Looking inside a running container and at the engine: hostname, env in Docker's order (PATH, HOSTNAME, then the image's ENV), a program the image lacks, /etc/debian_version; image inspect's port set; docker version and info --format.
# off-path
docker build -q -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
docker exec web hostname
docker exec web env
docker exec -e EXTRA=1 web env
docker run --rm -e PYTHONUNBUFFERED=0 demo-image env
docker exec web ps aux
docker exec web whoami
docker exec web python --version
docker run --rm demo-image cat /etc/debian_version
docker image inspect -f '{{.Config.ExposedPorts}} {{.Config.Cmd}} {{.Os}}/{{.Architecture}}' demo-image
docker image inspect -f '{{.Nope}}' demo-image
docker version --format '{{.Server.Version}} {{.Client.APIVersion}}'
docker version --format '{{.Client.ApiVersion}}'
docker info --format '{{.ServerVersion}} {{.ContainersRunning}}'
docker info --format '{{.Nope}}'
docker rm -f web
