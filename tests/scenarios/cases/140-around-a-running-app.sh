# Around a running app, off the path: a port published on 127.0.0.1, curl's -w and -i, logs -n and --timestamps, exec's -w, $0, exit status and refusals, stop -t, restart, wait and port refusals, rename, sys.executable in an image, a traceback, uvicorn --version, a name Docker refuses.
# off-path
docker build -q -t demo-image .
docker run -d -p 127.0.0.1:8080:8000 --name web demo-image
curl -s http://127.0.0.1:8080/
curl -s -o /dev/null -w '%{http_code}\n' http://localhost:8080/docs
curl -s http://localhost:8080/openapi.json
curl -si http://localhost:8080/nope
docker logs -n 2 web
docker logs --timestamps web
docker exec web ls /demo/app
docker exec web cat /demo/requirements.txt
docker exec web python -c 'import sys; print(sys.executable)'
docker exec -w /tmp web pwd
docker exec web sh -c 'echo $0'
docker exec web false
docker exec nope true
docker exec web
docker stop -t 2 web
docker logs web
docker inspect -f '{{.State.ExitCode}} {{.State.Status}}' web
docker restart web
docker wait nope
docker port web 8000/tcp
docker port web 9999
docker rename web web2
docker ps --format '{{.Names}} {{.Ports}}'
docker container ls --filter name=web2 -q
docker rm -f web2
docker run --rm demo-image python -c 'print(1/0)'
docker run --rm demo-image uvicorn --version
docker run --rm --name 'x y' demo-image true
