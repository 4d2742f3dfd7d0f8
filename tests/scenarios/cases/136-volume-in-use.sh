# A named volume outlives its container: docker inspect shows the volume's mount, removing the container leaves the volume and its files, prune -a frees them; volume names the daemon refuses.
# off-path
docker build -q -t demo-image .
docker run --name writer -v notes:/data demo-image sh -c 'echo hello > /data/x'
docker inspect -f '{{json .Mounts}} {{json .HostConfig.Binds}}' writer
docker volume prune -f
docker rm writer
docker run --rm -v notes:/data demo-image cat /data/x
docker create --name holder -v notes:/data demo-image
docker volume prune -af
docker rm holder
docker volume create x
docker volume create 'a@b'
docker run --rm -v 'a@b:/d' demo-image true
docker create -v notes:data demo-image
docker volume ls
docker volume prune -af
docker volume ls
