# Named volumes: -v NAME:/path makes the volume on first use, its files outlive the container, an empty volume is filled from the image's files at that path; volume create, ls, inspect, rm (refused while a container uses it) and prune.
# off-path
docker build -q -t demo-image .
docker volume ls
docker volume create notes
docker volume create notes
docker volume inspect notes
docker run --rm -v notes:/data demo-image sh -c 'echo hi > /data/a.txt'
docker run --rm -v notes:/data demo-image cat /data/a.txt
docker run --rm -v code:/demo/app demo-image ls /demo/app
docker volume ls
docker run -d --name web -v notes:/data demo-image
docker volume rm notes
docker volume rm nope
docker volume inspect nope
docker rm -f web
docker volume rm notes code
docker volume ls -q
docker volume create
docker volume prune -f
docker volume ls
