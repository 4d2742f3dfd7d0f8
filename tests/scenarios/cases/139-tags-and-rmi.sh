# Off the path with tags and images: a tag Docker refuses, two tags at once, images -q and filters, -P, ps formats, history -H=false, rmi of a running container's image (untags only), rmi -f of a missing image (exit 0), exit codes of run.
# off-path
docker build -q -t Demo-Image .
docker build -q -t demo-image:1.0 -t demo-image:latest .
docker images demo-image
docker images --filter reference='demo-*'
docker images -q demo-image
docker tag demo-image UPPER/case
docker tag demo-image demo-image:bad:tag
docker tag nope demo-image:x
docker run -d -P --name web demo-image
docker port web
docker ps --format '{{.Names}} {{.Image}} {{.Command}} {{.Status}}'
docker ps --no-trunc --format '{{.Command}}'
docker ps -l --format '{{.Names}}'
docker ps -q --filter status=running --filter name=web
docker ps --filter ancestor=demo-image --format '{{.Names}}'
docker inspect -f '{{json .Config.Env}}' web
docker inspect -f '{{.HostConfig.PortBindings}}' web
docker inspect -f '{{index .Config.Labels "x"}}' web
docker history -H=false --format '{{.Size}}' demo-image:1.0
docker logs web --since 1h
docker stop web web
docker start web nope
docker rmi demo-image:1.0
docker rmi demo-image
docker rmi -f demo-image
docker ps -a --format '{{.Names}} {{.Image}}'
docker rm -f web
docker run --rm demo-image python -c 'import os; print(os.getcwd(), os.getuid())'
docker run --rm demo-image sh -c 'exit 42'
docker run --rm demo-image nonexistent-cmd
docker run --rm demo-image python nope.py
docker run -it --rm demo-image true
docker run --rm -t demo-image echo hi
docker run --rm demo-image echo "$HOME"
docker run --rm demo-image sh -c 'echo $HOME'
