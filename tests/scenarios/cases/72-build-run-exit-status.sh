# A RUN line using $? and $HOME: BuildKit shows the instruction as written, the shell expands it.
# adduser's error goes to stdout (2>&1): dash writes it in two pieces, and BuildKit glued echo's
# stdout line between them when they came on two streams (CI at 76982b8).
# off-path
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.13-slim
RUN adduser x 2>&1 || echo "exit $?"
RUN echo "home is $HOME" && test -n "$PATH"; echo "status $?"
DOCKERFILE
docker build -t demo-image .
