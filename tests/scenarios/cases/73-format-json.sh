# --format json: docker ps -a and docker images print one JSON object per line, with every field a template can name.
# off-path
docker run --name jsonc python:3.14-slim true
docker ps -a --format json
docker ps -a --format '{{json .Names}} {{json .Ports}}'
docker images --format json python
docker images --format '{{json .}}' python:3.13-slim
docker rm jsonc
