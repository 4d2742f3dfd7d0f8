# docker tag: a missing source, an upper-case target, one argument.
# off-path
docker build -t demo-image .
docker tag nope demo-image:v2
docker tag demo-image Demo-Image
docker tag demo-image
docker tag demo-image localhost:5000/demo:v1
docker images --format '{{.ID}} {{.Repository}}:{{.Tag}}'
