# docker ps -l and -n N show the most recently created containers, in any state.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
docker run --name once demo-image python --version
docker ps -l
docker ps -n 1 --format '{{.Names}}'
docker ps -n 2 --format '{{.Names}} {{.State}}'
docker ps --last 5 -q
