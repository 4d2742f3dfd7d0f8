# -v specs Docker refuses, each in its own words: the CLI's (an empty spec or section, 125) and the daemon's (a spec it cannot split, a path that is not absolute, a mode it does not know: 125 for run, 1 for create); ports the CLI refuses.
# off-path
docker create -v '' python:3.14-slim true
docker create -v /a::/b python:3.14-slim true
docker create -v :/b python:3.14-slim true
docker create -v a:b:c:d python:3.14-slim true
docker run -v a:b:c:d python:3.14-slim true
docker create -v /tmp:app python:3.14-slim true
docker run --rm -v /tmp:app python:3.14-slim true
docker create -v /tmp:/app:zz python:3.14-slim true
docker run -p 8000/xyz python:3.14-slim true
docker run -p 1.2.3:80:80 python:3.14-slim true
docker create -p 8000: python:3.14-slim true
docker ps -a --format '{{.Names}}'
