# docker logs with a bad --tail value, a missing container and no container at all.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
docker logs --tail two web
docker logs --tail 2
docker logs nope
docker logs --colour web
