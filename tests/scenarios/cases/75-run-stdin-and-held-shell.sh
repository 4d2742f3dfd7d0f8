# docker run -i feeds the piped lines to the container's shell or Python; a shell kept open with -dit runs until stopped (PID 1 ignores SIGTERM); without -i it ends at once; -t and -i show in Config.
# off-path
docker build -q -t demo-image .
printf 'echo hi\nexit 4\n' | docker run -i --rm demo-image bash
echo 'pwd; nosuchcmd 2>&1; echo after' | docker run -i --rm demo-image sh
docker run -it --rm demo-image bash
echo 'print(6*7)' | docker run -i --rm demo-image python
docker run -dit --name held demo-image bash
docker ps --format '{{.Names}} {{.Command}} {{.Status}}'
docker exec held pwd
docker inspect -f '{{.Config.Tty}} {{.Config.OpenStdin}} {{.Config.AttachStdin}} {{.Config.StdinOnce}} {{.Config.Cmd}}' held
docker stop -t 1 held
docker ps -a --format '{{.Names}} {{.Status}}'
docker start held
docker ps --format '{{.Names}} {{.Status}}'
docker rm -f held
docker run -d --name quiet demo-image bash
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.Config.Tty}} {{.Config.OpenStdin}}' quiet
docker rm quiet
