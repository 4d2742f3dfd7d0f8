# docker run -w sets the working directory of the command.
# off-path
docker build -t demo-image .
docker run --rm demo-image pwd
docker run --rm -w /tmp demo-image pwd
docker run --rm -w /demo/app demo-image ls
docker run --rm --workdir /nowhere demo-image pwd
