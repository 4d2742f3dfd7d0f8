# A file named dockerfile (lower case) is not found by docker build; -f names it.
# off-path
mv Dockerfile dockerfile
docker build -t demo-image .
docker build -t demo-image -f dockerfile .
