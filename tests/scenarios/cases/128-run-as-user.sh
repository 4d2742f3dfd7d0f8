# docker run --user: a name from /etc/passwd, a bare UID (no name, HOME /), and a user that does not exist.
# off-path
docker build -t demo-image .
docker run --rm --user nobody demo-image sh -c 'echo "$HOME"; whoami; id'
docker run --rm --user 1234 demo-image sh -c 'echo "$HOME"; id'
docker run --rm --user 1234 demo-image whoami
docker run --rm --user nosuch demo-image id
