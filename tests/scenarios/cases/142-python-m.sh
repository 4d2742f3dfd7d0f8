# python -m runs a module as CPython does (runpy): the app's own module, a standard-library one; a module that is not there and -m without one, in CPython's words.
# off-path
docker build -q -t demo-image .
docker run --rm demo-image python -m
docker run --rm demo-image python -m nosuch
docker run --rm demo-image python -m app.main
docker run --rm demo-image python -m json.tool --help
docker run --rm demo-image python3 -m app
