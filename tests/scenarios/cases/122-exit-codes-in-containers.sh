# exit in a container's shell ends it with that code; $? and && read it.
# off-path
docker build -t demo-image .
docker run --rm demo-image sh -c 'exit 3'
docker run --rm demo-image sh -c 'exit 3'; echo "exit code $?"
docker run --rm demo-image sh -c 'false' || echo "failed"
docker run --rm demo-image sh -c 'echo before; exit 0; echo after'
docker run --rm demo-image sh -c '(exit 4); echo "subshell said $?"'
