# docker inspect -f with Go templates: index, json, .HostConfig.PortBindings, .NetworkSettings.Ports, .Config.Env, .State.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 -e GREETING=hey --name web demo-image
docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.ExitCode}}' web
docker inspect -f '{{.HostConfig.PortBindings}}' web
docker inspect -f '{{json .HostConfig.PortBindings}}' web
docker inspect -f '{{.NetworkSettings.Ports}}' web
docker inspect -f '{{(index (index .NetworkSettings.Ports "8000/tcp") 0).HostPort}}' web
docker inspect -f '{{index .Config.Env 0}}' web
docker inspect -f '{{.Config.Env}}' web
docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' web
docker inspect -f '{{.Name}} {{.Config.Image}} {{.Config.Cmd}}' web
docker inspect -f '{{.Nope}}' web
docker inspect -f '{{.State.Status' web
