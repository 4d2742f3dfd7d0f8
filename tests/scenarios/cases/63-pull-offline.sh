# docker pull: the lab (like the browser) cannot reach a registry.
# off-path
docker pull alpine
docker pull python:3.13-slim
docker pull Not_A_Name
