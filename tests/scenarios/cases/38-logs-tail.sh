# docker logs --tail/-n keep the last lines; the number is the flag's value, not a container.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
curl -sS localhost:8000
curl -sS localhost:8000/nothing
docker logs --tail 2 web
docker logs -n 1 web
docker logs --tail=0 web
docker logs -n all web
