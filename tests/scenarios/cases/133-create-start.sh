# docker create: a container made from an image but not started (Created, its port not yet published); docker start runs it, start -a waits for it; create's own refusals, in its words.
# off-path
docker build -t demo-image .
docker create --name web -p 8000:8000 demo-image
docker ps -a --format '{{.Names}} {{.Status}} [{{.Ports}}]'
curl -s http://localhost:8000/
docker start web
docker ps --format '{{.Names}} {{.Ports}}'
curl -s http://localhost:8000/
docker create --name web demo-image
docker create -d demo-image
docker create --restart sometimes demo-image
docker create -v /tmp:app demo-image
docker create -p 99999:8000 demo-image
docker create nope-image
docker create
docker create --name badcmd demo-image nosuchcmd
docker start badcmd
docker create --rm --name once demo-image python -c 'print("hello from once")'
docker start -a once
docker ps -a --format '{{.Names}} {{.Status}}'
docker rm -f web badcmd
