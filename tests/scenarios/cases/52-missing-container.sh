# Commands on a container that does not exist: rm -f, rm, stop, start, kill, restart, inspect.
# off-path
docker rm -f missing
docker rm missing
docker stop missing
docker start missing
docker kill missing
docker restart missing
docker inspect missing
docker rm -f
