# A RUN line using $? and $HOME: BuildKit shows the instruction as written, the shell expands it.
# off-path
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.13-slim
RUN adduser x || echo "exit $?"
RUN echo "home is $HOME" && test -n "$PATH"; echo "status $?"
DOCKERFILE
docker build -t demo-image .
