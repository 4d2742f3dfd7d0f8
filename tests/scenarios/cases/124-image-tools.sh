# The image's shell tools: which, type, test, and what the slim image lacks (curl).
# off-path
docker build -t demo-image .
docker run --rm demo-image which python pip uvicorn
docker run --rm demo-image sh -c 'type cd; type ls; command -v useradd'
docker run --rm demo-image sh -c 'test -d /demo/app && echo "app is there"; [ -f /nope ] || echo "no /nope"'
docker run --rm demo-image curl -s localhost:8000
docker run --rm demo-image sh -c 'curl localhost:8000'
docker run --rm demo-image cat /etc/os-release
