# docker ps --filter: status=, name= (a substring, as Docker matches it), ancestor=, several filters.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
docker run --name web-once demo-image python --version
docker ps -a --filter status=exited --format '{{.Names}}'
docker ps -a -f status=running --format '{{.Names}}'
docker ps -a --filter name=web --format '{{.Names}}'
docker ps -a --filter name=once --format '{{.Names}}'
docker ps -a --filter ancestor=demo-image --format '{{.Names}}'
docker ps -a --filter name=web --filter status=exited --format '{{.Names}}'
docker ps --filter status=sleeping
docker ps --filter colour=red
