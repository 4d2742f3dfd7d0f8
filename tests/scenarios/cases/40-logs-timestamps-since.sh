# docker logs -t prefixes each line with its time; --since keeps recent lines.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
docker logs -t --tail 1 web
docker logs --since 1h web
docker logs --since 2099-01-01T00:00:00 web
docker logs --until 2000-01-01T00:00:00 web
