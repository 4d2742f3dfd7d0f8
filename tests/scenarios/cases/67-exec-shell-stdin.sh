# docker exec with a shell: -it needs a terminal, -i runs the commands it reads until exit, without -i the shell ends at once.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
docker exec -it web sh
docker exec -i web sh <<'SH'
whoami
pwd
exit 3
echo never
SH
docker exec web sh
docker exec -i web sh -c 'cat; echo done' <<'SH'
from stdin
SH
