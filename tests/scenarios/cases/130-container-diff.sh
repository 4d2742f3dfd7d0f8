# docker diff lists a container's writable layer: A added, C changed (and every directory above a
# change), D deleted; a stopped container keeps its layer, a removed one is gone.
# off-path
docker run -d --name box python:3.14-slim sleep infinity
docker diff box
docker exec box touch /tmp/hello.txt
docker exec box mkdir -p /srv/data/deep
docker exec box sh -c 'echo hi > /srv/data/deep/note.txt'
docker exec box rm /etc/os-release
docker exec box chmod 600 /etc/group
docker diff box
docker stop -t 0 box
docker container diff box
docker rm box
docker diff box
docker diff
