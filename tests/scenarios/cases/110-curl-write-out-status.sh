# curl -w '%{http_code}' prints only the status: 200, 404, and 000 when nothing answers.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
curl -s -o /dev/null -w '%{http_code}\n' localhost:8000/
curl -s -o /dev/null -w '%{http_code}\n' localhost:8000/nope
curl -s -o /dev/null -w '%{http_code}\n' localhost:8001/
curl -s -w '\n%{http_code} %{content_type} %{size_download} bytes\n' localhost:8000/
