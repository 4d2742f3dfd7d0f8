# python -c in a container: a traceback quotes the failing source line, as CPython 3.13+ does for -c code.
# off-path
docker build -q -t demo-image .
docker run --rm demo-image python -c 'import numpy'
docker run --rm demo-image python -c 'print("total:", 10 / 0)'
docker run --rm demo-image python -c 'x = 1; print(x + y)'
