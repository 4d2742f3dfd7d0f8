# docker images --filter (dangling, reference), --format and -q after a rebuild leaves a dangling image.
# off-path
docker build -t demo-image .
echo '# changed' >> app/main.py
docker build -t demo-image .
docker images --filter dangling=true --format '{{.ID}} {{.Repository}} {{.Tag}}'
docker images -f reference=demo-image --format '{{.ID}} {{.Repository}}:{{.Tag}}'
docker images --filter reference='python:*' --format '{{.ID}} {{.Repository}}:{{.Tag}}'
docker images -q demo-image
docker images demo-image --format 'table {{.ID}}\t{{.Repository}}\t{{.Tag}}\t{{.Size}}'
docker images --filter colour=red
