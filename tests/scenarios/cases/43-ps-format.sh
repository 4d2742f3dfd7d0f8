# docker ps --format: placeholders, a table, json, and an unknown field.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
docker ps --format '{{.Names}} {{.Image}} {{.Ports}}'
docker ps --format 'table {{.Names}}\t{{.Status}}'
docker ps --format '{{.Command}} {{.State}}'
docker ps --format '{{.Nope}}'
docker ps --format '{{json .Names}}'
