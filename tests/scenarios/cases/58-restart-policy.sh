# docker run --restart records the policy; a bad policy is refused.
# off-path
docker build -t demo-image .
docker run -d --restart unless-stopped -p 8000:8000 --name web demo-image
docker inspect -f '{{.HostConfig.RestartPolicy.Name}}' web
docker run -d --restart sometimes --name other demo-image
docker run -d --restart on-failure:3 --name third demo-image
docker inspect -f '{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}' third
docker ps -a --format '{{.Names}} {{.Status}}'
