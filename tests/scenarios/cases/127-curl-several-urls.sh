# Several URLs in one curl, and -w read from a file: one line per transfer.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
curl -sS localhost:8000/ localhost:8000/nope
printf 'got %%{http_code} from %%{url_effective}\\n' > format.txt
cat format.txt
curl -s -o /dev/null -w @format.txt localhost:8000/ localhost:8000/nope
