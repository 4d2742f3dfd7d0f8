# A container whose process only sleeps stays up: exec runs in it, its later output and its end
# come when their time does, `docker wait` blocks until then, and `docker stop` kills a sleep
# when the grace ends (PID 1 ignores SIGTERM).
# off-path
docker run -d --name box python:3.14-slim sleep infinity
docker ps --format '{{.Names}} {{.Status}} {{.Command}}'
docker exec box python3 -c 'print("inside", 6 * 7)'
docker stop -t 1 box
docker ps -a --format '{{.Names}} {{.Status}}'
docker rm box
docker run -d --name late python:3.14-slim sh -c 'echo early; sleep 20; echo late; exit 3'
docker logs late
docker ps -a --format '{{.Names}} {{.Status}}'
docker wait late
docker logs late
docker ps -a --format '{{.Names}} {{.Status}}'
docker rm late
docker wait late
docker run --rm python:3.14-slim sh -c 'echo one; sleep 1; echo two'
