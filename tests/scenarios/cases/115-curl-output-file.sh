# curl -o writes the body to a file; a folder that does not exist is curl's error 23.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
curl -s -o page.json localhost:8000/
cat page.json
curl -sS -o missing/page.json localhost:8000/
ls
