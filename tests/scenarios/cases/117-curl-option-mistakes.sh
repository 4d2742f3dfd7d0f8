# curl's own answers to mistyped options: unknown, missing parameter, no URL.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
curl --bogus localhost:8000/
curl -sS -H
curl -s
curl -sS -m abc localhost:8000/
curl -sS -m 5 localhost:8000/
