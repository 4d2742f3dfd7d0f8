# docker rename: a container takes a new name, running or stopped; the daemon's refusals in its order (no such container, the same name, a name taken, a name it does not allow) and docker run's for a bad --name.
# off-path
docker run -d --name one python:3.14-slim sleep 60
docker run -d --name two python:3.14-slim sleep 60
docker rename one two
docker rename nope x
docker rename one
docker rename one one
docker rename one 'bad name'
docker rename one /three
docker ps --format '{{.Names}}'
docker rename three four
docker stop -t 0 four
docker rename four five
docker ps -a --format '{{.Names}} {{.Status}}'
docker run --name 'bad name' python:3.14-slim true
docker run --name x python:3.14-slim true
docker rm -f five two
