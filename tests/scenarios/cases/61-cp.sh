# docker cp copies files out of and into a container.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
docker cp web:/demo/requirements.txt ./copied.txt
cat copied.txt
docker cp app/main.py web:/tmp/main.py
docker exec web ls /tmp
docker cp web:/nowhere ./x
docker cp nope:/demo ./x
