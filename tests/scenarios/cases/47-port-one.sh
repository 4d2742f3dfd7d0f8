# docker port CONTAINER PORT answers for that port only; a port not published is an error.
# off-path
docker build -t demo-image .
docker run -d -p 8000:8000 --name web demo-image
docker port web 8000
docker port web 8000/tcp
docker port web 9000
docker port web 8000/udp
docker port web
docker port nope
