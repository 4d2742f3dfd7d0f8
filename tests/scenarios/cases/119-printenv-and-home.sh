# printenv, $HOME, whoami and id in a container: root's, with the image's environment.
# off-path
docker build -t demo-image .
docker run --rm demo-image printenv HOME
docker run --rm demo-image sh -c 'echo "$HOME $(whoami) $(id -u)"'
docker run --rm demo-image sh -c 'cd; pwd; echo ~'
docker run --rm demo-image id
docker run --rm demo-image whoami
